package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.knowledgehub.ontology.LabelFolding;

/**
 * A sheet of a vault workbook as its reader looks at it: the text shown at a position (a merged
 * cell shows over its whole region), the text a cell holds itself, and its numbers.
 */
final class VaultSheet {

    private final Sheet sheet;
    private final List<CellRangeAddress> merged;
    private final DataFormatter formatter = new DataFormatter();

    VaultSheet(Sheet sheet) {
        this.sheet = sheet;
        this.merged = sheet.getMergedRegions();
    }

    String name() {
        return sheet.getSheetName();
    }

    int lastRow() {
        return sheet.getLastRowNum();
    }

    /** The text shown at a position; inside a merged region, the text of its first cell. */
    String text(int r, int c) {
        CellRangeAddress region = regionAt(r, c);
        return region == null ? ownText(r, c) : ownText(region.getFirstRow(), region.getFirstColumn());
    }

    /** The text of the cell itself: empty for the cells a merged region covers beyond its first. */
    String ownText(int r, int c) {
        Cell cell = cell(r, c);
        return cell == null ? "" : formatter.formatCellValue(cell).replaceAll("\\s+", " ").strip();
    }

    /** The cells of a row right of a column that hold numbers. */
    List<Cell> numbers(int r, int afterColumn) {
        List<Cell> out = new ArrayList<>();
        Row row = sheet.getRow(r);
        if (row != null) {
            for (Cell cell : row) {
                if (cell.getColumnIndex() > afterColumn && isNumber(cell)) {
                    out.add(cell);
                }
            }
        }
        return out;
    }

    boolean isNumber(int r, int c) {
        Cell cell = cell(r, c);
        return cell != null && isNumber(cell);
    }

    /** Whether the cell itself holds text right of a column (a merged region counts at its first cell only). */
    boolean hasTextAfter(int r, int column) {
        Row row = sheet.getRow(r);
        if (row != null) {
            for (Cell cell : row) {
                if (cell.getColumnIndex() > column && cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isTotal(int r, int c) {
        Cell cell = cell(r, c);
        return cell != null && cell.getCellType() == CellType.STRING && LabelFolding.fold(cell.getStringCellValue()).equals("total");
    }

    CellRangeAddress regionAt(int r, int c) {
        for (CellRangeAddress region : merged) {
            if (region.isInRange(r, c)) {
                return region;
            }
        }
        return null;
    }

    private Cell cell(int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    private static boolean isNumber(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
    }
}
