package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Section titles of real reports (../shared/corpus) against titles read by hand off their pages
 * (src/test/resources/metadata/shared-section-labels.tsv): precision and recall of the headings
 * found, with the file's own typography (font sizes, bold) and, in the same run, without it (the
 * title-like-line guess alone). Skipped, saying so, where ../shared is absent.
 */
class SectionTitlesAccuracyTest {

    private static final Path LABELS = Path.of("src/test/resources/metadata/shared-section-labels.tsv");

    @Test
    void headingsFromTheTypographyAreRightForNineInTenOfTheTitlesOnThePage() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(MetadataAccuracyTest.SHARED_CORPUS),
                "skipped: ../shared/corpus (the real documents) is not beside the project");
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LABELS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t");
                labels.computeIfAbsent(cells[0], k -> new HashSet<>()).add(HeadingHints.letters(cells[1]));
            }
        }
        int[] typography = new int[3];
        int[] guess = new int[3];
        DocumentParser parser = new DocumentParser(5_000_000, 100);
        for (var entry : labels.entrySet()) {
            Path file = MetadataAccuracyTest.SHARED_CORPUS.resolve(entry.getKey());
            ParsedText parsed = parser.parse(Files.readAllBytes(file), file.getFileName().toString());
            List<String> found = headings(parsed, parsed.headings());
            List<String> guessed = headings(parsed, HeadingHints.NONE);
            System.out.printf("%s%n  typography: %s%n  guess:      %s%n", entry.getKey(), found, guessed);
            count(found, entry.getValue(), typography);
            count(guessed, entry.getValue(), guess);
        }
        System.out.printf("section titles of %d real reports (%d labelled headings): typography precision %.2f recall %.2f;"
                        + " title-like-line guess precision %.2f recall %.2f%n", labels.size(), typography[2],
                precision(typography), recall(typography), precision(guess), recall(guess));
        assertThat(precision(typography)).isGreaterThanOrEqualTo(0.9);
        assertThat(recall(typography)).isGreaterThanOrEqualTo(0.9);
    }

    private static List<String> headings(ParsedText parsed, HeadingHints hints) {
        StructuredText text = StructuredText.join(BlockCleaner.clean(parsed.blocks(), parsed.inferHeadings(), hints));
        List<String> headings = new ArrayList<>();
        for (TextBlock b : text.blocks()) {
            if (b.kind() == BlockKind.HEADING) {
                headings.add(text.textOf(b));
            }
        }
        return headings;
    }

    /** Adds to {found headings that are labelled, headings found, labelled headings found}... */
    private static void count(List<String> found, Set<String> labelled, int[] counts) {
        Set<String> keys = new HashSet<>();
        found.forEach(h -> keys.add(HeadingHints.letters(h)));
        counts[0] += (int) keys.stream().filter(labelled::contains).count();
        counts[1] += keys.size();
        counts[2] += labelled.size();
    }

    private static double precision(int[] counts) {
        return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
    }

    private static double recall(int[] counts) {
        return counts[2] == 0 ? 0 : (double) counts[0] / counts[2];
    }
}
