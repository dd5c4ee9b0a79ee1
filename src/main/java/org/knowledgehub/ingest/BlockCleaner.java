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
 * text), strips list bullets, and recognises headings the format did not mark as such (bold-only
 * paragraphs, short title lines of PDFs and plain text).
 */
final class BlockCleaner {

    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^(page\\s*)?\\d{1,4}(\\s*(/|of)\\s*\\d{1,4})?$");
    private static final Pattern BULLET = Pattern.compile("^[•·▪◦○●■□➢►\\-*o]\\s+");
    private static final Pattern SOFT_HYPHEN_BREAK = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");
    private static final Pattern SPACES = Pattern.compile("[ \\u00A0\\u2007\\u202F\\x0B\\f]+");
    private static final Pattern ANY_WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})(\\.\\d{1,2})*\\.?\\s+\\p{Lu}.*");

    private BlockCleaner() {
    }

    /**
     * @param inferHeadings whether the format lacks heading markup (PDF, plain text), so short
     *                      title-like lines are taken as headings
     */
    static List<RawBlock> clean(List<RawBlock> raw, boolean inferHeadings) {
        List<RawBlock> blocks = new ArrayList<>(raw.size());
        Set<String> furniture = runningHeaders(raw);
        for (RawBlock b : rejoinBrokenLines(raw)) {
            if (b.page() > 0 && isFurniture(b, furniture)) {
                continue;
            }
            if (inferHeadings && b.kind() == BlockKind.PARAGRAPH) {
                splitTitleLine(b, blocks);
            } else {
                blocks.add(b);
            }
        }
        List<RawBlock> out = new ArrayList<>(blocks.size());
        int topLevel = 1;
        int deepest = 1;
        boolean first = true;
        for (RawBlock b : blocks) {
            RawBlock n = normalise(b);
            if (n.text().isEmpty()) {
                continue;
            }
            if (n.kind() == BlockKind.PARAGRAPH && n.allBold() && looksLikeTitle(n.text(), 20)) {
                n = n.asHeading(Math.min(6, Math.max(deepest, topLevel + 1)));
            } else if (inferHeadings && n.kind() == BlockKind.PARAGRAPH && looksLikeTitle(n.text(), 12)
                    && !n.text().contains("\n")) {
                n = n.asHeading(first ? 1 : inferredLevel(n.text()));
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
            first = false;
        }
        return out;
    }

    /**
     * Some PDFs come out one line per paragraph: a paragraph of a paged format that does not end a
     * sentence, followed on the same page by one that starts in lower case or with a digit, is the
     * same paragraph.
     */
    private static List<RawBlock> rejoinBrokenLines(List<RawBlock> raw) {
        List<RawBlock> out = new ArrayList<>(raw.size());
        for (RawBlock b : raw) {
            if (!out.isEmpty()) {
                RawBlock previous = out.getLast();
                String before = previous.text().strip();
                String after = b.text().strip();
                boolean continues = b.page() > 0 && previous.page() == b.page()
                        && previous.kind() == BlockKind.PARAGRAPH && b.kind() == BlockKind.PARAGRAPH
                        && !before.isEmpty() && !after.isEmpty() && ".!?:;".indexOf(before.charAt(before.length() - 1)) < 0
                        && (Character.isLowerCase(after.charAt(0)) || Character.isDigit(after.charAt(0)));
                if (continues) {
                    out.set(out.size() - 1, previous.withText(before + "\n" + after));
                    continue;
                }
            }
            out.add(b);
        }
        return out;
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
            if (looksLikeTitle(firstLine, 10) && isCapitalised(firstLine) && !rest.isBlank()) {
                out.add(b.withText(firstLine).asHeading(inferredLevel(firstLine)));
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
        return letters * 2 >= visible;
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

    /** Short blocks repeated on at least three pages: running headers and footers. */
    private static Set<String> runningHeaders(List<RawBlock> raw) {
        Map<String, Set<Integer>> pages = new HashMap<>();
        for (RawBlock b : raw) {
            if (b.page() > 0) {
                String key = ANY_WHITESPACE.matcher(b.text()).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && ANY_WHITESPACE.split(key).length <= 8) {
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
        if (s.isEmpty() || PAGE_NUMBER.matcher(s).matches() || s.startsWith("©")
                || runningHeaders.contains(s.toLowerCase(Locale.ROOT))) {
            return true;
        }
        // Vertical or spaced-out lettering comes out as lines of one to three characters.
        for (String line : b.text().split("\n")) {
            String l = line.strip();
            if (l.length() > 3 && !l.startsWith("©")) {
                return false;
            }
        }
        return true;
    }
}
