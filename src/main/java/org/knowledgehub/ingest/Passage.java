package org.knowledgehub.ingest;

/**
 * A span of text a person can read as an answer; never crosses a section boundary.
 *
 * @param table whether it is table content (rows of figures, a chart's labels and values as the
 *              text layer of a PDF gives them) rather than prose
 */
record Passage(int number, int section, int start, int end, boolean table) {
}
