package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellRangeAddress;
import org.knowledgehub.ontology.LabelFolding;

/**
 * The heading of a column of a vault table without its statistic ("Row N %", "Mean", "Count"),
 * and what that statistic says about the values.
 *
 * @param text      the levels of the heading, top to bottom, joined with ": "
 * @param statistic what the column's values are
 */
record VaultHeading(String text, Statistic statistic) {

    enum Statistic { PERCENT, VALUE, COUNT }

    private static final Pattern PERCENT_STATISTIC =
            Pattern.compile("(?i)\\s*((row|column|table|layer)\\s+(valid\\s+)?n\\s*)?%\\s*");
    private static final Pattern COUNT_STATISTIC =
            Pattern.compile("(?i)\\s*((unweighted|weighted)\\s+)?(count|n|valid\\s+n|sum)\\s*");
    private static final Pattern VALUE_STATISTIC = Pattern.compile("(?i)\\s*(mean|median|average)\\s*\\*?\\s*");
    /** The number of a footnote glued to the end of a heading: "ratio (adjusted)1", "or higher5". */
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("(?<=\\p{L}{3}|\\))\\d{1,2}$");

    /**
     * The heading above a column: the levels of the rows from {@code firstRow} down to the Total
     * row, each once; a merged cell counts for every column it covers, and one that reaches the
     * label column is the table's title or corner, not a heading.
     *
     * @param title the table's title, the first level of a heading of a table stacked with others in its sheet; or null
     */
    static VaultHeading of(VaultSheet sheet, int firstRow, int totalRow, int labelColumn, int column, String title) {
        List<String> parts = new ArrayList<>();
        Statistic statistic = Statistic.VALUE;
        CellRangeAddress previous = null;
        for (int r = firstRow; r < totalRow; r++) {
            CellRangeAddress region = sheet.regionAt(r, column);
            if (region != null && (region.getFirstColumn() <= labelColumn || region.equals(previous))) {
                previous = region;
                continue;
            }
            previous = region;
            String t = sheet.text(r, column);
            if (t.isEmpty()) {
                continue;
            }
            if (PERCENT_STATISTIC.matcher(t).matches()) {
                statistic = Statistic.PERCENT;
            } else if (COUNT_STATISTIC.matcher(t).matches()) {
                statistic = Statistic.COUNT;
            } else if (VALUE_STATISTIC.matcher(t).matches()) {
                statistic = Statistic.VALUE;
            } else if (parts.isEmpty() || !parts.getLast().equals(withoutFootnoteMark(t))) {
                parts.add(withoutFootnoteMark(t));
            }
        }
        if (title != null && !title.isEmpty() && !parts.isEmpty()) {
            parts.addFirst(withoutFootnoteMark(title));
        }
        return new VaultHeading(String.join(": ", parts), statistic);
    }

    /** A column of row totals: headed "Total", or a percentage whose last level of heading is "Total". */
    boolean isRowTotal() {
        int levels = text.lastIndexOf(": ");
        String last = levels < 0 ? text : text.substring(levels + 2);
        return LabelFolding.fold(text).equals("total") || statistic == Statistic.PERCENT && LabelFolding.fold(last).equals("total");
    }

    private static String withoutFootnoteMark(String text) {
        return FOOTNOTE_MARK.matcher(text.strip()).replaceFirst("").strip();
    }
}
