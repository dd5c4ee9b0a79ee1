package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Precision and recall of organisation linking on sentences of real reports, labelled by hand
 * ({@code src/test/resources/nlp/organisations-real.tsv}). A prediction is an organisation mention
 * the hub counts as one: a directory link, or a proposal ("new"), with a confidence at or above
 * {@code kh.nlp.organisation-threshold}. It is right when it overlaps a gold organisation with the
 * same id; each gold organisation is found by at most one prediction.
 */
class OrganisationLinkingRealTextTest extends HubTest {

    static final Path GOLD = Path.of("src/test/resources/nlp/organisations-real.tsv");

    @Autowired
    EntityLinker linker;

    @Autowired
    NlpProperties nlp;

    record Span(int start, int end, String id, double confidence) {
        boolean overlaps(Span o) {
            return start < o.end && o.start < end;
        }
    }

    @Test
    void organisationLinkingIsPreciseOnRealSentences() throws Exception {
        int sentences = 0;
        int right = 0;
        int predictedCount = 0;
        int expectedCount = 0;
        List<String> errors = new ArrayList<>();
        for (String line : Files.readAllLines(GOLD)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String text = cols[1];
            List<Span> gold = gold(text, cols[2]);
            List<Mention> organisations = linker.link(text, (LocalDate) null).stream()
                    .filter(m -> m.type() == MentionType.ORGANISATION && (m.link() != null || m.unreviewed())).toList();
            organisations.stream().filter(m -> m.confidence() < nlp.organisationThreshold()).forEach(m -> errors.add(
                    "  below threshold '" + m.text() + "' -> " + (m.unreviewed() ? "new" : m.link()) + " " + m.confidence() + "   in: " + text));
            List<Span> predicted = organisations.stream()
                    .filter(m -> m.confidence() >= nlp.organisationThreshold())
                    .map(m -> new Span(m.start(), m.end(), m.unreviewed() ? "new" : m.link().substring(m.link().lastIndexOf('/') + 1), m.confidence()))
                    .toList();
            sentences++;
            expectedCount += gold.size();
            predictedCount += predicted.size();
            List<Span> unmatched = new ArrayList<>(gold);
            for (Span p : predicted) {
                Span match = unmatched.stream().filter(g -> g.overlaps(p) && g.id().equals(p.id())).findFirst().orElse(null);
                if (match != null) {
                    unmatched.remove(match);
                    right++;
                } else {
                    errors.add("  wrong  '" + text.substring(p.start(), p.end()) + "' -> " + p.id() + " " + p.confidence() + "   in: " + text);
                }
            }
            unmatched.forEach(g -> errors.add("  missed '" + text.substring(g.start(), g.end()) + "' -> " + g.id() + "   in: " + text));
        }
        double precision = predictedCount == 0 ? 1 : (double) right / predictedCount;
        double recall = expectedCount == 0 ? 1 : (double) right / expectedCount;
        System.out.printf(Locale.ROOT, "%nOrganisation linking on %d real sentences: precision %.3f, recall %.3f (%d right, %d predicted, %d expected)%n",
                sentences, precision, recall, right, predictedCount, expectedCount);
        errors.forEach(System.out::println);
        assertThat(sentences).isGreaterThanOrEqualTo(60);
        assertThat(precision).as("organisation precision").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("organisation recall").isGreaterThanOrEqualTo(0.85);
    }

    /** The gold organisations of a sentence: "surface=id" pairs; a surface listed twice is its next occurrence. */
    private static List<Span> gold(String text, String labels) {
        List<Span> out = new ArrayList<>();
        if (labels.isBlank()) {
            return out;
        }
        for (String pair : labels.split(" \\| ")) {
            int eq = pair.lastIndexOf('=');
            String surface = pair.substring(0, eq);
            int from = out.stream().filter(s -> text.substring(s.start(), s.end()).equals(surface)).mapToInt(Span::end).max().orElse(0);
            int at = text.indexOf(surface, from);
            assertThat(at).as("'" + surface + "' in: " + text).isGreaterThanOrEqualTo(0);
            out.add(new Span(at, at + surface.length(), pair.substring(eq + 1), 1));
        }
        return out;
    }
}
