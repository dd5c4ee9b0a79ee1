package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;

/** The metadata stage on small documents laid out as real ones are: each kind of evidence, and the order between them. */
class MetadataInferenceTest {

    private static final String ORG = "http://localhost:8080/id/organisation/";

    private static DocumentContext read(String name, String text) {
        return read(name, text, Sensitivity.PUBLIC);
    }

    private static DocumentContext read(String name, String text, Sensitivity sensitivity) {
        return Structure.of(new IngestRequest(text.getBytes(StandardCharsets.UTF_8), name, null, null, null, null,
                sensitivity, "test"));
    }

    private static MetadataClaim claim(DocumentContext doc, String field) {
        return doc.claims.stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void aMarkdownFrontMatterGivesTitleAuthorDateAndIsNotTakenForAHeading() {
        DocumentContext doc = read("post.md", """
                ---
                title: Water trucking in Arsal after the fuel crisis
                author: Are You Syrious?
                date: 26-03-2021
                ---

                Most settlements in Arsal now depend on water trucking, as the network pumps stopped for lack of fuel.
                """);
        assertThat(doc.title).isEqualTo("Water trucking in Arsal after the fuel crisis");
        assertThat(claim(doc, "title").method()).isEqualTo("front-matter");
        assertThat(doc.date).isEqualTo(LocalDate.of(2021, 3, 26));
        assertThat(doc.publishers).containsExactly(ORG + "are-you-syrious");
        assertThat(doc.text.text()).doesNotContain("title:").startsWith("Most settlements");
    }

    @Test
    void anEditionOfAReportSeriesTakesItsNameTypeAndPublishersFromTheSeries() {
        DocumentContext doc = read("vasyr-2024-shelter.txt", """
                Shelter

                Most refugee households (69 per cent) continued to live in residential structures in 2024.
                """);
        assertThat(doc.title).isEqualTo("VASyR 2024 Shelter");
        assertThat(doc.type).isEqualTo(DocumentType.ASSESSMENT);
        assertThat(doc.publishers).containsExactlyInAnyOrder(ORG + "unhcr", ORG + "unicef", ORG + "wfp");
        assertThat(claim(doc, "publisher").method()).isEqualTo("series");
    }

    @Test
    void aBlogThatMentionsASeriesIsNotOneOfItsEditions() {
        DocumentContext doc = read("kobotoolbox-blog-vasyr-lebanon.md", """
                # How the VASyR is collected on tablets

                The VASyR team used KoboToolbox forms on tablets to visit 5,000 households.
                """);
        assertThat(doc.type).isEqualTo(DocumentType.OTHER);
        assertThat(doc.publishers).containsExactly(ORG + "kobotoolbox");
    }

    @Test
    void aBylineUnderTheTitleGivesThePublishersAndTheDateButNotThePartners() {
        DocumentContext doc = read("shelter-north.md", """
                # Shelter assessment North and Akkar 2021: rent, tenure and evictions

                *NRC Lebanon on behalf of the Shelter Working Group North and Akkar, with UNHCR and UN-Habitat - 30 June 2021*

                ## Summary

                Eviction notices doubled in early 2021, mostly for rent arrears.
                """);
        assertThat(doc.publishers).containsExactly(ORG + "nrc");
        assertThat(claim(doc, "publisher").method()).isEqualTo("byline");
        assertThat(doc.date).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(doc.type).isEqualTo(DocumentType.ASSESSMENT);
    }

    @Test
    void labelledFieldsOfAFieldNoteGiveItsDateNotTheDatesOfItsVisits() {
        DocumentContext doc = read("visit.md", """
                # RESTRICTED - Field visit report: WASH conditions in Bar Elias after storm Norma

                **Organisation:** Solidarites International (SI), Bekaa base
                **Date of visit:** 12-13 February 2019
                **Report date:** 14 February 2019

                ## Context

                Storm Norma hit Lebanon between 6 and 9 January 2019.
                """);
        assertThat(doc.title).isEqualTo("Field visit report: WASH conditions in Bar Elias after storm Norma");
        assertThat(doc.date).isEqualTo(LocalDate.of(2019, 2, 14));
        assertThat(doc.publishers).containsExactly(ORG + "solidarites-international");
        // A field note reports what people said: only its contributor, who declares consent, can make it one.
        assertThat(doc.type).isEqualTo(DocumentType.OTHER);
    }

    @Test
    void aLetterheadGivesWayToTheTitleUnderItAndAPreparedBySentenceToThePublisher() {
        DocumentContext doc = read("note.txt", """
                WASH SECTOR BEKAA
                RAPID ASSESSMENT OF WATER TRUCKING COSTS

                This report is prepared by OCHA on behalf of the humanitarian country team. Costs of trucked
                water rose fourfold in August 2021.
                """);
        assertThat(doc.title).isEqualTo("RAPID ASSESSMENT OF WATER TRUCKING COSTS");
        assertThat(doc.publishers).containsExactly(ORG + "ocha");
        assertThat(claim(doc, "publisher").method()).isEqualTo("prepared-by");
        assertThat(doc.date).isEqualTo(LocalDate.of(2021, 8, 1));
        assertThat(claim(doc, "date").value()).isEqualTo("2021-08");
    }

    @Test
    void aTextHeaderWithASourceUrlNamesTheDocumentWhenItsFileNameIsAnIdentifier() {
        DocumentContext doc = read("lead_40428.txt", """
                # source_url: https://example.org/files/ETC%20Syria%20Sitrep%2043_August%20September%202020.pdf

                40428

                The ETC operates under the Whole of Syria approach. The ETC upgraded its networks in Homs in 2020.
                """);
        assertThat(doc.title).isEqualTo("ETC Syria Sitrep 43 August September 2020");
        assertThat(claim(doc, "title").method()).isEqualTo("source-url");
        assertThat(doc.publishers).containsExactly(ORG + "etc");
    }

    @Test
    void whatTheUploaderDeclaredWinsOverAnythingInferred() {
        DocumentContext doc = Structure.of(new IngestRequest("""
                # Minutes of the WASH sector meeting - Zahle, 24 September 2020

                *UNICEF - 24 September 2020*
                """.getBytes(StandardCharsets.UTF_8), "wash.md", "WASH minutes, September", DocumentType.OTHER, "WFP",
                LocalDate.of(2020, 9, 30), Sensitivity.PUBLIC, "test"));
        assertThat(doc.title).isEqualTo("WASH minutes, September");
        assertThat(doc.type).isEqualTo(DocumentType.OTHER);
        assertThat(doc.publishers).containsExactly("WFP");
        assertThat(doc.date).isEqualTo(LocalDate.of(2020, 9, 30));
        assertThat(doc.claims).filteredOn(c -> !c.field().equals("language"))
                .allSatisfy(c -> assertThat(c.method()).isEqualTo(MetadataClaim.DECLARED));
    }

    @Test
    void aRestrictedDocumentKeepsOneOwner() {
        DocumentContext doc = read("vasyr-2023-protection-annex.txt", "Annex on protection incidents.\n", Sensitivity.RESTRICTED);
        assertThat(doc.publishers).hasSize(1);
    }

    @Test
    void theLanguageIsReadFromTheText() {
        assertThat(read("a.txt", "Les familles réfugiées dans la Bekaa sont de plus en plus endettées et la plupart "
                + "des ménages réduisent le nombre de repas pour payer le loyer.").language).isEqualTo("fr");
        assertThat(read("b.txt", "تعيش معظم الأسر اللاجئة في البقاع تحت خط الفقر وتعتمد على المساعدات النقدية").language)
                .isEqualTo("ar");
        assertThat(read("c.txt", "Most refugee households in the Bekaa live below the poverty line and rely on cash "
                + "assistance to pay the rent.").language).isEqualTo("en");
    }

    @Test
    void nothingToGoOnLeavesTheFileNameAndNoDateOrPublisher() {
        DocumentContext doc = read("notes_7781.txt", "ok\n\n12\n");
        assertThat(doc.title).isEqualTo("Notes 7781");
        assertThat(claim(doc, "title").confidence()).isLessThan(0.5);
        assertThat(doc.date).isNull();
        assertThat(doc.publishers).isEmpty();
    }
}
