package org.knowledgehub.ingest;

/**
 * A block of a document's extracted text, by offsets into it.
 *
 * @param start offset of the first character (inclusive)
 * @param end   offset after the last character (exclusive)
 */
record TextBlock(BlockKind kind, int level, int depth, int start, int end) {
}
