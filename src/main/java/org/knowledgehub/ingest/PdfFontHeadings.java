package org.knowledgehub.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF's headings from its own structure: the outline (bookmarks) where it has one,
 * else the fonts. Report layouts set section titles in a few sizes well above the body text (the
 * size most characters have); each such size, largest first, is a heading level, and a line all
 * in bold is a heading of the level below them.
 * Lines in larger type that are not headings are left out: lines that do not read as a title
 * (chart values, an infographic's "of households who"), letters set one or two at a time (cover
 * lettering), and lines repeated on three pages or more (running headers). A title set on two
 * lines continues on the next line of the same size.
 */
final class PdfFontHeadings {

    /** A size at least this much above the body text's is a heading size. */
    private static final float HEADING_RATIO = 1.3f;
    private static final int MAX_WORDS = 16;
    private static final int MIN_HEADINGS = 3;
    private static final int MAX_LEVEL = 5;
    private static final Pattern FIGURE_FIRST = Pattern.compile("[\\d.,]+\\s*%");

    private PdfFontHeadings() {
    }

    /** The headings of a PDF, or {@link HeadingHints#NONE} when it cannot be read (Tika reports why). */
    static HeadingHints read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<String, Integer> outline = new HashMap<>();
            PDOutlineNode root = document.getDocumentCatalog().getDocumentOutline();
            if (root != null) {
                collect(root, 1, outline);
            }
            if (outline.size() >= MIN_HEADINGS) {
                return new HeadingHints(outline, Set.of(), true);
            }
            LineCollector lines = new LineCollector();
            lines.getText(document);
            return fromFonts(lines.lines);
        } catch (IOException | RuntimeException e) {
            return HeadingHints.NONE;
        }
    }

    private static void collect(PDOutlineNode node, int level, Map<String, Integer> levels) {
        for (PDOutlineItem item : node.children()) {
            String title = item.getTitle();
            if (title != null && HeadingHints.letters(title).length() >= 3) {
                levels.putIfAbsent(HeadingHints.key(0, title), Math.min(level, MAX_LEVEL));
            }
            collect(item, level + 1, levels);
        }
    }

    private static HeadingHints fromFonts(List<Line> lines) {
        Map<Float, Integer> charsBySize = new HashMap<>();
        lines.forEach(l -> charsBySize.merge(l.size, l.text.length(), Integer::sum));
        float body = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
        Map<String, Set<Integer>> pages = new HashMap<>();
        List<Line> headings = new ArrayList<>();
        Line previous = null;
        for (Line l : lines) {
            boolean continued = previous != null && headings.contains(previous) && previous.size == l.size
                    && previous.bold == l.bold && previous.page == l.page;
            boolean marked = l.size >= body * HEADING_RATIO || l.bold && l.size >= body;
            if (marked && (continued ? !BlockCleaner.isFigures(l.text) : isTitle(l.text))) {
                pages.computeIfAbsent(HeadingHints.letters(l.text), k -> new HashSet<>()).add(l.page);
                headings.add(l);
            }
            previous = l;
        }
        headings.removeIf(l -> pages.get(HeadingHints.letters(l.text)).size() >= 3);
        List<Float> ranked = new ArrayList<>(new TreeSet<>(headings.stream().filter(l -> l.size >= body * HEADING_RATIO)
                .map(Line::size).toList()).descendingSet());
        Map<String, Integer> levels = new HashMap<>();
        Set<String> weak = new HashSet<>();
        for (Line l : headings) {
            boolean large = l.size >= body * HEADING_RATIO;
            // Bold text in the body's size heads the smallest parts, below every larger size.
            int level = large ? ranked.indexOf(l.size) + 1 : ranked.size() + 1;
            String key = HeadingHints.key(l.page, l.text);
            levels.merge(key, Math.min(level, MAX_LEVEL), Math::min);
            if (!large) {
                weak.add(key);
            }
        }
        headings.stream().filter(l -> l.size >= body * HEADING_RATIO).forEach(l -> weak.remove(HeadingHints.key(l.page, l.text)));
        return new HeadingHints(levels, weak, levels.size() - weak.size() >= MIN_HEADINGS);
    }

    /** A line that can open a heading: title-like (see {@link BlockCleaner#looksLikeTitle}), not a caption, not a figure with its label ("51% Sex of"). */
    private static boolean isTitle(String line) {
        return HeadingHints.letters(line).length() >= 3 && BlockCleaner.looksLikeTitle(line, MAX_WORDS)
                && !FIGURE_FIRST.matcher(line.strip()).lookingAt() && !BlockCleaner.isCaption(line.strip());
    }

    private record Line(String text, float size, boolean bold, int page) {
    }

    /** The text lines of a PDF in Tika's reading order (PDFBox's default, not sorted by position) with their largest font size. */
    private static final class LineCollector extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private float size;
        private boolean bold = true;

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            text.append(string);
            for (TextPosition p : positions) {
                if (!p.getUnicode().isBlank()) {
                    size = Math.max(size, Math.round(p.getFontSizeInPt() * 2) / 2f);
                    bold &= isBold(p.getFont());
                }
            }
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void endPage(PDPage page) {
            endLine();
        }

        private void endLine() {
            if (!text.isEmpty() && size > 0) {
                lines.add(new Line(text.toString(), size, bold, getCurrentPageNo()));
            }
            text.setLength(0);
            size = 0;
            bold = true;
        }

        private static boolean isBold(PDFont font) {
            PDFontDescriptor descriptor = font.getFontDescriptor();
            String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
            return name.contains("bold") || name.contains("black") || name.contains("heavy")
                    || descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
        }
    }
}
