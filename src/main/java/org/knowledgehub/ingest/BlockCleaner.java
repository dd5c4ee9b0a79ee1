package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns parser blocks into the blocks of the extracted text: normalises spacing, removes page
 * furniture of paged formats (page numbers, running headers, photo credits, letters of vertical
 * text), strips list bullets, and recognises headings the format did not mark as such: lines the
 * file's own typography or styles mark (see {@link HeadingHints}), else bold-only paragraphs and
 * short title lines of PDFs and plain text.
 */
final class BlockCleaner {

    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^(page\\s*)?\\d{1,4}(\\s*(/|of)\\s*\\d{1,4})?$");
    private static final Pattern BULLET = Pattern.compile("^[•·▪◦○●■□➢►\\-*o]\\s+");
    private static final Pattern SOFT_HYPHEN_BREAK = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");
    private static final Pattern SPACES = Pattern.compile("[ \\u00A0\\u2007\\u202F\\x0B\\f]+");
    private static final Pattern ANY_WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE_NUMBERS = Pattern.compile("^\\d{1,4}\\s+|\\s+\\d{1,4}$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})(\\.\\d{1,2})*\\.?\\s+\\p{Lu}.*");

    private BlockCleaner() {
    }

    /**
     * @param inferHeadings whether the format lacks heading markup (PDF, plain text), so short
     *                      title-like lines are taken as headings unless {@code headings} is authoritative
     * @param headings      the lines the file's typography or styles mark as headings
     */
    static List<RawBlock> clean(List<RawBlock> raw, boolean inferHeadings, HeadingHints headings) {
        Set<String> furniture = runningHeaders(raw);
        // A report's title often doubles as its running header, set small on every page: the large one stays.
        List<RawBlock> kept = raw.stream().filter(b -> b.page() == 0 || !isFurniture(b, furniture) || isMarked(b, headings)).toList();
        boolean guessTitles = inferHeadings && !headings.authoritative();
        List<RawBlock> blocks = new ArrayList<>(kept.size());
        for (RawBlock b : rejoinBrokenLines(markHeadings(kept, headings))) {
            if (guessTitles && b.kind() == BlockKind.PARAGRAPH) {
                splitTitleLine(b, blocks);
            } else {
                blocks.add(b);
            }
        }
        List<RawBlock> normalised = new ArrayList<>(blocks.size());
        for (RawBlock b : blocks) {
            RawBlock n = normalise(b);
            if (!n.text().isEmpty()) {
                normalised.add(n);
            }
        }
        List<RawBlock> out = new ArrayList<>(normalised.size());
        int topLevel = 1;
        int deepest = 1;
        for (int i = 0; i < normalised.size(); i++) {
            RawBlock n = normalised.get(i);
            if (n.kind() == BlockKind.PARAGRAPH && n.allBold() && looksLikeTitle(n.text(), 20)
                    && !(inferHeadings && isChartLabel(normalised, i))) {
                n = n.asHeading(Math.min(6, Math.max(deepest, topLevel + 1)));
            } else if (guessTitles && n.kind() == BlockKind.PARAGRAPH && isInferredTitle(n.text()) && !isChartLabel(normalised, i)) {
                n = n.asHeading(i == 0 ? 1 : inferredLevel(n.text()));
            }
            if (n.kind() == BlockKind.HEADING) {
                if (n.level() <= 2) {
                    topLevel = n.level();
                    deepest = n.level();
                } else {
                    deepest = Math.max(deepest, n.level());
                }
            }
            out.add(n);
        }
        return out;
    }

    /**
     * Splits the lines that the file marks as headings out of the paragraphs Tika made of them
     * (a PDF heading often shares a paragraph with the text below it); consecutive lines of one
     * level make one heading (a title set on two lines).
     */
    private static List<RawBlock> markHeadings(List<RawBlock> raw, HeadingHints headings) {
        if (headings.levels().isEmpty()) {
            return raw;
        }
        List<RawBlock> out = new ArrayList<>(raw.size());
        for (int k = 0; k < raw.size(); k++) {
            RawBlock b = raw.get(k);
            if (b.kind() != BlockKind.PARAGRAPH) {
                out.add(b);
                continue;
            }
            List<String> lines = b.text().lines().filter(l -> !l.isBlank()).toList();
            RawBlock next = k + 1 < raw.size() ? raw.get(k + 1) : null;
            List<RawBlock> pieces = new ArrayList<>();
            for (int start = 0, end; start < lines.size(); start = end) {
                int level = headings.levelOf(b.page(), lines.get(start));
                end = start + 1;
                while (end < lines.size() && headings.levelOf(b.page(), lines.get(end)) == level) {
                    end++;
                }
                List<String> run = lines.subList(start, end);
                boolean weak = level > 0 && run.stream().allMatch(l -> headings.isWeak(b.page(), l));
                // A single bold word is a table's or chart's label far more often than a subheading.
                boolean oneWord = ANY_WHITESPACE.split(String.join(" ", run).strip()).length == 1;
                List<String> after = end < lines.size() || next == null || next.kind() != BlockKind.PARAGRAPH
                        ? lines.subList(end, lines.size()) : next.text().lines().toList();
                if (weak && (oneWord || !isProse(after, headings, b.page()))) {
                    level = 0;
                }
                RawBlock last = pieces.isEmpty() ? null : pieces.getLast();
                if (level == 0 && last != null && last.kind() == BlockKind.PARAGRAPH) {
                    pieces.set(pieces.size() - 1, last.withText(last.text() + "\n" + String.join("\n", run)));
                } else {
                    pieces.add(piece(b, String.join("\n", run), level));
                }
            }
            boolean unchanged = pieces.stream().allMatch(p -> p.kind() == BlockKind.PARAGRAPH);
            out.addAll(unchanged ? List.of(b) : pieces);
        }
        return out;
    }

    private static boolean isMarked(RawBlock b, HeadingHints headings) {
        List<String> lines = b.text().lines().filter(l -> !l.isBlank()).toList();
        return !lines.isEmpty() && lines.stream().allMatch(l -> headings.levelOf(b.page(), l) > 0 && !headings.isWeak(b.page(), l));
    }

    /** Whether the lines after a weakly marked heading (in its paragraph, or the next) are prose, not more labels or figures. */
    private static boolean isProse(List<String> lines, HeadingHints headings, int page) {
        List<String> text = lines.stream().takeWhile(l -> headings.levelOf(page, l) == 0).toList();
        String joined = String.join(" ", text);
        return ANY_WHITESPACE.split(joined.strip()).length >= 8 && !isFigures(joined);
    }

    static boolean isCaption(String line) {
        return CAPTION.matcher(line).matches();
    }

    private static RawBlock piece(RawBlock b, String text, int level) {
        return level == 0 ? b.withText(text) : new RawBlock(BlockKind.HEADING, level, 0, b.allBold(), b.page(), text);
    }

    /**
     * Paragraphs of paged formats cut apart by line ends, page breaks and the layout: a paragraph
     * that does not end a sentence continues in the next one when that one starts in lower case
     * or with a digit, or when the paragraph was cut mid-sentence (its last line is a full line of
     * prose, or it ends on a word such as "the" or a comma), on the same page or the next. Up to
     * three short title lines between the two (the titles of a side column, a heading at the top
     * of the next page) stay where they are, after the rejoined paragraph. Runs of figures (chart
     * values, table rows) are joined only to their labels, never to prose.
     */
    private static List<RawBlock> rejoinBrokenLines(List<RawBlock> raw) {
        List<RawBlock> out = new ArrayList<>(raw.size());
        for (RawBlock b : raw) {
            int target = continued(out, b);
            if (target >= 0) {
                out.set(target, out.get(target).withText(out.get(target).text().strip() + "\n" + b.text().strip()));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    /** Where in {@code out} the paragraph that {@code b} continues is: the last block, or the one before up to three side titles; else -1. */
    private static int continued(List<RawBlock> out, RawBlock b) {
        int titles = 0;
        for (int p = out.size() - 1; p >= 0; p--) {
            RawBlock previous = out.get(p);
            if (continues(previous, b, titles > 0)) {
                return p;
            }
            if (titles == MAX_SIDE_TITLES || !isSideTitle(previous)) {
                return -1;
            }
            titles++;
        }
        return -1;
    }

    private static final int MAX_SIDE_TITLES = 3;
    /** Words that do not end a sentence: a line ending on one was cut. */
    private static final Set<String> OPEN_ENDINGS = Set.of("the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by",
            "for", "from", "with", "than", "as", "that", "which", "who", "whose", "were", "was", "is", "are", "be", "between",
            "among", "per", "into", "over", "under", "namely", "including", "such", "their", "its", "this", "these", "both");
    private static final Pattern CAPTION = Pattern.compile("(?i)^(figure|fig\\.|table|chart|graph|map|source|note|annex)\\s*\\d*[:.]?\\s.*");
    private static final Pattern NUMERIC_TOKEN = Pattern.compile("[-+(]?\\$?\\d[\\d.,]*%?\\)?[,;]?|%");

    /** Whether {@code next} carries on the paragraph {@code previous} left unfinished. */
    private static boolean continues(RawBlock previous, RawBlock next, boolean acrossTitles) {
        if (previous.page() == 0 || next.page() == 0 || next.page() - previous.page() > 1 || next.page() < previous.page()
                || previous.kind() != BlockKind.PARAGRAPH || next.kind() != BlockKind.PARAGRAPH) {
            return false;
        }
        String before = previous.text().strip();
        String after = next.text().strip();
        if (before.isEmpty() || after.isEmpty() || ".!?:;".indexOf(before.charAt(before.length() - 1)) >= 0) {
            return false;
        }
        boolean figuresBefore = isFigures(before);
        boolean figuresAfter = isFigures(after);
        boolean label = ANY_WHITESPACE.split(before).length <= 6 && !figuresBefore;
        if (figuresBefore != figuresAfter && !(label && figuresAfter)) {
            return false;
        }
        char first = after.charAt(0);
        boolean startsMidSentence = Character.isLowerCase(first) || Character.isDigit(first) || first == '(';
        if (acrossTitles) {
            return cut(before) && !next.allBold() && (startsMidSentence || !looksLikeTitle(after, 12));
        }
        if (startsMidSentence) {
            return true;
        }
        return cut(before) && !next.allBold() && !isShoutedTitle(after) && !CAPTION.matcher(after).matches();
    }

    /**
     * Prose that stops mid-sentence: a paragraph of some length or a full last line (the text
     * wraps) without an end of sentence, or one ending on a word that cannot end a sentence.
     */
    private static boolean cut(String paragraph) {
        if (CAPTION.matcher(paragraph).matches() || isFigures(paragraph)) {
            return false;
        }
        String lastLine = paragraph.substring(paragraph.lastIndexOf('\n') + 1).strip();
        return ANY_WHITESPACE.split(lastLine).length >= 8 || ANY_WHITESPACE.split(paragraph).length >= 15 || endsOpen(lastLine);
    }

    /** A short title line: a side column's heading, a page's section title ("PROTECTION", "Shelter conditions"). */
    private static boolean isSideTitle(RawBlock b) {
        String s = b.text().strip();
        return b.kind() == BlockKind.PARAGRAPH && !s.contains("\n") && looksLikeTitle(s, 6) && !cut(s) && isCapitalised(s);
    }

    private static boolean isShoutedTitle(String s) {
        return looksLikeTitle(s, 8) && s.equals(s.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether most of a text's tokens are figures (numbers, percentages): chart values, table rows.
     * Such runs stay searchable as table content but are not prose.
     */
    static boolean isFigures(String text) {
        String[] tokens = ANY_WHITESPACE.split(text.strip());
        int figures = figureCount(tokens);
        return (figures >= 3 || figures == tokens.length) && figures * 5 >= tokens.length * 2;
    }

    /** A line of a format without heading markup that reads as a title: short, capitalised, not a caption, not left open. */
    private static boolean isInferredTitle(String line) {
        return looksLikeTitle(line, 12) && !line.contains("\n") && !CAPTION.matcher(line).matches() && !endsOpen(line);
    }

    private static int figureCount(String[] tokens) {
        int figures = 0;
        for (String t : tokens) {
            if (NUMERIC_TOKEN.matcher(t).matches()) {
                figures++;
            }
        }
        return figures;
    }

    /**
     * A title-like line that labels a chart or a table rather than opening a section: right before
     * a run of figures, or one of a run of such lines (the axis and legend of a chart; a bold
     * heading may stand right above a bold sub-heading, so for bold lines a run of three).
     */
    private static boolean isChartLabel(List<RawBlock> blocks, int i) {
        if (i + 1 >= blocks.size()) {
            return false;
        }
        if (isFigures(blocks.get(i + 1).text())) {
            return true;
        }
        int titlesAfter = 0;
        for (int j = i + 1; j < blocks.size() && j <= i + 2 && blocks.get(j).kind() == BlockKind.PARAGRAPH
                && isInferredTitle(blocks.get(j).text()); j++) {
            titlesAfter++;
        }
        return titlesAfter >= (blocks.get(i).allBold() ? 2 : 1);
    }

    /** Whether a line ends on a word that cannot end a title or a sentence ("More than", "Non-", "the"). */
    private static boolean endsOpen(String line) {
        String[] words = ANY_WHITESPACE.split(line.strip());
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        return OPEN_ENDINGS.contains(last) || last.endsWith("-") || last.endsWith(",");
    }

    private static RawBlock normalise(RawBlock b) {
        String text = b.text().replace("\r\n", "\n").replace('\r', '\n');
        text = SOFT_HYPHEN_BREAK.matcher(text).replaceAll("$1$2");
        if (text.indexOf('\t') >= 0) {
            // A tabular block (cells separated by tabs): keep its rows and cells.
            StringBuilder sb = new StringBuilder();
            for (String line : text.split("\n")) {
                String cleanLine = SPACES.matcher(line).replaceAll(" ").replaceAll(" *\\t[ \\t]*", "\t").strip();
                if (!cleanLine.isEmpty()) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(cleanLine);
                }
            }
            text = sb.toString();
        } else {
            text = ANY_WHITESPACE.matcher(text).replaceAll(" ").strip();
        }
        BlockKind kind = b.kind();
        if (kind == BlockKind.PARAGRAPH && text.startsWith("•")) {
            kind = BlockKind.LIST_ITEM;
        }
        if (kind == BlockKind.LIST_ITEM) {
            text = BULLET.matcher(text).replaceFirst("").strip();
        }
        return new RawBlock(kind, b.level(), b.depth(), b.allBold(), b.page(), text);
    }

    /** A paragraph of a paged or plain format whose first line is a short title: split it off. */
    private static void splitTitleLine(RawBlock b, List<RawBlock> out) {
        String text = b.text().strip();
        int nl = text.indexOf('\n');
        if (nl > 0) {
            String firstLine = text.substring(0, nl).strip();
            String rest = text.substring(nl + 1);
            if (looksLikeTitle(firstLine, 10) && isCapitalised(firstLine) && !endsOpen(firstLine) && !rest.isBlank()
                    && !Character.isLowerCase(rest.strip().charAt(0)) && !isFigures(rest)) {
                // A paragraph of its own: whether it is a heading is decided with the others, by what follows it.
                out.add(b.withText(firstLine));
                out.add(b.withText(rest));
                return;
            }
        }
        out.add(b);
    }

    static boolean looksLikeTitle(String line, int maxWords) {
        String s = line.strip();
        if (s.length() < 2 || s.length() > 140 || s.contains("http")) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (".,;:!".indexOf(last) >= 0) {
            return false;
        }
        char first = s.charAt(0);
        if (!(Character.isUpperCase(first) || Character.isDigit(first))) {
            return false;
        }
        String[] words = ANY_WHITESPACE.split(s);
        if (words.length > maxWords) {
            return false;
        }
        int letters = 0;
        int visible = 0;
        for (char c : s.toCharArray()) {
            if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return letters * 2 >= visible && figureCount(words) < 3;
    }

    /** Most words start with a capital, or the line is numbered: a PDF title, not a sentence. */
    private static boolean isCapitalised(String line) {
        if (NUMBERED.matcher(line).matches()) {
            return true;
        }
        String[] words = ANY_WHITESPACE.split(line.strip());
        int capitalised = 0;
        int significant = 0;
        for (String w : words) {
            if (w.length() > 3) {
                significant++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return significant == 0 || capitalised * 3 >= significant * 2 || words.length <= 4;
    }

    private static int inferredLevel(String title) {
        var numbered = NUMBERED.matcher(title);
        if (numbered.matches()) {
            return numbered.group(2) == null ? 2 : 3;
        }
        return title.equals(title.toUpperCase(Locale.ROOT)) ? 2 : 3;
    }

    /** A block's text as running headers are compared: spacing and case folded, a page number at either end left out. */
    private static String furnitureKey(String text) {
        String key = ANY_WHITESPACE.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        return EDGE_NUMBERS.matcher(key).replaceAll("").strip();
    }

    /** Short blocks repeated on at least three pages: running headers and footers, with or without their page number. */
    private static Set<String> runningHeaders(List<RawBlock> raw) {
        Map<String, Set<Integer>> pages = new HashMap<>();
        for (RawBlock b : raw) {
            if (b.page() > 0) {
                String key = furnitureKey(b.text());
                if (key.chars().filter(Character::isLetter).count() >= 3 && ANY_WHITESPACE.split(key).length <= 16) {
                    pages.computeIfAbsent(key, k -> new HashSet<>()).add(b.page());
                }
            }
        }
        Set<String> repeated = new HashSet<>();
        pages.forEach((text, onPages) -> {
            if (onPages.size() >= 3) {
                repeated.add(text);
            }
        });
        return repeated;
    }

    private static boolean isFurniture(RawBlock b, Set<String> runningHeaders) {
        String s = ANY_WHITESPACE.matcher(b.text()).replaceAll(" ").strip();
        if (s.isEmpty() || PAGE_NUMBER.matcher(s).matches() || s.startsWith("©") || runningHeaders.contains(furnitureKey(s))) {
            return true;
        }
        // Vertical or spaced-out lettering comes out as lines of one to three letters (figures are chart values).
        for (String line : b.text().split("\n")) {
            String l = line.strip();
            if (l.length() > 3 && !l.startsWith("©") || l.chars().anyMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}
