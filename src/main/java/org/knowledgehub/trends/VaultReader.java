package org.knowledgehub.trends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.tables.SheetRows;

/**
 * Reads VASyR vault workbooks. Each sheet is one table: the row labelled "Total" (Lebanon) opens the
 * data and the rows above it are the column headings (several levels, merged cells spread over
 * the columns they cover, the statistic last: "Row N %", "Mean", "Count"). Rows below are grouped
 * in sections named either in a row of their own ("Governorate") or in the column left of the
 * labels (2022 layout); the Governorate and District sections hold areas, every other section
 * ("Gender of Head of Household", "Shelter Categories"...) is a breakdown of the population and is
 * reported as skipped.
 */
final class VaultReader {

    private static final int HEADER_SEARCH_ROWS = 60;
    private static final int HEADER_SEARCH_COLUMNS = 10;
    private static final Set<String> GOVERNORATE_SECTIONS = Set.of("governorate", "governorates", "governate", "mohafaza");
    private static final Set<String> DISTRICT_SECTIONS = Set.of("district", "districts", "caza", "cazas", "qada");
    private static final Pattern PERCENT_STATISTIC =
            Pattern.compile("(?i)\\s*((row|column|table|layer)\\s+(valid\\s+)?n\\s*)?%\\s*");
    private static final Pattern COUNT_STATISTIC =
            Pattern.compile("(?i)\\s*((unweighted|weighted)\\s+)?(count|n|valid\\s+n|sum)\\s*");
    private static final Pattern VALUE_STATISTIC = Pattern.compile("(?i)\\s*(mean|median|average)\\s*\\*?\\s*");

    private VaultReader() {
    }

    /** @param isAreaName whether a row label names an area of Lebanon (an empty area row does not open a section) */
    static List<ReadTable> read(byte[] bytes, Predicate<String> isAreaName) {
        try (Workbook workbook = SheetRows.open(bytes)) {
            List<ReadTable> tables = new ArrayList<>();
            for (Sheet sheet : workbook) {
                tables.add(new SheetReader(sheet, isAreaName).read());
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column's heading without its statistic, and what that statistic says about the values. */
    private record Heading(String text, Statistic statistic) {
    }

    private enum Statistic { PERCENT, VALUE, COUNT }

    private static final class SheetReader {

        private final Sheet sheet;
        private final Predicate<String> isAreaName;
        private final List<CellRangeAddress> merged;
        private final DataFormatter formatter = new DataFormatter();
        private final List<TableCell> cells = new ArrayList<>();
        private final List<ImportReport.Skipped> skipped = new ArrayList<>();

        SheetReader(Sheet sheet, Predicate<String> isAreaName) {
            this.sheet = sheet;
            this.isAreaName = isAreaName;
            this.merged = sheet.getMergedRegions();
        }

        ReadTable read() {
            int[] total = findTotal();
            if (total == null) {
                skipped.add(new ImportReport.Skipped(sheet.getSheetName(), null, null,
                        "no row labelled Total: not a table of the vault layout"));
                return new ReadTable(sheet.getSheetName(), cells, skipped);
            }
            int totalRow = total[0];
            int labelColumn = total[1];
            Map<Integer, Heading> headings = new LinkedHashMap<>();
            Set<Integer> unusableColumns = new HashSet<>();
            String section = null;
            for (int r = totalRow; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String label = text(r, labelColumn);
                if (labelColumn > 0 && !text(r, labelColumn - 1).isEmpty()) {
                    section = text(r, labelColumn - 1);
                }
                List<Cell> values = new ArrayList<>();
                for (Cell cell : row) {
                    if (cell.getColumnIndex() > labelColumn && isNumber(cell)) {
                        values.add(cell);
                    }
                }
                if (values.isEmpty()) {
                    if (!label.isEmpty() && !(level(false, label, section) != null && isAreaName.test(label))) {
                        section = label;
                    }
                    continue;
                }
                Integer level = level(r == totalRow, label, section);
                if (level == null) {
                    skipped.add(new ImportReport.Skipped(sheet.getSheetName(), r + 1, null, whyNotAnArea(label, section)));
                    continue;
                }
                for (Cell cell : values) {
                    int c = cell.getColumnIndex();
                    Heading heading = headings.computeIfAbsent(c, k -> heading(totalRow, labelColumn, k));
                    String unusable = heading.text().isEmpty() ? "the column has no heading"
                            : heading.statistic() == Statistic.COUNT ? "the column holds counts of respondents, not indicator values"
                            : LabelFolding.fold(heading.text()).equals("total") ? "the column is the total of its row" : null;
                    if (unusable != null) {
                        if (unusableColumns.add(c)) {
                            skipped.add(new ImportReport.Skipped(sheet.getSheetName(), null, columnName(c, heading), unusable));
                        }
                        continue;
                    }
                    boolean percentFormat = cell.getCellStyle().getDataFormatString().contains("%");
                    TableCell.Scale scale = percentFormat ? TableCell.Scale.FRACTION : TableCell.Scale.PLAIN;
                    String unit = percentFormat || heading.statistic() == Statistic.PERCENT ? "%" : null;
                    cells.add(new TableCell(r + 1, heading.text(), heading.text(), level == 0 ? "LB" : label, level, null,
                            Numbers.of(cell.getNumericCellValue()), scale, unit, null));
                }
            }
            return new ReadTable(sheet.getSheetName(), cells, skipped);
        }

        /** 0 for the Total row, 1 or 2 for a row of the Governorate or District section, null for a breakdown. */
        private static Integer level(boolean totalRow, String label, String section) {
            if (totalRow) {
                return 0;
            }
            if (label.isEmpty() || section == null || LabelFolding.fold(label).equals("total")) {
                return null;
            }
            String s = LabelFolding.fold(section);
            if (GOVERNORATE_SECTIONS.contains(s)) {
                return 1;
            }
            return DISTRICT_SECTIONS.contains(s) ? 2 : null;
        }

        private static String whyNotAnArea(String label, String section) {
            if (label.isEmpty()) {
                return "no row label";
            }
            String where = section == null ? "" : section.strip() + ": ";
            return LabelFolding.fold(label).equals("total") ? "'" + where + label + "' is a subtotal, not an area"
                    : "'" + where + label + "' is a breakdown of the population, not an area";
        }

        private int[] findTotal() {
            int lastRow = Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS);
            for (int r = 0; r <= lastRow; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (int c = 0; c < HEADER_SEARCH_COLUMNS; c++) {
                    Cell cell = row.getCell(c);
                    if (isTotal(cell)) {
                        // "Total" repeated across the label columns (2018 education tables): the last one holds the labels.
                        int last = c;
                        while (isTotal(row.getCell(last + 1))) {
                            last++;
                        }
                        // A heading "Total" (a column of row totals) has no numbers beside it.
                        if (hasNumberAfter(row, last)) {
                            return new int[]{r, last};
                        }
                    }
                }
            }
            return null;
        }

        /**
         * The levels of heading above a column, top to bottom, each once: a merged cell counts for
         * every column it covers; one that reaches the label column is the table's title, not a heading.
         */
        private Heading heading(int totalRow, int labelColumn, int column) {
            List<String> parts = new ArrayList<>();
            Statistic statistic = Statistic.VALUE;
            CellRangeAddress previous = null;
            for (int r = 0; r < totalRow; r++) {
                CellRangeAddress region = regionAt(r, column);
                if (region != null && (region.getFirstColumn() <= labelColumn || region.equals(previous))) {
                    previous = region;
                    continue;
                }
                previous = region;
                String t = text(r, column);
                if (t.isEmpty()) {
                    continue;
                }
                if (PERCENT_STATISTIC.matcher(t).matches()) {
                    statistic = Statistic.PERCENT;
                } else if (COUNT_STATISTIC.matcher(t).matches()) {
                    statistic = Statistic.COUNT;
                } else if (VALUE_STATISTIC.matcher(t).matches()) {
                    statistic = Statistic.VALUE;
                } else if (parts.isEmpty() || !parts.getLast().equals(t)) {
                    parts.add(t);
                }
            }
            return new Heading(String.join(": ", parts), statistic);
        }

        private String columnName(int column, Heading heading) {
            String letter = CellReference.convertNumToColString(column);
            return heading.text().isEmpty() ? "column " + letter : heading.text() + " (column " + letter + ")";
        }

        /** The text shown at a position; inside a merged region, the text of its first cell. */
        private String text(int r, int c) {
            CellRangeAddress region = regionAt(r, c);
            int row = region == null ? r : region.getFirstRow();
            int column = region == null ? c : region.getFirstColumn();
            Row x = sheet.getRow(row);
            Cell cell = x == null ? null : x.getCell(column);
            if (cell == null) {
                return "";
            }
            return formatter.formatCellValue(cell).replaceAll("\\s+", " ").strip();
        }

        private CellRangeAddress regionAt(int r, int c) {
            for (CellRangeAddress region : merged) {
                if (region.isInRange(r, c)) {
                    return region;
                }
            }
            return null;
        }

        private static boolean hasNumberAfter(Row row, int column) {
            for (Cell cell : row) {
                if (cell.getColumnIndex() > column && isNumber(cell)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isTotal(Cell cell) {
            return cell != null && cell.getCellType() == CellType.STRING && LabelFolding.fold(cell.getStringCellValue()).equals("total");
        }

        private static boolean isNumber(Cell cell) {
            return cell.getCellType() == CellType.NUMERIC
                    || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
        }
    }
}
