package org.knowledgehub.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a text around its figures, where the patterns for phone numbers, identity numbers,
 * amounts, counts and year ranges are searched instead of the whole text: each of their matches
 * holds a digit 0-9, starts at most {@link #BEFORE} characters before its first run of digits (with
 * the commas and points inside and after it) and ends at most {@link #AFTER} after its last. Run
 * over every character, these patterns took a fifth of ingest's linking time; most of a passage has
 * no figure nearby.
 *
 * <p>The windows are searched with transparent bounds, so look-behinds, look-aheads and word
 * boundaries see the text around them, and a match is the one a search of the whole text finds.
 */
final class DigitWindows {

    /** Most characters a match has before its first digit: "L.L. " of an amount, "ABCDE-" of an identity number. */
    static final int BEFORE = 8;
    /** Most characters a match has after its last figure: " Lebanese pounds" of an amount. */
    static final int AFTER = 24;

    private final String text;
    /** Start and end of each window, in order, none overlapping. */
    private final List<int[]> windows = new ArrayList<>();

    DigitWindows(String text) {
        this.text = text;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < n && isFigure(text.charAt(runEnd))) {
                runEnd++;
            }
            int from = Math.max(0, i - BEFORE);
            int to = Math.min(n, runEnd + AFTER);
            int[] last = windows.isEmpty() ? null : windows.getLast();
            if (last != null && from <= last[1]) {
                last[1] = to;
            } else {
                windows.add(new int[]{from, to});
            }
            i = runEnd;
        }
    }

    private static boolean isFigure(char c) {
        return c >= '0' && c <= '9' || c == ',' || c == '.';
    }

    /** The matches of a pattern in the text, as a search of the whole text finds them. */
    List<MatchResult> matches(Pattern pattern) {
        List<MatchResult> out = new ArrayList<>();
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int[] w : windows) {
            m.region(w[0], w[1]);
            while (m.find()) {
                out.add(m.toMatchResult());
            }
        }
        return out;
    }
}
