package org.knowledgehub.search;

/**
 * A passage that matched, with its score and the best fragment of it with matches marked
 * ({@code <mark>}; the rest of the text HTML-escaped).
 */
public record SearchHit(IndexedPassage passage, float score, String fragment) {

    /** A passage's fragment when none of its words were matched: the start of its text, escaped. */
    static String unhighlighted(String text) {
        return escape(abbreviate(text, 300));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, s.lastIndexOf(' ', max) > 0 ? s.lastIndexOf(' ', max) : max) + " …";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
