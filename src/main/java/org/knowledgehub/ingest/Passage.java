package org.knowledgehub.ingest;

/** A span of text a person can read as an answer; never crosses a section boundary. */
record Passage(int number, int section, int start, int end) {
}
