package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain text as blocks: paragraphs are separated by blank lines; a line underlined with
 * {@code ===} or {@code ---} (even without blank lines around it), or a lone line starting with
 * {@code #}, is a heading; runs of lines starting with a bullet or a number are list items.
 */
final class PlainTextBlocks {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\x0B\\f]*\\n");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*([-*•·▪◦○]|\\d{1,2}[.)])\\s+.*");
    private static final Pattern UNDERLINE = Pattern.compile("^\\s*(=+|-+)\\s*$");
    private static final Pattern ATX = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    private static final Pattern HEADER_FIELD = Pattern.compile("^#\\s*([A-Za-z][A-Za-z_ -]{0,30}?)\\s*:\\s*(.+)$");

    private PlainTextBlocks() {
    }

    /**
     * The "# key: value" lines that open a text file (title, author, date, source_url...): the
     * plain-text form of front matter.
     */
    static FileMetadata header(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.strip().split("\\R", 30)) {
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = HEADER_FIELD.matcher(line.strip());
            if (m.matches()) {
                fields.putIfAbsent(m.group(1).strip().toLowerCase(Locale.ROOT).replace(' ', '_'), m.group(2).strip());
            }
        }
        return FileMetadata.fromFields(fields, FileMetadata.TEXT_HEADER);
    }

    static List<RawBlock> read(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        List<RawBlock> blocks = new ArrayList<>();
        for (String chunk : BLANK_LINES.split(normalised)) {
            if (!chunk.isBlank()) {
                readChunk(chunk.strip().split("\n"), blocks);
            }
        }
        return blocks;
    }

    /** A run of lines without a blank line; an underlined line inside it still starts a new section. */
    private static void readChunk(String[] lines, List<RawBlock> blocks) {
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!lines[i].isBlank() && UNDERLINE.matcher(lines[i + 1]).matches() && lines[i + 1].strip().length() >= 3) {
                if (i > 0) {
                    readChunk(Arrays.copyOfRange(lines, 0, i), blocks);
                }
                int level = lines[i + 1].strip().charAt(0) == '=' ? 1 : 2;
                blocks.add(new RawBlock(BlockKind.HEADING, level, 0, false, 0, lines[i].strip()));
                if (i + 2 < lines.length) {
                    readChunk(Arrays.copyOfRange(lines, i + 2, lines.length), blocks);
                }
                return;
            }
        }
        var atx = ATX.matcher(lines[0].strip());
        if (lines.length == 1 && atx.matches()) {
            blocks.add(new RawBlock(BlockKind.HEADING, atx.group(1).length(), 0, false, 0, atx.group(2)));
        } else if (LIST_MARKER.matcher(lines[0]).matches()) {
            addListItems(lines, blocks);
        } else {
            blocks.add(new RawBlock(BlockKind.PARAGRAPH, 0, 0, false, 0, String.join("\n", lines)));
        }
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
