package org.knowledgehub.ingest;

/** The kinds of block a document's text is made of. */
enum BlockKind {
    HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW
}
