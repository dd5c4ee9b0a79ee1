package org.knowledgehub.ingest;

/**
 * A block as the parser saw it, before clean-up: its text still has the parser's line breaks.
 *
 * @param level    heading level (1-6) for headings, else 0
 * @param depth    list nesting depth (0 = top level) for list items
 * @param allBold  true when every letter of the block was bold (a heading in disguise)
 * @param page     page number (1-based) in paged formats, else 0
 */
record RawBlock(BlockKind kind, int level, int depth, boolean allBold, int page, String text) {

    RawBlock withText(String newText) {
        return new RawBlock(kind, level, depth, allBold, page, newText);
    }

    RawBlock asHeading(int headingLevel) {
        return new RawBlock(BlockKind.HEADING, headingLevel, 0, allBold, page, text);
    }
}
