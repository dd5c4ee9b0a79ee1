package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.ConceptLabels;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Arabic names and terms link whatever is written attached before them: a conjunction, a
 * preposition, the article (ontology labels carry it: "الإيجار"); Arabic dates are read.
 */
class ArabicLinkingTest extends HubTest {

    @Autowired
    EntityLinker linker;

    @Autowired
    ConceptLabels labels;

    private List<String> linked(String text, MentionType type) {
        return linker.link(text, (LocalDate) null).stream()
                .filter(m -> m.type() == type && m.link() != null).map(m -> labels.code(m.link())).toList();
    }

    @Test
    void placesLinkBehindConjunctionsAndPrepositions() {
        assertThat(linked("وصلت المساعدات وبزحلة ارتفع سعر المازوت.", MentionType.PLACE)).contains("LB25");
        assertThat(linked("قدمت المنظمة الدعم للمنية.", MentionType.PLACE)).contains("LB55-minieh");
        // A name that starts with a preposition's letter is the name: Baalbek, not ب + "علبك".
        assertThat(linked("انقطعت الكهرباء في بعلبك.", MentionType.PLACE)).contains("LB21");
    }

    @Test
    void aPlaceNameThatIsAlsoACommonWordLinksOnlyWhereTheTextMakesItAPlace() {
        // الخيام is the town of Khiam (Marjayoun) and "the tents".
        assertThat(linked("تعيش الأسر في الخيام منذ سنتين.", MentionType.PLACE)).doesNotContain("LB43-khiam");
        assertThat(linked("بعض العائلات انتقلت إلى غرف غير مكتملة أو إلى الخيام.", MentionType.PLACE)).doesNotContain("LB43-khiam");
        assertThat(linked("زار الفريق بلدة الخيام في قضاء مرجعيون.", MentionType.PLACE)).contains("LB43-khiam");
        assertThat(linked("وصلت المساعدات إلى الخيام في قضاء مرجعيون.", MentionType.PLACE)).contains("LB43-khiam");
        assertThat(linked("وزعت البلدية الخبز في الخيام، مرجعيون.", MentionType.PLACE)).contains("LB43-khiam");
        // The English name is no common word.
        assertThat(linked("The team visited Khiam in Marjayoun.", MentionType.PLACE)).contains("LB43-khiam");
    }

    @Test
    void sectorTermsLinkWithOrWithoutTheirArticle() {
        assertThat(linked("طلبت العائلات مساعدة للإيجار.", MentionType.SECTOR)).contains("shelter");
        assertThat(linked("ارتفع إيجار البيوت.", MentionType.SECTOR)).contains("shelter");
        assertThat(linked("تأخرت العائلات وبالإيجار المتراكم تلقت إنذارات.", MentionType.SECTOR)).contains("shelter");
    }

    @Test
    void mentionSpansStartAtTheNameNotItsPrefix() {
        String text = "وصلت المساعدات وبزحلة.";
        Mention m = linker.link(text, (LocalDate) null).stream().filter(x -> x.type() == MentionType.PLACE).findFirst().orElseThrow();
        assertThat(m.text()).isEqualTo("زحلة");
    }

    @Test
    void arabicDatesAreReadInEitherDigits() {
        List<String> dates = linker.link("زار الفريق زحلة في آذار ٢٠٢٣ ثم في تشرين الثاني 2022، كما في عام ٢٠٢١. بلغ عدد العائلات ٢٠٢٣ عائلة.",
                (LocalDate) null).stream().filter(m -> m.type() == MentionType.DATE).map(Mention::value).toList();
        assertThat(dates).containsExactly("2023-03", "2022-11", "2021");
    }
}
