package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The organisation confidence ranks stronger evidence higher, one kind of evidence at a time. */
class OrganisationConfidenceTest {

    private static final Set<String> UNHCR = Set.of("United Nations High Commissioner for Refugees", "UNHCR", "HCR");
    private static final Set<String> HI = Set.of("Humanity & Inclusion", "HI", "Handicap International");
    private static final Set<String> CARITAS = Set.of("Caritas Lebanon", "Caritas Liban");

    @Test
    void anExactNameBeatsAFoldedOneWhichBeatsAPartOfAName() {
        double exact = OrganisationConfidence.knownName("Caritas Lebanon", CARITAS);
        double folded = OrganisationConfidence.knownName("CARITAS LEBANON", CARITAS);
        double part = OrganisationConfidence.knownName("Caritas", CARITAS);
        assertThat(exact).isGreaterThan(folded);
        assertThat(folded).isGreaterThan(part);
        assertThat(part).isGreaterThan(0);
    }

    @Test
    void aLongAcronymIsSurerThanATwoLetterOne() {
        assertThat(OrganisationConfidence.knownName("UNHCR", UNHCR)).isGreaterThan(OrganisationConfidence.knownName("HI", HI));
        assertThat(OrganisationConfidence.knownName("Hi", HI)).isLessThan(OrganisationConfidence.knownName("HI", HI));
    }

    @Test
    void anUnknownNameEndingLikeAnOrganisationLooksMoreLikeOneThanAPersonsName() {
        assertThat(OrganisationConfidence.unknownName("Akkar Network for Development Association"))
                .isGreaterThan(OrganisationConfidence.unknownName("Sofia Kordonets"));
        assertThat(OrganisationConfidence.unknownName("Sofia Kordonets")).isGreaterThan(OrganisationConfidence.unknownName("Afrin"));
    }

    @Test
    void wordsAboutOrganisationsRaiseTheContextAndPersonsOrPlacesLowerIt() {
        String partners = "Fieldwork was carried out by implementing partners, namely Shield and others.";
        String neutral = "The weather report says Shield will be sunny all week long in the valley.";
        String place = "People moved from Idlib as well as Shield (Aleppo governorate) to safer areas.";
        double cue = context(partners, "Shield", List.of());
        double none = context(neutral, "Shield", List.of());
        double against = context(place, "Shield", List.of());
        assertThat(cue).isGreaterThan(none);
        assertThat(none).isGreaterThan(against);
    }

    @Test
    void anotherKnownOrganisationNearbyRaisesTheContext() {
        String text = "The training was given by Shield together with UNHCR staff.";
        int at = text.indexOf("UNHCR");
        Mention unhcr = new Mention(at, at + 5, "UNHCR", MentionType.ORGANISATION, "http://x/id/organisation/unhcr", null, 0.9,
                false, "gazetteer");
        assertThat(context(text, "Shield", List.of(unhcr))).isGreaterThan(context(text, "Shield", List.of()));
    }

    @Test
    void nerProbabilityMovesTheScoreAndItsAbsenceIsNeutral() {
        double sure = OrganisationConfidence.score(0.3, 0.99, 0.5);
        double unsure = OrganisationConfidence.score(0.3, 0.4, 0.5);
        double unknown = OrganisationConfidence.score(0.3, null, 0.5);
        assertThat(sure).isGreaterThan(unknown);
        assertThat(unknown).isGreaterThan(unsure);
    }

    @Test
    void aDirectoryNameWithoutContextPassesTheDefaultThresholdAndAPersonsNameDoesNot() {
        double threshold = 0.5;
        String text = "UNHCR is contacting all refugee households residing in affected areas.";
        assertThat(OrganisationConfidence.score(OrganisationConfidence.knownName("UNHCR", UNHCR), null,
                context(text, "UNHCR", List.of()))).isGreaterThanOrEqualTo(threshold);
        String person = "Sofia Kordonets, law expert, explained how every refugee should be registered.";
        assertThat(OrganisationConfidence.score(OrganisationConfidence.unknownName("Sofia Kordonets"), 0.6,
                context(person, "Sofia Kordonets", List.of()))).isLessThan(threshold);
    }

    private static double context(String text, String name, List<Mention> nearby) {
        int at = text.indexOf(name);
        return OrganisationConfidence.context(text, at, at + name.length(), nearby);
    }
}
