package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sections nest by heading level; passages are readable units that never cross a section. */
class SegmentStageTest {

    private static final String LONG_SENTENCE = "Households reported that the cost of rent, food and water trucking increased "
            + "sharply after the depreciation of the Lebanese pound, and that they borrowed money from shop owners. ";

    @Test
    void sectionsNestAndPassagesStayInsideThem() {
        String md = "# Report\n\nIntro paragraph that stands before the first sub-heading of the report.\n\n"
                + "## Water\n\n" + "Short line.\n\n" + "- item one\n- item two\n\n"
                + "### Trucking\n\n" + LONG_SENTENCE.repeat(4) + "\n\n"
                + "## Shelter\n\n" + LONG_SENTENCE.repeat(12) + "\n";
        DocumentContext doc = Structure.of(md.getBytes(StandardCharsets.UTF_8), "r.md", null);
        assertThat(Structure.sectionTitles(doc)).isEqualTo("1:Report | 2:Water | 3:Trucking | 2:Shelter");
        assertThat(doc.sections.get(2).parent()).isEqualTo(2);
        assertThat(doc.sections.get(3).parent()).isEqualTo(1);
        for (Passage p : doc.passages) {
            Section s = doc.sections.get(p.section() - 1);
            assertThat(p.start()).isGreaterThanOrEqualTo(s.start());
            assertThat(p.end()).isLessThanOrEqualTo(s.end());
            String text = doc.text.text().substring(p.start(), p.end());
            assertThat(text).isEqualTo(text.strip()).isNotEmpty();
        }
        // "Short line." joins the list that follows instead of being a passage of two words.
        assertThat(doc.passages).anyMatch(p -> doc.text.text().substring(p.start(), p.end())
                .equals("Short line.\n\nitem one\nitem two"));
        // The 12-sentence paragraph is cut at sentence ends into passages of readable size.
        List<Passage> shelter = doc.passages.stream().filter(p -> p.section() == 4).toList();
        assertThat(shelter).hasSizeGreaterThan(1);
        for (Passage p : shelter) {
            String text = doc.text.text().substring(p.start(), p.end());
            assertThat(SegmentStage.words(text)).isLessThanOrEqualTo(SegmentStage.CHUNK_WORDS + 40);
            assertThat(text).endsWith(".");
        }
    }

    @Test
    void aRunWithoutSpacesIsCutIntoPassagesOfBoundedLength() {
        String txt = LONG_SENTENCE.strip() + "\n\n" + "a".repeat(20_000) + " tail of the same line " + "b".repeat(7_000)
                + "\n\n" + LONG_SENTENCE.strip();
        DocumentContext doc = Structure.of(txt.getBytes(StandardCharsets.UTF_8), "endless.txt", null);
        assertThat(doc.passages).allSatisfy(p -> assertThat(p.end() - p.start()).isLessThanOrEqualTo(SegmentStage.MAX_CHARS));
        // Nothing is lost: the passages cover every character that is not a space.
        long covered = doc.passages.stream().mapToLong(p -> doc.text.text().substring(p.start(), p.end()).chars()
                .filter(c -> !Character.isWhitespace(c)).count()).sum();
        assertThat(covered).isEqualTo(doc.text.text().chars().filter(c -> !Character.isWhitespace(c)).count());
        assertThat(doc.passages).anyMatch(p -> doc.text.text().substring(p.start(), p.end()).contains("tail of the same line"));
        assertThat(doc.passages.getFirst().end() - doc.passages.getFirst().start()).isEqualTo(LONG_SENTENCE.strip().length());
    }

    @Test
    void aDocumentWithoutHeadingsIsOneUntitledSection() {
        String txt = LONG_SENTENCE.repeat(2).strip() + "\n\n" + LONG_SENTENCE.repeat(2).strip();
        DocumentContext doc = Structure.of(txt.getBytes(StandardCharsets.UTF_8), "n.txt", null);
        assertThat(doc.sections).hasSize(1);
        assertThat(doc.sections.getFirst().title()).isNull();
        assertThat(doc.passages).hasSize(2);
    }

    @Test
    void aTableIsTableContentOfItsOwnBesideTheProseThatExplainsIt() {
        String md = "# Rents\n\nRents doubled in Akkar because landlords asked to be paid in US dollars after the depreciation.\n\n"
                + "| Governorate | 2021 | 2022 |\n|---|---|---|\n| Akkar | 312,000 | 863,000 |\n| Bekaa | 209,000 | 516,000 |\n\n"
                + LONG_SENTENCE + "\n";
        DocumentContext doc = Structure.of(md.getBytes(StandardCharsets.UTF_8), "rents.md", null);
        List<String> texts = doc.passages.stream().map(p -> doc.text.text().substring(p.start(), p.end())).toList();
        List<Boolean> tables = doc.passages.stream().map(Passage::table).toList();
        assertThat(texts).hasSize(3);
        assertThat(texts.get(0)).startsWith("Rents doubled in Akkar");
        assertThat(texts.get(1)).startsWith("Governorate\t2021\t2022").contains("Akkar\t312,000\t863,000");
        assertThat(tables).containsExactly(false, true, false);
    }
}
