package org.knowledgehub.ingest;

import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * segment: sections from headings, and passages a person can read as an answer. Short blocks
 * (a lead-in line, list items, table rows) are gathered until the passage says something; a
 * paragraph of some length stands alone; a very long paragraph is cut at sentence ends.
 * Passages never cross a heading.
 */
final class SegmentStage implements IngestStage {

    /** A group of at least this many words is a passage on its own. */
    static final int MIN_WORDS = 30;
    /** Short blocks are gathered up to this many words. */
    static final int MAX_WORDS = 150;
    /** Longer blocks are cut into sentence runs of about {@link #CHUNK_WORDS}. */
    static final int SPLIT_WORDS = 200;
    static final int CHUNK_WORDS = 120;
    /**
     * No passage is longer than this many characters, whatever its words: a run without spaces (a
     * pasted hash, a line of one letter) would otherwise be one passage the size of the document.
     */
    static final int MAX_CHARS = 3000;

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public void process(DocumentContext doc) {
        StructuredText text = doc.text;
        List<Section> sections = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        Deque<Section> open = new ArrayDeque<>();
        List<TextBlock> run = new ArrayList<>();
        int current = 0;
        for (TextBlock block : text.blocks()) {
            if (block.kind() == BlockKind.HEADING) {
                if (current == 0 && !run.isEmpty()) {
                    current = addSection(sections, open, null, 0, 0, text);
                }
                cut(run, current, text, passages);
                current = addSection(sections, open, block, block.level(), block.start(), text);
            } else {
                run.add(block);
            }
        }
        if (current == 0) {
            current = addSection(sections, open, null, 0, 0, text);
        }
        cut(run, current, text, passages);
        closeAll(open, sections, text.text().length());
        doc.sections = List.copyOf(sections);
        doc.passages = List.copyOf(passages);
    }

    private static int addSection(List<Section> sections, Deque<Section> open, TextBlock heading, int level, int start,
                                  StructuredText text) {
        // A heading closes the sections it is not inside of, and always the untitled lead section.
        while (heading != null && !open.isEmpty() && (open.peek().level() >= level || open.peek().title() == null)) {
            Section done = open.pop();
            sections.set(done.number() - 1, withEnd(done, trimEnd(text.text(), start)));
        }
        int parent = open.isEmpty() ? 0 : open.peek().number();
        String title = heading == null ? null : text.textOf(heading);
        Section section = new Section(sections.size() + 1, title, level, start, -1, parent);
        sections.add(section);
        open.push(section);
        return section.number();
    }

    private static void closeAll(Deque<Section> open, List<Section> sections, int end) {
        while (!open.isEmpty()) {
            Section done = open.pop();
            sections.set(done.number() - 1, withEnd(done, end));
        }
    }

    private static Section withEnd(Section s, int end) {
        return new Section(s.number(), s.title(), s.level(), s.start(), Math.max(end, s.start()), s.parent());
    }

    private static int trimEnd(String text, int end) {
        int e = end;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** What a block holds, for keeping runs of figures (chart values, table rows) apart from prose. */
    private enum Content { PROSE, FIGURES, LABEL }

    private static Content content(TextBlock block, String text) {
        if (block.kind() == BlockKind.TABLE_ROW || BlockCleaner.isFigures(text)) {
            return Content.FIGURES;
        }
        return words(text) >= 8 || block.kind() == BlockKind.LIST_ITEM ? Content.PROSE : Content.LABEL;
    }

    /**
     * Turns the blocks between two headings into passages. Figures and prose never share a
     * passage: a run of figures with the labels around it is a passage of table content of its own.
     */
    private static void cut(List<TextBlock> run, int section, StructuredText text, List<Passage> out) {
        int groupStart = -1;
        int groupEnd = -1;
        int groupWords = 0;
        Content group = Content.LABEL;
        for (TextBlock block : run) {
            String blockText = text.textOf(block);
            int words = words(blockText);
            Content content = content(block, blockText);
            if (words > SPLIT_WORDS && content != Content.FIGURES || blockText.length() > MAX_CHARS) {
                if (groupStart >= 0) {
                    out.add(new Passage(out.size() + 1, section, groupStart, groupEnd, group == Content.FIGURES));
                    groupStart = -1;
                    groupWords = 0;
                }
                splitLong(block, section, text, out);
                group = Content.LABEL;
                continue;
            }
            boolean standsAlone = block.kind() == BlockKind.PARAGRAPH && words >= MIN_WORDS && content == Content.PROSE;
            boolean switches = group != Content.LABEL && content != Content.LABEL && content != group;
            if (groupStart >= 0 && (switches || groupWords >= MIN_WORDS && (standsAlone || groupWords + words > MAX_WORDS))) {
                out.add(new Passage(out.size() + 1, section, groupStart, groupEnd, group == Content.FIGURES));
                groupStart = -1;
                groupWords = 0;
                group = Content.LABEL;
            }
            if (groupStart < 0) {
                groupStart = block.start();
            }
            groupEnd = block.end();
            groupWords += words;
            if (content != Content.LABEL) {
                group = content;
            }
        }
        if (groupStart >= 0) {
            out.add(new Passage(out.size() + 1, section, groupStart, groupEnd, group == Content.FIGURES));
        }
        run.clear();
    }

    private static void splitLong(TextBlock block, int section, StructuredText text, List<Passage> out) {
        String s = text.textOf(block);
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(s);
        int chunkStart = 0;
        int chunkWords = 0;
        int end;
        for (int start = sentences.first(); (end = sentences.next()) != BreakIterator.DONE; start = end) {
            int words = words(s.substring(start, end));
            if (chunkWords > 0 && (chunkWords + words > CHUNK_WORDS || end - chunkStart > MAX_CHARS)) {
                addBounded(block.start() + chunkStart, block.start() + start, section, text.text(), out);
                chunkStart = start;
                chunkWords = 0;
            }
            chunkWords += words;
        }
        addBounded(block.start() + chunkStart, block.end(), section, text.text(), out);
    }

    /** Adds the text as passages of at most {@link #MAX_CHARS}, cut at the last space before the limit where there is one. */
    private static void addBounded(int start, int end, int section, String text, List<Passage> out) {
        int s = start;
        while (end - s > MAX_CHARS) {
            int cut = s + MAX_CHARS;
            int space = cut;
            while (space > s + MAX_CHARS / 2 && !Character.isWhitespace(text.charAt(space))) {
                space--;
            }
            cut = space > s + MAX_CHARS / 2 ? space : cut;
            addTrimmed(s, cut, section, text, out);
            s = cut;
        }
        addTrimmed(s, end, section, text, out);
    }

    private static void addTrimmed(int start, int end, int section, String text, List<Passage> out) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new Passage(out.size() + 1, section, s, e, false));
        }
    }

    static int words(String s) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean letter = !Character.isWhitespace(s.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }
}
