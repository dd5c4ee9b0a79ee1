package org.knowledgehub.trends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.knowledgehub.tables.SheetRows;

/**
 * Reads VASyR vault workbooks. A sheet holds one table, or several stacked one below the other.
 * A row labelled "Total" (Lebanon) opens the data of a table and the rows above it, back to the
 * previous table's data, are its title and column headings (several levels, merged cells spread
 * over the columns they cover, the statistic last: "Row N %", "Mean", "Count"). Rows below are
 * grouped in sections named either in a row of their own ("Governorate") or in the column left
 * of the labels (the 2022 layout, and a merged "Governorate" beside the area names); the
 * Governorate and District sections hold areas (see {@link VaultSections}), every other section
 * is a breakdown of the population and is reported as skipped.
 */
final class VaultReader {

    private static final int LABEL_SEARCH_COLUMNS = 10;

    /** The administrative levels (0 Lebanon, 1 governorate, 2 district) an area name can denote: none for a name of no area. */
    @FunctionalInterface
    interface AreaLevels {
        Set<Integer> of(String name);
    }

    private VaultReader() {
    }

    static List<ReadTable> read(byte[] bytes, AreaLevels areaLevels) {
        try (Workbook workbook = SheetRows.open(bytes)) {
            List<ReadTable> tables = new ArrayList<>();
            for (Sheet sheet : workbook) {
                tables.add(new SheetReader(new VaultSheet(sheet), areaLevels).read());
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where one table of a sheet lies: its headings from {@code headingRow}, its Total row, its
     * last row, and the column of the Total label.
     */
    private record Bounds(int headingRow, int totalRow, int lastRow, int totalColumn) {

        Bounds endingAt(int row) {
            return new Bounds(headingRow, totalRow, row, totalColumn);
        }
    }

    private static final class SheetReader {

        private final VaultSheet sheet;
        private final AreaLevels areaLevels;
        private final List<TableCell> cells = new ArrayList<>();
        private final List<ImportReport.Skipped> skipped = new ArrayList<>();

        SheetReader(VaultSheet sheet, AreaLevels areaLevels) {
            this.sheet = sheet;
            this.areaLevels = areaLevels;
        }

        ReadTable read() {
            List<Bounds> tables = tables();
            if (tables.isEmpty()) {
                skipped.add(new ImportReport.Skipped(sheet.name(), null, null, "no row labelled Total: not a table of the vault layout"));
            }
            for (Bounds table : tables) {
                read(table, tables.size() > 1);
            }
            return new ReadTable(sheet.name(), cells, skipped);
        }

        private void read(Bounds table, boolean stacked) {
            int labelColumn = labelColumn(table);
            String title = stacked ? title(table, labelColumn) : null;
            Map<Integer, VaultHeading> headings = new HashMap<>();
            VaultSections sections = new VaultSections(areaLevels);
            for (int r = table.totalRow(); r <= table.lastRow(); r++) {
                String label = sheet.text(r, labelColumn);
                if (labelColumn > 0) {
                    sections.enter(sheet.text(r, labelColumn - 1));
                }
                List<Cell> values = sheet.numbers(r, labelColumn);
                if (values.isEmpty()) {
                    sections.rowWithoutValues(label);
                    continue;
                }
                if (VaultSections.isLevelName(label)) {
                    sections.enter(label);
                    skip(r, "'" + label + "' heads a section, it is not an area: its values are left out");
                    continue;
                }
                Integer level = r == table.totalRow() ? Integer.valueOf(0) : sections.level(label);
                if (level == null) {
                    skip(r, sections.whyNotAnArea(label));
                    continue;
                }
                for (Cell cell : values) {
                    VaultHeading heading = headings.computeIfAbsent(cell.getColumnIndex(),
                            c -> VaultHeading.of(sheet, table.headingRow(), table.totalRow(), labelColumn, c, title));
                    if (usable(heading, cell.getColumnIndex())) {
                        cells.add(cell(r, cell, heading, level == 0 ? "LB" : label, level));
                    }
                }
            }
        }

        private static TableCell cell(int r, Cell cell, VaultHeading heading, String area, int level) {
            boolean percentFormat = cell.getCellStyle().getDataFormatString().contains("%");
            TableCell.Scale scale = percentFormat ? TableCell.Scale.FRACTION : TableCell.Scale.PLAIN;
            String unit = percentFormat || heading.statistic() == VaultHeading.Statistic.PERCENT ? "%" : null;
            return new TableCell(r + 1, heading.text(), heading.text(), area, level, null, Numbers.of(cell.getNumericCellValue()),
                    scale, unit, null);
        }

        /** Whether a column holds indicator values; the first time one does not, it is reported. */
        private boolean usable(VaultHeading heading, int column) {
            String unusable = heading.text().isEmpty() ? "the column has no heading"
                    : heading.statistic() == VaultHeading.Statistic.COUNT ? "the column holds counts of respondents, not indicator values"
                    : heading.isRowTotal() ? "the column is the total of its row" : null;
            if (unusable == null) {
                return true;
            }
            ImportReport.Skipped s = new ImportReport.Skipped(sheet.name(), null, columnName(column, heading), unusable);
            if (!skipped.contains(s)) {
                skipped.add(s);
            }
            return false;
        }

        private void skip(int r, String reason) {
            skipped.add(new ImportReport.Skipped(sheet.name(), r + 1, null, reason));
        }

        /**
         * The tables of the sheet, top to bottom. A Total row opens a table when headings (text
         * right of its label) lie between it and the previous table's data; otherwise it is a
         * subtotal inside that table.
         */
        private List<Bounds> tables() {
            List<Bounds> found = new ArrayList<>();
            int lastRowWithNumbers = -1;
            for (int r = 0; r <= sheet.lastRow(); r++) {
                int totalColumn = totalColumn(r);
                if (totalColumn >= 0 && (found.isEmpty() || headingsBetween(lastRowWithNumbers + 1, r, totalColumn))) {
                    if (!found.isEmpty()) {
                        found.set(found.size() - 1, found.getLast().endingAt(lastRowWithNumbers));
                    }
                    found.add(new Bounds(found.isEmpty() ? 0 : lastRowWithNumbers + 1, r, sheet.lastRow(), totalColumn));
                }
                if (!sheet.numbers(r, -1).isEmpty()) {
                    lastRowWithNumbers = r;
                }
            }
            return found;
        }

        /** The column of the row's Total label with numbers right of it, or -1 when the row has none. */
        private int totalColumn(int r) {
            for (int c = 0; c < LABEL_SEARCH_COLUMNS; c++) {
                if (sheet.isTotal(r, c)) {
                    // "Total" repeated across the label columns (2018 education tables): the last one is the label.
                    int last = c;
                    while (sheet.isTotal(r, last + 1)) {
                        last++;
                    }
                    // A heading "Total" (a column of row totals) has no numbers beside it.
                    if (!sheet.numbers(r, last).isEmpty()) {
                        return last;
                    }
                }
            }
            return -1;
        }

        private boolean headingsBetween(int fromRow, int toRow, int totalColumn) {
            for (int r = fromRow; r < toRow; r++) {
                if (sheet.hasTextAfter(r, totalColumn)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The column of the row labels: that of the Total label, or a column right of it that
         * holds names and no numbers (the area names beside a merged "Governorate").
         */
        private int labelColumn(Bounds table) {
            int c = table.totalColumn();
            while (c + 1 < LABEL_SEARCH_COLUMNS && holdsNames(table, c + 1)) {
                c++;
            }
            return c;
        }

        private boolean holdsNames(Bounds table, int column) {
            boolean names = false;
            for (int r = table.totalRow(); r <= table.lastRow(); r++) {
                if (sheet.isNumber(r, column)) {
                    return false;
                }
                names |= sheet.ownText(r, column).chars().anyMatch(Character::isLetter);
            }
            return names;
        }

        /** The title of a table: the last text at or left of its labels above the first row of headings. */
        private String title(Bounds table, int labelColumn) {
            String title = "";
            for (int r = table.headingRow(); r < table.totalRow() && !sheet.hasTextAfter(r, labelColumn); r++) {
                for (int c = 0; c <= labelColumn; c++) {
                    if (!sheet.text(r, c).isEmpty()) {
                        title = sheet.text(r, c);
                        break;
                    }
                }
            }
            return title;
        }

        private static String columnName(int column, VaultHeading heading) {
            String letter = CellReference.convertNumToColString(column);
            return heading.text().isEmpty() ? "column " + letter : heading.text() + " (column " + letter + ")";
        }
    }
}
