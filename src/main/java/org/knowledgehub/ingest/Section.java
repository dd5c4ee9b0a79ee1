package org.knowledgehub.ingest;

/**
 * A titled part of a document, from its heading to the next heading of the same or a higher
 * level. Number 1 may be an untitled lead section holding text before the first heading.
 *
 * @param parent number of the enclosing section, or 0 at top level
 */
record Section(int number, String title, int level, int start, int end, int parent) {
}
