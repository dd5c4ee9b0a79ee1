package org.knowledgehub.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines a file's own typography marks as headings (a PDF's outline or larger fonts, a DOCX
 * paragraph's heading style), with their heading level, keyed by page and by their letters and
 * digits only. The blocks Tika gives are matched against them line by line.
 *
 * @param levels        heading level by {@link #key(int, String)}
 * @param weak          keys of headings marked only by bold type, which tables and chart labels share
 * @param authoritative whether the file shows enough heading structure for its headings to be
 *                      taken from it alone, without guessing from short title-like lines
 */
record HeadingHints(Map<String, Integer> levels, Set<String> weak, boolean authoritative) {

    static final HeadingHints NONE = new HeadingHints(Map.of(), Set.of(), false);
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    HeadingHints {
        levels = Map.copyOf(levels);
        weak = Set.copyOf(weak);
    }

    /** Whether the line is marked only weakly (bold in the body's size): a heading only where prose follows it. */
    boolean isWeak(int page, String line) {
        return weak.contains(key(page, line));
    }

    /** The heading level of a line on a page (0: anywhere), or 0 when the file does not mark it as a heading. */
    int levelOf(int page, String line) {
        String letters = letters(line);
        return levels.getOrDefault(page + ":" + letters, levels.getOrDefault("0:" + letters, 0));
    }

    /** A heading's key: the page it is on (0 for a heading that may be anywhere) and its letters and digits. */
    static String key(int page, String line) {
        return page + ":" + letters(line);
    }

    static String letters(String line) {
        return NOT_LETTER_OR_DIGIT.matcher(line.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
