package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a long text is cut for CoreNLP: within the budget, at line breaks where it can, nothing lost. */
class TextChunksTest {

    @Test
    void piecesEndAtLineBreaksStayWithinTheBudgetAndCoverTheTextExactly() {
        String text = "Rent rose in Zahle.\nWFP reported on food.\n".repeat(500);
        List<TextChunks.Chunk> chunks = TextChunks.of(text, 1000);
        assertThat(chunks).hasSizeGreaterThan(20);
        StringBuilder joined = new StringBuilder();
        for (TextChunks.Chunk c : chunks) {
            assertThat(c.start()).isEqualTo(joined.length());
            assertThat(c.text().length()).isLessThanOrEqualTo(1000);
            assertThat(c.text()).endsWith("\n");
            joined.append(c.text());
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void oneEndlessTokenIsCutAtTheBudgetAndBlankedOutAtTheSameLength() {
        String text = "Water trucking stopped. " + "a".repeat(2_500) + " Households buy from tankers.";
        List<TextChunks.Chunk> chunks = TextChunks.of(text, 1000);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(1000));
        assertThat(String.join("", chunks.stream().map(TextChunks.Chunk::text).toList())).isEqualTo(text);
        String blanked = TextChunks.withoutEndlessTokens(text, 100);
        assertThat(blanked).hasSameSizeAs(text).startsWith("Water trucking stopped. ").endsWith(" Households buy from tankers.");
        assertThat(blanked).doesNotContain("aa");
        assertThat(TextChunks.withoutEndlessTokens("no long words here", 100)).isEqualTo("no long words here");
    }
}
