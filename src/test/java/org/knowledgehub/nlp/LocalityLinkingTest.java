package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.ConceptLabels;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Towns and villages link to their locality under the right district, in English, Arabic and
 * French and in the spellings documents use; a bare name a town shares with its district means
 * the district (ontology/localities.ttl, ambiguity rule).
 */
class LocalityLinkingTest extends HubTest {

    @Autowired
    EntityLinker linker;

    @Autowired
    ConceptLabels labels;

    /** The IRI of the place the text links at the first occurrence of {@code surface}. */
    private String linkAt(String text, String surface) {
        int at = text.indexOf(surface);
        List<Mention> places = linker.link(text, (LocalDate) null).stream()
                .filter(m -> m.type() == MentionType.PLACE && m.link() != null && m.overlaps(at, at + surface.length())).toList();
        assertThat(places).as(surface + " in: " + text).hasSize(1);
        return places.getFirst().link();
    }

    private String placeAt(String text, String surface) {
        return labels.code(linkAt(text, surface));
    }

    /** The code of the area directly above the place linked at {@code surface}. */
    private String parentAt(String text, String surface) {
        return labels.code(labels.broader(linkAt(text, surface)).getFirst());
    }

    @Test
    void spellingVariantsInThreeLanguagesLinkToTheTownUnderItsDistrict() {
        String en = "Medair trucked water to informal settlements in Bar Elyas and Kab Elias in February 2021.";
        assertThat(placeAt(en, "Bar Elyas")).isEqualTo("LB25-bar-elias");
        assertThat(placeAt(en, "Kab Elias")).isEqualTo("LB25-qab-elias");
        assertThat(placeAt("Flooding hit the camps around Barelias after the storm.", "Barelias")).isEqualTo("LB25-bar-elias");
        String ar = "وصلت المساعدات إلى عرسال والقاع وحلبا.";
        assertThat(placeAt(ar, "عرسال")).isEqualTo("LB21-arsal");
        assertThat(placeAt(ar, "القاع")).isEqualTo("LB21-el-qaa");
        assertThat(placeAt(ar, "حلبا")).isEqualTo("LB51-halba");
        String fr = "Les familles de Qabb Élias et de Bourj Hammoud, au Liban, attendent toujours.";
        assertThat(placeAt(fr, "Qabb Élias")).isEqualTo("LB25-qab-elias");
        assertThat(placeAt(fr, "Bourj Hammoud")).isEqualTo("LB36-bourj-hammoud");

        assertThat(parentAt(en, "Bar Elyas")).isEqualTo("LB25");
        assertThat(parentAt(ar, "عرسال")).isEqualTo("LB21");
        assertThat(parentAt(ar, "حلبا")).isEqualTo("LB51");
        assertThat(parentAt(fr, "Bourj Hammoud")).isEqualTo("LB36");
        assertThat(parentAt("Zahle and Bar Elias", "Zahle")).as("a district's parent is its governorate").isEqualTo("LB2");
    }

    @Test
    void aBareNameSharedWithTheDistrictMeansTheDistrictAndAQualifiedOneTheTown() {
        assertThat(placeAt("Rents rose in Zahle in 2022.", "Zahle")).isEqualTo("LB25");
        assertThat(placeAt("Rents rose in the city of Zahle in 2022.", "city of Zahle")).isEqualTo("LB25-zahle");
        assertThat(placeAt("Les loyers ont augmenté dans la ville de Zahlé.", "ville de Zahlé")).isEqualTo("LB25-zahle");
        assertThat(placeAt("ارتفعت الإيجارات في مدينة زحلة.", "مدينة زحلة")).isEqualTo("LB25-zahle");
        assertThat(placeAt("Tripoli city saw protests in Lebanon's crisis.", "Tripoli city")).isEqualTo("LB56-tripoli");
        assertThat(placeAt("In Lebanon, Tripoli saw protests.", "Tripoli")).isEqualTo("LB56");
        assertThat(placeAt("A clinic in Haret Saida, Lebanon, closed.", "Haret Saida")).isEqualTo("LB61-haret-saida");
        assertThat(placeAt("Families returned to Ras Baalbek.", "Ras Baalbek")).isEqualTo("LB21-ras-baalbek");
        assertThat(linker.link("The city of Tripoli, Libya, was shelled.", (LocalDate) null).stream()
                .filter(m -> m.type() == MentionType.PLACE && m.link() != null && m.link().endsWith("LB56-tripoli")))
                .as("a name shared abroad, in a text not about Lebanon").isEmpty();
        assertThat(linker.link("the city of zahle", (LocalDate) null).stream().filter(m -> m.type() == MentionType.PLACE))
                .as("names must be capitalised").isEmpty();
    }
}
