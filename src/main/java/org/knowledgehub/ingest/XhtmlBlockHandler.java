package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML events Tika emits for any format into blocks: headings, paragraphs, list items
 * (with nesting) and table rows (cells separated by tabs). Text outside any block, which HTML
 * written by hand often has, becomes a paragraph of its own.
 */
class XhtmlBlockHandler extends DefaultHandler {

    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "blockquote", "dt", "dd", "address", "caption");

    private final int maxChars;
    private final int maxNesting;
    private final List<RawBlock> blocks = new ArrayList<>();
    private StringBuilder current;
    private BlockKind currentKind;
    private int currentLevel;
    private int currentDepth;
    private int letters;
    private int boldLetters;
    private int totalChars;

    private int listDepth = -1;
    private int boldNesting;
    /** Inside a td or th; text between the cells of a row is only layout whitespace. */
    private int cellNesting;
    private int headNesting;
    private int page;
    private int nesting;

    XhtmlBlockHandler(int maxChars, int maxNesting) {
        this.maxChars = maxChars;
        this.maxNesting = maxNesting;
    }

    List<RawBlock> blocks() {
        flush();
        return blocks;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (++nesting > maxNesting) {
            throw new SAXException(new NestingTooDeepException(maxNesting));
        }
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "head" -> headNesting++;
            case "h1", "h2", "h3", "h4", "h5", "h6" -> begin(BlockKind.HEADING, name.charAt(1) - '0');
            case "li" -> begin(BlockKind.LIST_ITEM, 0);
            case "ul", "ol" -> {
                flush(); // the text of an outer item comes before its sub-list
                listDepth++;
            }
            case "tr" -> begin(BlockKind.TABLE_ROW, 0);
            case "td", "th" -> {
                if (currentKind != BlockKind.TABLE_ROW) {
                    begin(BlockKind.TABLE_ROW, 0);
                }
                if (current.length() > 0) {
                    current.append('\t');
                }
                cellNesting++;
            }
            case "br" -> {
                if (current != null) {
                    current.append('\n');
                }
            }
            case "b", "strong" -> boldNesting++;
            case "div" -> {
                if ("page".equals(atts.getValue("class"))) {
                    flush();
                    page++;
                }
            }
            default -> {
                if (PARAGRAPHS.contains(name)) {
                    begin(BlockKind.PARAGRAPH, 0);
                }
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        nesting--;
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "head" -> headNesting--;
            case "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr" -> flush();
            case "ul", "ol" -> {
                flush();
                listDepth = Math.max(-1, listDepth - 1);
            }
            case "b", "strong" -> boldNesting = Math.max(0, boldNesting - 1);
            case "td", "th" -> cellNesting = Math.max(0, cellNesting - 1);
            case "table" -> flush();
            default -> {
                if (PARAGRAPHS.contains(name)) {
                    flush();
                }
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (headNesting > 0 || currentKind == BlockKind.TABLE_ROW && cellNesting == 0) {
            return;
        }
        if (current == null) {
            if (isBlank(ch, start, length)) {
                return;
            }
            begin(BlockKind.PARAGRAPH, 0);
        }
        totalChars += length;
        if (totalChars > maxChars) {
            throw new SAXException(new TextTooLongException(maxChars));
        }
        current.append(ch, start, length);
        for (int i = start; i < start + length; i++) {
            if (Character.isLetterOrDigit(ch[i])) {
                letters++;
                if (boldNesting > 0) {
                    boldLetters++;
                }
            }
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        if (current != null && headNesting == 0) {
            current.append(ch, start, length);
        }
    }

    private void begin(BlockKind kind, int level) {
        flush();
        current = new StringBuilder();
        currentKind = kind;
        currentLevel = level;
        currentDepth = kind == BlockKind.LIST_ITEM ? Math.max(0, listDepth) : 0;
        letters = 0;
        boldLetters = 0;
    }

    private void flush() {
        if (current != null) {
            String text = current.toString();
            if (!text.isBlank()) {
                boolean allBold = letters > 0 && boldLetters == letters;
                blocks.add(new RawBlock(currentKind, currentLevel, currentDepth, allBold, Math.max(page, 0), text));
            }
        }
        current = null;
        currentKind = null;
        cellNesting = 0;
    }

    private static boolean isBlank(char[] ch, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (!Character.isWhitespace(ch[i])) {
                return false;
            }
        }
        return true;
    }

    /** Thrown (wrapped in a SAXException) when a file holds more text than the hub accepts. */
    static final class TextTooLongException extends RuntimeException {
        TextTooLongException(int maxChars) {
            super("the extracted text exceeds the limit of " + maxChars + " characters");
        }
    }

    static final class NestingTooDeepException extends RuntimeException {
        NestingTooDeepException(int maxNesting) {
            super("the document nests elements (sections, lists, quotes) more than " + maxNesting + " levels deep");
        }
    }
}
