package org.knowledgehub.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The kh:mentionSpans literal: what is written is read back, targets under the base are short. */
class MentionSpansTest {

    private static final String BASE = "http://localhost:8080/";

    @Test
    void writesOneLinePerMentionByStartAndReadsThemBack() {
        List<MentionSpans.Span> spans = List.of(
                new MentionSpans.Span(140, 147, "date", 0.9, "corenlp", null, "2020-06"),
                new MentionSpans.Span(112, 117, "place", 0.95, "gazetteer", BASE + "id/area/LB25", null),
                new MentionSpans.Span(150, 163, "quantity", 0.9, "patterns", null, "LBP\n45000"),
                new MentionSpans.Span(170, 174, "organisation", 0.8, "corenlp", "https://example.org/org/x", null));
        String literal = MentionSpans.write(spans, BASE);
        assertThat(literal).isEqualTo("""
                112-117 place 0.95 gazetteer <id/area/LB25>
                140-147 date 0.90 corenlp =2020-06
                150-163 quantity 0.90 patterns =LBP 45000
                170-174 organisation 0.80 corenlp <https://example.org/org/x>""");
        assertThat(MentionSpans.read(literal, BASE)).containsExactly(
                new MentionSpans.Span(112, 117, "place", 0.95, "gazetteer", BASE + "id/area/LB25", null),
                new MentionSpans.Span(140, 147, "date", 0.9, "corenlp", null, "2020-06"),
                new MentionSpans.Span(150, 163, "quantity", 0.9, "patterns", null, "LBP 45000"),
                new MentionSpans.Span(170, 174, "organisation", 0.8, "corenlp", "https://example.org/org/x", null));
    }

    @Test
    void aLineOutOfFormatIsSkipped() {
        assertThat(MentionSpans.read("1-5 place 0.95 gazetteer <id/area/LB2>\nZahle\n99999999999-1 date 0.9 corenlp\n", BASE))
                .containsExactly(new MentionSpans.Span(1, 5, "place", 0.95, "gazetteer", BASE + "id/area/LB2", null));
    }
}
