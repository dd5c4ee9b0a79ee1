package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowledgehub.ontology.DocumentType;

/** Minutes are read like a person reads them: header, agenda, and action points with owners. */
class MinutesReaderTest {

    static final Path REAL_MINUTES = Path.of("../shared/corpus/minutes/imwg-beirut-2019-04-04.md");

    static Stream<Path> corpusMinutes() throws Exception {
        return Files.list(Path.of("corpus/minutes")).filter(p -> p.toString().endsWith(".md")).sorted();
    }

    @ParameterizedTest
    @MethodSource("corpusMinutes")
    void everyDemoMinutesHasItsMeeting(Path file) {
        DocumentContext doc = Structure.of(file, null);
        assertThat(doc.type).as("recognised as minutes without being told").isEqualTo(DocumentType.MINUTES);
        Meeting m = doc.meeting;
        assertThat(m.date()).isNotNull();
        assertThat(file.getFileName().toString()).contains(m.date().toString());
        assertThat(m.city()).isIn("Beirut", "Zahle", "Tripoli");
        assertThat(m.location()).isNotBlank();
        assertThat(m.chairs()).isNotEmpty().allMatch(p -> p.organisation() != null);
        assertThat(m.minuteTakers()).isNotEmpty();
        assertThat(m.agencies()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(m.agenda()).hasSizeGreaterThanOrEqualTo(3).allMatch(a -> !a.text().startsWith("•"));
        assertThat(m.actions()).hasSizeBetween(2, 6);
        assertThat(m.actions().stream().filter(a -> a.owner() != null)).hasSizeGreaterThanOrEqualTo(m.actions().size() - 1);
        for (Meeting.Action a : m.actions()) {
            assertThat(doc.text.text().substring(a.start(), a.end())).isEqualTo(a.text());
        }
    }

    @Test
    void foodSecurityMinutesInDetail() {
        Meeting m = Structure.of(Path.of("corpus/minutes/fss-bekaa-zahle-2020-06-18.md"), null).meeting;
        assertThat(m.date()).isEqualTo(LocalDate.of(2020, 6, 18));
        assertThat(m.location()).isEqualTo("WFP Zahle Sub-Office and online (MS Teams)");
        assertThat(m.time()).isEqualTo("11:00am");
        assertThat(m.chairs()).containsExactly(new Meeting.Person("Rami Haddad", "WFP"), new Meeting.Person("Nour Salameh", "FAO"));
        assertThat(m.agencies()).hasSize(17).contains("Ministry of Agriculture (MoA)", "Nabaa Zahle Youth Network", "World Vision");
        assertThat(m.agenda()).hasSize(5);
        assertThat(m.actions().stream().map(Meeting.Action::owner))
                .containsExactly("WFP VAM", "Food Security sector", "FAO", null);
    }

    @Test
    void ownersAreReadFromTheWayActionPointsAreWritten() {
        assertThat(MinutesReader.ownerOf("IMWG to comment on leaflet")).isEqualTo("IMWG");
        assertThat(MinutesReader.ownerOf("Group 1 will review comments and finalize leaflet")).isEqualTo("Group 1");
        assertThat(MinutesReader.ownerOf("IMWG requested from the group to provide a page with examples")).isEqualTo("the group");
        assertThat(MinutesReader.ownerOf("WFP, UNHCR and UNICEF to share the final report")).isEqualTo("WFP, UNHCR and UNICEF");
        assertThat(MinutesReader.ownerOf("Follow up at the next meeting on the trucking contract")).isNull();
        assertThat(MinutesReader.ownerOf("Share the list of sites with partners")).isNull();
        assertThat(MinutesReader.ownerOf("the slides will be shared")).isNull();
    }

    @Test
    void theRealImwgMinutesOfApril2019() {
        Assumptions.assumeTrue(Files.exists(REAL_MINUTES),
                "SKIPPED: " + REAL_MINUTES + " not present (the shared folder is not part of the project)");
        DocumentContext doc = Structure.of(REAL_MINUTES, null);
        Meeting m = doc.meeting;
        assertThat(doc.type).isEqualTo(DocumentType.MINUTES);
        assertThat(m.date()).isEqualTo(LocalDate.of(2019, 4, 4));
        assertThat(m.city()).isEqualTo("Beirut");
        assertThat(m.location()).isEqualTo("UNHCR, SnK building, 9 th Floor");
        assertThat(m.chairs()).containsExactly(new Meeting.Person("Jad Ghosn", "UNHCR"));
        assertThat(m.minuteTakers().stream().map(Meeting.Person::name)).containsExactly("Jad Ghosn", "Bernadette Dabbak");
        assertThat(m.agencies()).hasSize(26).contains("UNHCR", "WFP", "NRC", "DRC", "B.O.T", "Habitat for Humanity HFH", "UNHabitat");
        assertThat(m.agenda().stream().map(Meeting.AgendaEntry::number))
                .containsExactly("1", "1.1", "1.2", "1.3", "2", "3", "4");
        assertThat(m.agenda()).allMatch(a -> a.section() > 0 || a.text().equals("AOB"));
        assertThat(m.actions().stream().map(Meeting.Action::owner))
                .containsExactly("IMWG", "Group 1", "IMWG", "the group", "Group 2");
        assertThat(Structure.sectionTitles(doc)).contains("3:GROUP 2: CONSENT (PRESENTED BY TAMARA STUPALOVA FROM UNHCR/IA COORDINATION UNIT)",
                "3:GROUP 3: KNOWLEDGE HUB (PRESENTED BY JAD GHOSN FROM UNHCR/IA COORDINATION UNIT)");
        List<String> titles = doc.sections.stream().map(Section::title).toList();
        assertThat(titles).doesNotContain("Action points:", "Next steps:");
    }
}
