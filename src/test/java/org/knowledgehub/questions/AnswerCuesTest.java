package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What a sentence offers each kind of question, on sentences of the kind reports and field notes write. */
class AnswerCuesTest {

    @Test
    void aCauseOrAPurposeAnswersAWhyQuestionATopicalSentenceDoesNot() {
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Food insecurity rose mainly due to the depreciation of the Lebanese pound.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Households now buy water from private tankers and cut spending on food to pay for it.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Households borrowed money to afford rent.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "49% of households were food insecure in 2020.")).isFalse();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Shelter partners met in Zahle to discuss the winter response.")).isFalse();
    }

    @Test
    void aHowManyQuestionWantsAFigureNotAYearOrADay() {
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "About 90% of households are below the SMEB.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "The explosion of 4 August 2020 hit the port.")).isFalse();
        assertThat(AnswerCues.offers(Understanding.Kind.TREND, false, "Debt rose from LBP 1.7 million in 2020 to 2.5 million in 2021.")).isTrue();
    }

    @Test
    void aListIsASeriesOfShortItemsNotAClauseSetOffByCommas() {
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false, "The most applied strategies were taking on new debts (92%), "
                + "purchasing food on credit (75%), and reducing health (54%) and education expenditures (29%).")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false,
                "Stress coping strategies include selling household goods, spending savings, buying food on credit, and borrowing money.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false, "The use of livelihood-based coping strategies, that negatively "
                + "affect resilience and the capacity to generate income in the future, was also widespread among the refugees.")).isFalse();
        // Thousands separators are no item separators.
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false,
                "In the final sample, 8,337 cases were targeted, of which 5,090 households were visited.")).isFalse();
    }

    @Test
    void aSentenceOnAnotherMonthThanTheOneAskedGivesNoFigureForIt() {
        String question = "What did the food SMEB cost on average in December 2020?";
        assertThat(AnswerCues.otherMonths(question, "Since September 2020, the cost of the food SMEB has been fluctuating.")).isTrue();
        assertThat(AnswerCues.otherMonths(question, "The national average stands at LBP 111,457 in December 2020.")).isFalse();
        assertThat(AnswerCues.otherMonths(question, "The national average stands at LBP 111,457.")).isFalse();
        // "may" is a month only before a day or a year.
        assertThat(AnswerCues.otherMonths(question, "Child labour may be underreported.")).isFalse();
        assertThat(AnswerCues.otherMonths("What did rent cost in Akkar?", "Rent rose in September 2020.")).isFalse();
    }

    @Test
    void arabicAndFrenchQuestionsSayWhatKindOfAnswerTheyAskFor() {
        assertThat(QuestionUnderstanding.kind("لماذا توقف نقل المياه بالصهاريج في زحلة؟")).isEqualTo(Understanding.Kind.WHY);
        assertThat(QuestionUnderstanding.kind("Pourquoi les enfants quittent-ils l'école à Tripoli ?")).isEqualTo(Understanding.Kind.WHY);
        assertThat(QuestionUnderstanding.kind("متى عقد الفريق جلسة التوعية في المنية؟")).isEqualTo(Understanding.Kind.WHEN);
        assertThat(QuestionUnderstanding.kind("Quand l'équipe a-t-elle visité Minieh ?")).isEqualTo(Understanding.Kind.WHEN);
        assertThat(QuestionUnderstanding.kind("أين تتكدس النفايات؟")).isEqualTo(Understanding.Kind.WHERE);
        assertThat(QuestionUnderstanding.kind("Quelles sont les stratégies des familles ?")).isEqualTo(Understanding.Kind.LIST);
        assertThat(QuestionUnderstanding.kind("كم ساعة تنقطع الكهرباء في بعلبك؟")).isEqualTo(Understanding.Kind.FACT);
        assertThat(AnswerCues.asksForAmount("كم ساعة تنقطع الكهرباء في بعلبك؟")).isTrue();
        assertThat(AnswerCues.asksForAmount("ما نسبة العائلات المديونة في النبطية؟")).isTrue();
        assertThat(AnswerCues.asksForAmount("Quelle part du mois l'assistance couvre-t-elle ?")).isTrue();
        assertThat(AnswerCues.asksForAmount("Combien de tentes ont été inondées ?")).isTrue();
        assertThat(AnswerCues.asksForAmount("Pourquoi les déchets s'accumulent-ils ?")).isFalse();
        // Years in Arabic-Indic digits, and periods in French and Arabic.
        assertThat(QuestionUnderstanding.years("كم عائلة تلقت إنذاراً في عكار في ٢٠٢٣؟")).containsExactly(2023);
        assertThat(QuestionUnderstanding.years("Comment le loyer a-t-il évolué entre 2021 et 2023 ?")).containsExactly(2021, 2022, 2023);
        assertThat(QuestionUnderstanding.years("كيف تغير الإيجار بين ٢٠٢١ و٢٠٢٢؟")).containsExactly(2021, 2022);
        // Trends and comparisons, as in English.
        assertThat(QuestionUnderstanding.kind("Comment le loyer a-t-il évolué entre 2021 et 2023 ?")).isEqualTo(Understanding.Kind.TREND);
        assertThat(QuestionUnderstanding.kind("كيف تغير الإيجار بين ٢٠٢١ و٢٠٢٢؟")).isEqualTo(Understanding.Kind.TREND);
        assertThat(QuestionUnderstanding.kind("La dette des ménages a-t-elle augmenté depuis 2019 ?")).isEqualTo(Understanding.Kind.TREND);
        assertThat(QuestionUnderstanding.kind("هل ارتفعت ديون العائلات منذ عام 2019؟")).isEqualTo(Understanding.Kind.TREND);
        assertThat(QuestionUnderstanding.kind("Le travail des enfants est-il plus fréquent à Akkar qu'à Zahlé ? Comparez les deux."))
                .isEqualTo(Understanding.Kind.COMPARISON);
        assertThat(QuestionUnderstanding.kind("ما الفرق بين عكار وزحلة في نسبة الأطفال العاملين؟")).isEqualTo(Understanding.Kind.COMPARISON);
        assertThat(QuestionUnderstanding.kind("Quelle est la part des ménages endettés à Nabatieh ?")).isEqualTo(Understanding.Kind.FACT);
        // What is asked of a meeting's record.
        assertThat(MeetingAnswers.asked("Qui a présidé la réunion de l'IMWG du 13 juin 2019 ?")).contains(MeetingAnswers.Fact.CHAIRS);
        assertThat(MeetingAnswers.asked("من ترأس اجتماع فريق العمل في ١٣ حزيران ٢٠١٩؟")).contains(MeetingAnswers.Fact.CHAIRS);
        assertThat(MeetingAnswers.asked("Quelles organisations étaient représentées à la réunion ?")).contains(MeetingAnswers.Fact.AGENCIES);
        assertThat(MeetingAnswers.asked("ما هي نقاط العمل التي اتفق عليها في الاجتماع؟")).contains(MeetingAnswers.Fact.ACTIONS);
        assertThat(ArabicFrenchCues.day("Qui a présidé la réunion du 13 juin 2019 ?")).hasValue(LocalDate.of(2019, 6, 13));
        assertThat(ArabicFrenchCues.day("من ترأس اجتماع ١٣ حزيران ٢٠١٩؟")).hasValue(LocalDate.of(2019, 6, 13));
        assertThat(ArabicFrenchCues.day("Qui a présidé la réunion du 31 juin 2019 ?")).isEmpty();
    }

    @Test
    void arabicAndFrenchSentencesOfferReasonsFiguresDatesAndLists() {
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false, "أوقف المتعهد نقل المياه بسبب ارتفاع سعر المازوت.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false, "تلقت ثلاث عائلات إنذاراً لأنها تأخرت في دفع الإيجار.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false, "Le contrat a été suspendu faute de financement.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false, "Les déchets s'accumulent car la société n'est pas payée.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false, "Le carburant est distribué dans les villages du caza.")).isFalse();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false, "زار الفريق المخيمات في بر الياس.")).isFalse();
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "غمرت المياه أكثر من أربعين خيمة.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "تحصل كل عائلة على أقل من ٢٠ ليتراً في اليوم.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "Plus de quarante tentes ont été inondées.")).isTrue();
        // A year is no figure, in either digits.
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "زار الفريق بلدية زحلة في آذار ٢٠٢٣.")).isFalse();
        assertThat(AnswerCues.offers(Understanding.Kind.WHEN, false, "عقد الفريق جلسة توعية في آذار ٢٠٢٣.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHEN, false, "En mars, l'équipe a animé une séance.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false, "تشتري العائلات الخبز، الأرز، العدس والزيت.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false, "Les familles achètent du pain, du riz, des lentilles et de l'huile.")).isTrue();
        // Months are compared whatever the language names them in: March is آذار and mars.
        assertThat(AnswerCues.otherMonths("ما عدد العائلات في آذار ٢٠٢٣؟", "En mars 2023, 40 familles.")).isFalse();
        assertThat(AnswerCues.otherMonths("ما عدد العائلات في آذار ٢٠٢٣؟", "في أيار ٢٠٢٣ تلقت ٤٠ عائلة المساعدة.")).isTrue();
        // English is read as before: "car" is no reason there.
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false, "The car of the mayor was parked in front of the school.")).isFalse();
    }

    @Test
    void arabicSentencesEndAtTheArabicQuestionMarkAndFullStop() {
        String text = "هل وصلت المياه؟ لا، لم تصل۔ توقفت الصهاريج.";
        assertThat(QuoteFinder.sentences(text).stream().map(s -> text.substring(s[0], s[1])).toList())
                .containsExactly("هل وصلت المياه؟", "لا، لم تصل۔", "توقفت الصهاريج.");
    }
}
