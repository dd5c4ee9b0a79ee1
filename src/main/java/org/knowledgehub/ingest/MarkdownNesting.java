package org.knowledgehub.ingest;

/**
 * How deeply a Markdown text nests block quotes and lists, checked before CommonMark, which
 * parses and renders nesting by recursion: 5,000 levels of {@code > > >} overflowed its stack.
 * A line's depth is the number of quote and list markers it opens with, plus one level for every
 * two columns of indentation before a list marker (how nested lists are written); it may count
 * more than CommonMark would, never less.
 */
final class MarkdownNesting {

    private MarkdownNesting() {
    }

    /** @throws IngestFailure 422 when a line nests deeper than {@code maxNesting} */
    static void check(String text, int maxNesting) {
        int lineNumber = 1;
        for (int start = 0; start < text.length(); lineNumber++) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (depth(text, start, end) > maxNesting) {
                throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file", "line " + lineNumber
                        + " nests quotes or lists more than " + maxNesting + " levels deep (the limit kh.ingest.max-nesting)");
            }
            start = end + 1;
        }
    }

    static int depth(CharSequence s, int start, int end) {
        int depth = 0;
        int i = start;
        while (i < end) {
            int columns = 0;
            while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                columns += s.charAt(i) == '\t' ? 4 : 1;
                i++;
            }
            int marker = marker(s, i, end);
            if (marker == 0) {
                return depth;
            }
            if (s.charAt(i) != '>') {
                depth += columns / 2;
            }
            depth++;
            i += marker;
        }
        return depth;
    }

    /** The length of a quote or list marker at {@code i} ({@code >}, {@code -}, {@code 1.}), or 0. */
    private static int marker(CharSequence s, int i, int end) {
        if (i >= end) {
            return 0;
        }
        char c = s.charAt(i);
        if (c == '>') {
            return 1;
        }
        int j = i;
        if (c == '-' || c == '+' || c == '*') {
            j++;
        } else {
            while (j < end && j - i < 9 && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j == i || j >= end || s.charAt(j) != '.' && s.charAt(j) != ')') {
                return 0;
            }
            j++;
        }
        // A list marker is followed by a space or ends the line.
        return j >= end || s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\r' ? j - i : 0;
    }
}
