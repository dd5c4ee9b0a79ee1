package org.knowledgehub.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into pieces of at most a budget of characters for CoreNLP, so that its memory does
 * not grow with the document. A piece ends at a line break where it can: CoreNLP ends a sentence
 * at every line break anyway, so nothing is lost there; else at a space; else (one endless token)
 * at the budget.
 */
final class TextChunks {

    /** A piece of the text and where it starts in it. */
    record Chunk(int start, String text) {
    }

    private TextChunks() {
    }

    static List<Chunk> of(String text, int budget) {
        List<Chunk> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + budget);
            if (end < text.length()) {
                int lineBreak = text.lastIndexOf('\n', end - 1);
                int space = text.lastIndexOf(' ', end - 1);
                if (lineBreak > start + budget / 4) {
                    end = lineBreak + 1;
                } else if (space > start + budget / 4) {
                    end = space + 1;
                }
            }
            out.add(new Chunk(start, text.substring(start, end)));
            start = end;
        }
        return out;
    }

    /**
     * The text with every run of more than {@code longest} non-space characters blanked out, at the
     * same length (offsets stay valid): such a run is no word, and the tagger's features of one
     * take memory in proportion to it.
     */
    static String withoutEndlessTokens(String text, int longest) {
        StringBuilder out = null;
        int runStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!space && runStart < 0) {
                runStart = i;
            } else if (space && runStart >= 0) {
                if (i - runStart > longest) {
                    if (out == null) {
                        out = new StringBuilder(text);
                    }
                    for (int j = runStart; j < i; j++) {
                        out.setCharAt(j, ' ');
                    }
                }
                runStart = -1;
            }
        }
        return out == null ? text : out.toString();
    }
}
