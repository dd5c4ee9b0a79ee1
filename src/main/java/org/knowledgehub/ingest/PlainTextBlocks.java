package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain text as blocks: paragraphs are separated by blank lines; a line underlined with
 * {@code ===} or {@code ---}, or starting with {@code #}, is a heading; runs of lines starting
 * with a bullet or a number are list items.
 */
final class PlainTextBlocks {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\x0B\\f]*\\n");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*([-*•·▪◦○]|\\d{1,2}[.)])\\s+.*");
    private static final Pattern UNDERLINE = Pattern.compile("^\\s*(=+|-+)\\s*$");
    private static final Pattern ATX = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    private PlainTextBlocks() {
    }

    static List<RawBlock> read(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        List<RawBlock> blocks = new ArrayList<>();
        for (String chunk : BLANK_LINES.split(normalised)) {
            if (chunk.isBlank()) {
                continue;
            }
            String[] lines = chunk.strip().split("\n");
            var atx = ATX.matcher(lines[0].strip());
            if (lines.length == 1 && atx.matches()) {
                blocks.add(new RawBlock(BlockKind.HEADING, atx.group(1).length(), 0, false, 0, atx.group(2)));
            } else if (lines.length == 2 && UNDERLINE.matcher(lines[1]).matches()) {
                int level = lines[1].strip().charAt(0) == '=' ? 1 : 2;
                blocks.add(new RawBlock(BlockKind.HEADING, level, 0, false, 0, lines[0].strip()));
            } else if (LIST_MARKER.matcher(lines[0]).matches()) {
                addListItems(lines, blocks);
            } else {
                blocks.add(new RawBlock(BlockKind.PARAGRAPH, 0, 0, false, 0, chunk));
            }
        }
        return blocks;
    }

    /** Each marked line starts an item; unmarked lines continue the item above. */
    private static void addListItems(String[] lines, List<RawBlock> blocks) {
        StringBuilder item = null;
        int depth = 0;
        for (String line : lines) {
            if (LIST_MARKER.matcher(line).matches()) {
                if (item != null) {
                    blocks.add(new RawBlock(BlockKind.LIST_ITEM, 0, depth, false, 0, item.toString()));
                }
                int indent = line.length() - line.stripLeading().length();
                depth = indent >= 2 ? 1 : 0;
                item = new StringBuilder(line.strip());
            } else {
                item.append('\n').append(line);
            }
        }
        blocks.add(new RawBlock(BlockKind.LIST_ITEM, 0, depth, false, 0, item.toString()));
    }
}
