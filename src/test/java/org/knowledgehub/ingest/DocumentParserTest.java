package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.TestDocuments;
import org.knowledgehub.TestDocuments.Part;

/** Every supported format comes out as text with its structure; everything else fails with a reason. */
class DocumentParserTest {

    private static final List<Part> REPORT = List.of(
            new Part("Food security", List.of(
                    "Half of Syrian refugee households in the Bekaa reported reducing the number of meals per day in 2020, "
                            + "according to the field monitoring of partners.")),
            new Part("Shelter", List.of(
                    "Evictions increased in the North in 2021 because landlords asked for rent in US dollars, which "
                            + "most refugee households could not pay.")));

    @Test
    void markdownWithEmbeddedHtmlKeepsHeadingsListsAndBoldHeadings() {
        String md = """
                ## Minutes of a test meeting - Zahle, 3 March 2021

                <b>Meeting Location</b>\tWFP office\t<b>Meeting Time</b>\t10:00am

                ## First item

                Some text about water trucking in Bar Elias.

                **GROUP 2: CONSENT**

                - first point
                - second point
                """;
        DocumentContext doc = Structure.of(md.getBytes(StandardCharsets.UTF_8), "m.md", null);
        assertThat(doc.mediaType).isEqualTo("text/markdown");
        assertThat(Structure.sectionTitles(doc)).isEqualTo(
                "2:Minutes of a test meeting - Zahle, 3 March 2021 | 2:First item | 3:GROUP 2: CONSENT");
        assertThat(doc.text.text()).contains("Meeting Location\tWFP office\tMeeting Time\t10:00am")
                .contains("first point\nsecond point");
    }

    @Test
    void htmlKeepsTablesAsTabbedRows() {
        String html = "<html><head><title>Key informant interview</title></head><body><h1>Interview</h1>"
                + "<table><tr><td>Date</td><td>5 May 2022</td></tr><tr><td>Place</td><td>Tyre</td></tr></table>"
                + "<p>Rents went up.</p></body></html>";
        DocumentContext doc = Structure.of(html.getBytes(StandardCharsets.UTF_8), "kii.html", null);
        assertThat(doc.mediaType).isEqualTo("text/html");
        assertThat(doc.title).isEqualTo("Key informant interview");
        assertThat(doc.text.text()).contains("Date\t5 May 2022\nPlace\tTyre");
    }

    @Test
    void plainTextInAnyCommonEncodingReadsTheSame() {
        String text = "FIELD VISIT TO ZAHLÉ\n\nThe café owner said prices rose 40 % since Ramadan.\n\n- rent\n- debt\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16, Charset.forName("windows-1252"))) {
            DocumentContext doc = Structure.of(text.getBytes(charset), "visit.txt", null);
            assertThat(doc.text.text()).as(charset.name())
                    .contains("FIELD VISIT TO ZAHLÉ").contains("café owner").contains("rent\ndebt");
            assertThat(doc.sections.getFirst().title()).as(charset.name()).isEqualTo("FIELD VISIT TO ZAHLÉ");
        }
    }

    @Test
    void plainTextHeadingsUnderlinedInsideAParagraphRunStillStartSections() {
        String text = "SUMMARY\n=======\nKey findings follow.\n3. WATER\n--------\n- 46% bought water\n- 27% ran out\n";
        DocumentContext doc = Structure.of(text.getBytes(StandardCharsets.UTF_8), "a.txt", null);
        assertThat(Structure.sectionTitles(doc)).isEqualTo("1:SUMMARY | 2:3. WATER");
        assertThat(doc.text.text()).contains("46% bought water\n27% ran out");
    }

    @Test
    void markdownTablesKeepOneRowPerLine() {
        String md = "# Prices\n\n| Item | Oct 2019 | Oct 2021 |\n|---|---|---|\n| Rice | 1,800 | 22,000 |\n| Sugar | 1,200 | 16,500 |\n";
        DocumentContext doc = Structure.of(md.getBytes(StandardCharsets.UTF_8), "p.md", null);
        assertThat(doc.text.text()).contains("Item\tOct 2019\tOct 2021\nRice\t1,800\t22,000\nSugar\t1,200\t16,500");
    }

    @Test
    void pdfComesOutWithHeadingsAndWithoutPageNumbers() {
        DocumentContext doc = Structure.of(TestDocuments.pdf("Vulnerability Assessment Extract", REPORT), "extract.pdf", null);
        assertThat(doc.mediaType).isEqualTo("application/pdf");
        assertThat(doc.parsers).anyMatch(p -> p.endsWith("PDFParser"));
        assertThat(doc.sections.stream().map(Section::title)).contains("Food security", "Shelter");
        assertThat(doc.text.text()).contains("because landlords asked for rent in US dollars")
                .doesNotContainPattern("(?m)^1$");
    }

    @Test
    void pdfParagraphsBrokenIntoOneBlockPerLineAreJoinedAgain() {
        List<RawBlock> lines = List.of(
                new RawBlock(BlockKind.PARAGRAPH, 0, 0, false, 3, "Legal residency rates remain low with 18 per cent of individuals over the age of"),
                new RawBlock(BlockKind.PARAGRAPH, 0, 0, false, 3, "15 holding legal residency permits (20 per cent in 2023). The lowest rates"),
                new RawBlock(BlockKind.PARAGRAPH, 0, 0, false, 3, "of legal residency are recorded in Akkar."),
                new RawBlock(BlockKind.PARAGRAPH, 0, 0, false, 3, "Shelter conditions worsened in the North."));
        StructuredText text = StructuredText.join(BlockCleaner.clean(lines, true, HeadingHints.NONE));
        assertThat(text.blocks()).hasSize(2);
        assertThat(text.textOf(text.blocks().getFirst())).isEqualTo("Legal residency rates remain low with 18 per cent of "
                + "individuals over the age of 15 holding legal residency permits (20 per cent in 2023). The lowest rates "
                + "of legal residency are recorded in Akkar.");
    }

    /** One line of a PDF's text layer, as Tika gives it: a paragraph of its own. */
    private static RawBlock line(int page, String text) {
        return new RawBlock(BlockKind.PARAGRAPH, 0, 0, false, page, text);
    }

    @Test
    void aSentenceCutByAPageBreakAndASideColumnIsOneParagraphAgain() {
        List<RawBlock> lines = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            // A running header that carries the page number, on every page.
            lines.add(line(page, "VULNERABILITY ASSESSMENT OF SYRIAN REFUGEES (VASYR) IN LEBANON – EXECUTIVE SUMMARY " + page));
            if (page == 1) {
                lines.add(line(1, "LEGAL RESIDENCY"));
                lines.add(line(1, "Most households (60 per cent) reported that interactions with host communities were positive."));
                lines.add(line(1, "At the governorate level, the highest proportion of negative interactions was found in Mount"));
                // The side column's title, then the next page's section title, stand between the two halves of the sentence.
                lines.add(line(1, "PROTECTION"));
            } else if (page == 2) {
                lines.add(line(2, "SHELTER"));
                lines.add(line(2, "Lebanon at 11 per cent of households."));
                lines.add(line(2, "Rents increased by 45 per cent nationally, reaching just over LBP 8M, as compared to the"));
                lines.add(line(2, "United Nations estimates of the previous year."));
            } else {
                lines.add(line(3, "Households in Akkar paid the least rent of all governorates surveyed in 2024."));
            }
        }
        StructuredText text = StructuredText.join(BlockCleaner.clean(lines, true, HeadingHints.NONE));
        assertThat(text.text()).doesNotContain("EXECUTIVE SUMMARY")
                .contains("the highest proportion of negative interactions was found in Mount Lebanon at 11 per cent of households.")
                // A line that ends mid-sentence continues on the next even when that one starts with a capital.
                .contains("as compared to the United Nations estimates of the previous year.");
        List<String> headings = text.blocks().stream().filter(b -> b.kind() == BlockKind.HEADING).map(text::textOf).toList();
        // The side column's title right above the page's title is a label, not a section of its own.
        assertThat(headings).containsExactly("LEGAL RESIDENCY", "SHELTER");
    }

    @Test
    void chartLabelsAreNotHeadingsAndTheirFiguresStayTogether() {
        List<RawBlock> lines = List.of(
                line(1, "Shelter conditions"),
                line(1, "Over half (58 per cent) of households were living in shelters below humanitarian standards."),
                line(1, "Figure 7: Shelter conditions, by governorate"),
                line(1, "Residential"),
                line(1, "Non-residential"),
                line(1, "More than"),
                line(1, "6 months late 67% 50% 60% 62%"),
                line(1, "43% 55% 37%"),
                line(1, "Overcrowding"),
                line(1, "Almost a quarter of households (23 per cent) were living in overcrowded conditions this year."));
        StructuredText text = StructuredText.join(BlockCleaner.clean(lines, true, HeadingHints.NONE));
        List<String> headings = text.blocks().stream().filter(b -> b.kind() == BlockKind.HEADING).map(text::textOf).toList();
        assertThat(headings).containsExactly("Shelter conditions", "Overcrowding");
        assertThat(text.text()).contains("More than 6 months late 67% 50% 60% 62% 43% 55% 37%");
        assertThat(BlockCleaner.isFigures("43% 55% 37%")).isTrue();
        assertThat(BlockCleaner.isFigures("Over half (58 per cent) of households were living in shelters.")).isFalse();
    }

    @Test
    void docxHeadingStylesBecomeSections() {
        DocumentContext doc = Structure.of(TestDocuments.docx("Sector assessment", REPORT), "assessment.docx", null);
        assertThat(doc.mediaType).isEqualTo(DocumentParser.DOCX);
        assertThat(Structure.sectionTitles(doc)).isEqualTo("1:Sector assessment | 2:Food security | 2:Shelter");
        assertThat(doc.passages).hasSize(2);
    }

    @Test
    void docxHeadingStylesBecomeSectionsEvenWithoutTheStylesPart() {
        byte[] docx = TestDocuments.docx("Sector assessment", REPORT, false);
        assertThat(docx).satisfies(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("word/styles.xml"));
        DocumentContext doc = Structure.of(docx, "assessment.docx", null);
        assertThat(Structure.sectionTitles(doc)).isEqualTo("1:Sector assessment | 2:Food security | 2:Shelter");
    }

    /**
     * A report laid out like the VASyR chapters: the title and section titles in sizes well above
     * the body's, a heading on the same paragraph as its first sentence, a subheading in bold body
     * type followed by prose, and in larger or bold type too a chart value, a chart label and a
     * table's bold header row, which are not headings.
     */
    @Test
    void pdfHeadingsComeFromTheFontSizesAndBoldSubheadingsNotFromChartLabels() {
        String prose = "In 2022, upon including the value of assistance and credit, 67 per cent of refugee households were living below the SMEB.";
        List<TestDocuments.Line> lines = List.of(
                new TestDocuments.Line("ECONOMIC VULNERABILITY", 30, false),
                new TestDocuments.Line("", 12, false),
                new TestDocuments.Line("Key findings", 20, false),
                new TestDocuments.Line(prose, 9, false),
                new TestDocuments.Line("", 9, false),
                new TestDocuments.Line("Debt and borrowing", 20, false),
                new TestDocuments.Line("Mean debt per household rose again in 2022 as most households borrowed to buy food.", 9, false),
                new TestDocuments.Line("", 9, false),
                new TestDocuments.Line("Reasons for borrowing", 14, false),
                new TestDocuments.Line("Buying food remained the main reason for borrowing money, followed by paying rent.", 9, false),
                new TestDocuments.Line("", 9, false),
                new TestDocuments.Line("67%", 20, false),
                new TestDocuments.Line("Total", 9, false),
                new TestDocuments.Line("", 9, false),
                new TestDocuments.Line("Governorate", 9, true),
                new TestDocuments.Line("Akkar 70% Bekaa 64% North 69%", 9, false),
                new TestDocuments.Line("", 9, false),
                new TestDocuments.Line("Sources of borrowing", 9, true),
                new TestDocuments.Line("Friends and relatives in Lebanon were the first source of borrowed money in every governorate.", 9, false));
        DocumentContext doc = Structure.of(TestDocuments.pdf(lines, 0), "economic-vulnerability.pdf", null);
        assertThat(Structure.sectionTitles(doc)).isEqualTo("1:ECONOMIC VULNERABILITY | 2:Key findings | 2:Debt and borrowing"
                + " | 3:Reasons for borrowing | 4:Sources of borrowing");
        assertThat(doc.text.text()).contains(prose, "Akkar 70% Bekaa 64% North 69%");
    }

    @Test
    void badFilesFailWithAReasonAUserCanActOn() {
        assertThatThrownBy(() -> Structure.of(new byte[0], "empty.md", null))
                .isInstanceOf(IngestFailure.class).hasMessageContaining("empty")
                .extracting(e -> ((IngestFailure) e).reason()).isEqualTo(IngestFailure.Reason.INVALID);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> Structure.of(png, "photo.png", null))
                .isInstanceOf(IngestFailure.class).hasMessageContaining("image/png")
                .extracting(e -> ((IngestFailure) e).reason()).isEqualTo(IngestFailure.Reason.UNSUPPORTED);
        byte[] corruptPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Structure.of(corruptPdf, "broken.pdf", null))
                .isInstanceOf(IngestFailure.class)
                .extracting(e -> ((IngestFailure) e).reason()).isEqualTo(IngestFailure.Reason.UNPROCESSABLE);
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        assertThatThrownBy(() -> Structure.of(binary, "notes.txt", null)).isInstanceOf(IngestFailure.class);
    }

    @Test
    void textInAOneByteEncodingIsReadButDamagedUtf8IsRefused() {
        String arabic = "زيارة ميدانية إلى عرسال\n\nقال صاحب المقهى إن الأسعار ارتفعت؟ نعم.\n";
        DocumentContext doc = Structure.of(arabic.getBytes(Charset.forName("windows-1256")), "visit.txt", null);
        // Accepted, not refused as damaged UTF-8; which one-byte encoding it is stays Tika's guess.
        assertThat(doc.text.text()).hasSizeGreaterThan(40);
        byte[] damaged = "# Zahlé\n\nLe café coûte cher à Zahlé.\nx\n".getBytes(StandardCharsets.UTF_8);
        damaged[damaged.length - 3] = (byte) 0xff;
        assertThatThrownBy(() -> Structure.of(damaged, "visit.md", null))
                .isInstanceOf(IngestFailure.class).hasMessageContaining("UTF-8")
                .extracting(e -> ((IngestFailure) e).reason()).isEqualTo(IngestFailure.Reason.UNPROCESSABLE);
    }

    @Test
    void contentThatIsNotWhatItsNameSaysIsRefused() {
        assertThatThrownBy(() -> Structure.of("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), "notes.md", null))
                .isInstanceOf(IngestFailure.class).hasMessageContaining("application/pdf")
                .extracting(e -> ((IngestFailure) e).reason()).isEqualTo(IngestFailure.Reason.UNPROCESSABLE);
        byte[] random = new byte[4096];
        new java.util.Random(1).nextBytes(random);
        random[0] = 'x'; // no NUL at the start: only the control characters give it away
        for (int i = 0; i < random.length; i++) {
            random[i] = random[i] == 0 ? 1 : random[i];
        }
        assertThatThrownBy(() -> Structure.of(random, "page.html", null))
                .isInstanceOf(IngestFailure.class).hasMessageContaining("named as text/html");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNotOverflowingTheStack() {
        for (String deep : List.of("> ".repeat(5000) + "water", ">".repeat(5000) + " water", "- ".repeat(5000) + "water",
                "1. ".repeat(150) + "water")) {
            assertThatThrownBy(() -> Structure.of(("# Deep\n\n" + deep + "\n").getBytes(StandardCharsets.UTF_8), "deep.md", null))
                    .as(deep.substring(0, 10)).isInstanceOf(IngestFailure.class).hasMessageContaining("100 levels")
                    .extracting(e -> ((IngestFailure) e).reason()).isEqualTo(IngestFailure.Reason.UNPROCESSABLE);
        }
        String html = "<html><body>" + "<div><ul><li>".repeat(2000) + "water</body></html>";
        assertThatThrownBy(() -> Structure.of(html.getBytes(StandardCharsets.UTF_8), "deep.html", null))
                .isInstanceOf(IngestFailure.class).hasMessageContaining("100 levels");
        // Nesting within the limit is read as before.
        DocumentContext ok = Structure.of("# A\n\n> > > quoted\n\n- a\n  - b\n    - c\n".getBytes(StandardCharsets.UTF_8), "ok.md", null);
        assertThat(ok.text.text()).contains("quoted").contains("c");
    }
}
