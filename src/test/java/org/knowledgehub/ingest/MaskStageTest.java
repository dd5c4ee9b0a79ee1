package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubProperties;
import org.knowledgehub.nlp.CoreNlpEngine;
import org.knowledgehub.nlp.EntityLinker;
import org.knowledgehub.nlp.Mention;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.nlp.NlpProperties;
import org.knowledgehub.nlp.PersonalDataPatterns;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.OrganisationDirectory;

/**
 * The mask stage with NLP off (patterns and titles only, as with {@code kh.nlp.enabled=false}),
 * and its decisions on names CoreNLP would give it: personal data masked at the same length, places,
 * organisations and staff left alone, consent checked.
 */
class MaskStageTest {

    static EntityLinker linker;

    static final String NOTE = """
            # Visit to Mr. Ahmad Khalil in Zahle

            Mr. Ahmad Khalil (reachable on +961 3 123 456 or ahmad.khalil@example.org, UNHCR case LEB-12345678)
            said that Umm Ali rents a room in Abu Samra from the same landlord. UNHCR and WFP were informed.
            Abu Samra and Tell have the highest rents of Tripoli.

            ## Follow-up

            Ahmad Khalil will be visited again in Bar Elias; rent is LBP 200,000-250,000 per month.
            """;

    @BeforeAll
    static void linkerWithoutNlp() throws Exception {
        HubProperties hub = Structure.hub();
        ConceptLabels labels = new ConceptLabels(Structure.ontology());
        linker = new EntityLinker(Structure.gazetteer(), new OrganisationDirectory(labels, hub),
                new CoreNlpEngine(new NlpProperties(false, 20000, 100, 0.5)));
    }

    static DocumentContext masked(String text, DocumentType type, ConsentRecord consent) {
        DocumentContext doc = new DocumentContext(new IngestRequest(text.getBytes(StandardCharsets.UTF_8), "note.md", null, type,
                null, null, null, "test", Set.of(), Set.of(), consent, null), "test-00000000", "hash", "stamp", IngestProgress.NONE);
        for (IngestStage stage : List.of(new ParseStage(new DocumentParser(5_000_000, 100)), new SegmentStage(), new MinutesStage(),
                Structure.metadataStage(), new LinkStage(linker), new MaskStage())) {
            if (stage.accepts(doc)) {
                stage.process(doc);
            }
        }
        return doc;
    }

    static final ConsentRecord GIVEN = new ConsentRecord(true, true, "follow-up of a protection case", true);

    @Test
    void withoutNlpPatternsAndTitledNamesAreMaskedAtTheSameLength() {
        DocumentContext doc = masked(NOTE, DocumentType.FIELD_NOTE, GIVEN);
        String text = doc.text.text();
        assertThat(doc.unmaskedText).contains("Ahmad Khalil", "+961 3 123 456", "ahmad.khalil@example.org", "LEB-12345678", "Umm Ali");
        assertThat(text).hasSameSizeAs(doc.unmaskedText)
                .doesNotContain("Ahmad", "Khalil", "123 456", "example.org", "12345678", "Umm Ali")
                .contains("Mr. [name██████]", "[phone███████]", "[email", "[id", "███████]")
                // Places and organisations stay; "Abu Samra" is a place, after "in".
                .contains("Zahle", "Abu Samra", "UNHCR and WFP", "Bar Elias", "LBP 200,000-250,000");
        // Outside the masked spans, not a character moved.
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != doc.unmaskedText.charAt(i)) {
                int at = i;
                assertThat(text.charAt(i)).as("at %d", at).isIn('[', ']', MaskStage.BOX, 'n', 'a', 'm', 'e', 'p', 'h', 'o', 'l', 'i', 'd');
            }
        }
        assertThat(doc.title).isEqualTo("Visit to Mr. [name██████] in Zahle");
        assertThat(doc.unmaskedTitle).isEqualTo("Visit to Mr. Ahmad Khalil in Zahle");
        assertThat(doc.sections.getFirst().title()).isEqualTo(doc.title);
        // Every mention quotes the masked text at its offsets; the names are persons, the rest personal data.
        for (Mention m : doc.mentions) {
            assertThat(m.text()).isEqualTo(text.substring(m.start(), m.end()));
        }
        List<String> persons = doc.mentions.stream().filter(m -> m.type() == MentionType.PERSON)
                .map(m -> doc.unmaskedText.substring(m.start(), m.end())).toList();
        assertThat(persons).containsExactlyInAnyOrder("Ahmad Khalil", "Ahmad Khalil", "Umm Ali", "Ahmad Khalil");
        assertThat(doc.mentions.stream().filter(m -> m.type() == MentionType.PERSONAL_DATA)).hasSize(3);
        assertThat(doc.mentions).anyMatch(m -> m.type() == MentionType.PLACE && m.text().equals("Zahle"));
        assertThat(doc.consent).isEqualTo(GIVEN);
    }

    @Test
    void aNameMaskedInTheDiscussionIsMaskedInTheAgendaAndHeaderToo() {
        String minutes = "## Minutes of Protection Working Group Meeting (Bekaa) - Zahle, 4 April 2023\n\n"
                + "<b>Meeting Location</b>\tUNHCR Zahle Sub-Office\t<b>Meeting Time</b>\t10:00am\n"
                + "<b>Chair persons</b>\tRami Haddad (UNHCR)\t<b>Meeting Duration</b>\t2 Hrs.\n"
                + "<b>Minutes by</b>\tMaya Khoury (UNHCR)\t\t\n"
                + "<b>Represented Agencies</b>\tUNHCR, NRC, DRC\t\t\n"
                + "<b>Agenda</b>\t<ul style=\"list-style-type: none\"> <li>• Eviction case of Mr. Ahmad Khalil in Bar Elias</li>"
                + " <li>• AOB</li> </ul>\t\t\n\n"
                + "## Eviction case\n\n"
                + "NRC reported that Mr. Ahmad Khalil and his family were evicted from their shelter in Bar Elias after three months"
                + " of rent arrears; the landlord asked for the rent in US dollars.\n";
        DocumentContext doc = masked(minutes, DocumentType.MINUTES, null);
        assertThat(doc.unmaskedText).contains("Mr. Ahmad Khalil in Bar Elias");
        assertThat(doc.meeting).isNotNull();
        assertThat(doc.meeting.agenda()).isNotEmpty().allSatisfy(a -> assertThat(a.text()).doesNotContain("Ahmad", "Khalil"));
        assertThat(doc.meeting.agenda().getFirst().text()).contains("Eviction case of Mr. [name", "in Bar Elias");
        // The meeting's own people stay named; the person the meeting discussed is masked everywhere.
        assertThat(doc.text.text()).doesNotContain("Ahmad", "Khalil").contains("Rami Haddad", "Maya Khoury");
        assertThat(doc.meeting.chairs()).extracting(Meeting.Person::name).contains("Rami Haddad");
    }

    @Test
    void aFieldNoteWithPersonalDataNeedsInformedConsent() {
        for (ConsentRecord consent : new ConsentRecord[]{null, new ConsentRecord(true, null, null, false),
                new ConsentRecord(true, false, null, false)}) {
            assertThatThrownBy(() -> masked(NOTE, DocumentType.FIELD_NOTE, consent))
                    .isInstanceOfSatisfying(IngestFailure.class, e -> {
                        assertThat(e.field()).isEqualTo("informedConsent");
                        assertThat(e.getMessage()).contains("field note contains personal data",
                                "4 names of persons, an e-mail address, a phone number and an ID-like number",
                                "informedConsent=true").doesNotContain("Khalil", "123", "example", "LEB-");
                    });
        }
        assertThatThrownBy(() -> masked(NOTE, DocumentType.FIELD_NOTE, new ConsentRecord(true, true, " ", true)))
                .isInstanceOfSatisfying(IngestFailure.class, e -> assertThat(e.field()).isEqualTo("consentPurpose"));
        assertThatThrownBy(() -> masked("Nothing personal here.", DocumentType.FIELD_NOTE, new ConsentRecord(true, null, null, true)))
                .as("personal data declared without consent").isInstanceOfSatisfying(IngestFailure.class,
                        e -> assertThat(e.field()).isEqualTo("informedConsent"));
    }

    @Test
    void aFieldNoteNotCollectedFromPeopleKeepsItsNamesMaskedWithoutConsent() {
        // A published report filed as a field note: its authors' names and contacts are masked, nobody's consent is missing.
        DocumentContext doc = masked(NOTE, DocumentType.FIELD_NOTE, new ConsentRecord(false, null, null, false));
        assertThat(doc.text.text()).doesNotContain("Khalil", "123 456", "example.org", "LEB-").contains("[phone", "[email");
        assertThat(doc.unmaskedText).contains("Khalil");
        assertThatThrownBy(() -> masked(NOTE, DocumentType.FIELD_NOTE, new ConsentRecord(null, null, null, false)))
                .as("not said whether it was collected from people").isInstanceOf(IngestFailure.class);
    }

    @Test
    void otherDocumentsAreMaskedWithoutConsentAndFieldNotesWithoutPersonalDataCarryAnUnknownRecord() {
        DocumentContext report = masked(NOTE, DocumentType.ASSESSMENT, null);
        assertThat(report.text.text()).doesNotContain("Khalil", "123 456");
        assertThat(report.consent).isNull();
        DocumentContext plain = masked("# Water\n\nTrucking in Zahle costs LBP 45,000 per month.", DocumentType.FIELD_NOTE, null);
        assertThat(plain.unmaskedText).as("nothing masked").isNull();
        assertThat(plain.consent).isEqualTo(ConsentRecord.undeclared());
        assertThat(plain.consent.statusCode()).isEqualTo("unknown");
    }

    /** What CoreNLP gives on the demo corpus: places, pronouns and agency staff tagged PERSON, beside real names. */
    @Test
    void onlyPrivatePersonsAmongCoreNlpPersonsAreMasked() {
        String text = "In Bar Elias he met the shawish, Mahmoud Sweid, and families from Homs. Mira Haddad from UNHCR and "
                + "Karim Nassar presented. Relatives live in Bourj Hammoud near Rafik Hariri Hospital. Mahmoud Sweid "
                + "collects the rent; KI-6 said so.";
        List<Mention> mentions = new ArrayList<>(linker.link(text, List.of()));
        for (String person : List.of("Bar Elias", "he", "Mahmoud Sweid", "Homs", "Mira Haddad", "Karim Nassar", "Bourj Hammoud",
                "Rafik Hariri", "KI-6")) {
            int at = text.indexOf(person);
            mentions.add(new Mention(at, at + person.length(), person, MentionType.PERSON, null, null, 0.8, false, "corenlp"));
        }
        PersonalDataFinder.Found found = PersonalDataFinder.find(text, mentions, Set.of("Karim Nassar"), 0);
        assertThat(found.spans()).extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("Mahmoud Sweid", "Mahmoud Sweid");
        assertThat(found.mentions().stream().filter(m -> m.type() == MentionType.PERSON).map(Mention::text))
                .containsExactly("Mahmoud Sweid", "Mahmoud Sweid");
    }

    @Test
    void theMaskIsAsLongAsTheSpanAndSaysWhatWasThere() {
        assertThat(MaskStage.replacement("Rana Khaddour", PersonalDataKind.NAME)).isEqualTo("[name███████]");
        assertThat(MaskStage.replacement("+961 3 123 456", PersonalDataKind.PHONE)).isEqualTo("[phone███████]");
        assertThat(MaskStage.replacement("Ali", PersonalDataKind.NAME)).isEqualTo("███");
        assertThat(MaskStage.replacement("Rana\nKhaddour", PersonalDataKind.NAME)).isEqualTo("[nam\n███████]");
    }

    @Test
    void patternsFindContactDetailsButNotFigures() {
        for (String data : List.of("+961 3 123 456", "03 123456", "961-70-123456", "+44 20 7946 0958", "rana.k@example.org",
                "LEB-12345678", "123456789")) {
            assertThat(PersonalDataPatterns.find("Call " + data + " today.")).as(data).singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo(data));
        }
        for (String figure : List.of("LBP 200,000-250,000 per month", "from 300,000-400,000", "45,000\t190\t210", "in 2019-2020")) {
            assertThat(PersonalDataPatterns.find(figure)).as(figure).isEmpty();
        }
    }
}
