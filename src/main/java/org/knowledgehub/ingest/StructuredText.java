package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's extracted text and the blocks it is made of. Every offset the hub stores
 * (sections, passages, action points, mentions) refers to {@link #text()}.
 */
record StructuredText(String text, List<TextBlock> blocks) {

    StructuredText {
        blocks = List.copyOf(blocks);
    }

    String textOf(TextBlock block) {
        return text.substring(block.start(), block.end());
    }

    /**
     * Joins cleaned blocks into one text: list items and table rows of the same run are
     * separated by a line break, everything else by a blank line.
     */
    static StructuredText join(List<RawBlock> cleaned) {
        StringBuilder text = new StringBuilder();
        List<TextBlock> blocks = new ArrayList<>(cleaned.size());
        BlockKind previous = null;
        for (RawBlock b : cleaned) {
            if (previous != null) {
                boolean sameRun = previous == b.kind() && (b.kind() == BlockKind.LIST_ITEM || b.kind() == BlockKind.TABLE_ROW);
                text.append(sameRun ? "\n" : "\n\n");
            }
            int start = text.length();
            text.append(b.text());
            blocks.add(new TextBlock(b.kind(), b.level(), b.depth(), start, text.length()));
            previous = b.kind();
        }
        return new StructuredText(text.toString(), blocks);
    }
}
