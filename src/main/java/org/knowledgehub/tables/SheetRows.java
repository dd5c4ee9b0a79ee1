package org.knowledgehub.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.knowledgehub.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sheet of an uploaded workbook (XLSX or XLS) as rows of text, the shape {@link CsvText}
 * gives a CSV: a date cell becomes its ISO date (or date and time), a number its plain decimal
 * form, a formula its cached value.
 *
 * @param sheet  the sheet read
 * @param sheets every sheet of the workbook, in order
 * @param rows   the sheet's rows; {@code number} is the row number the spreadsheet shows
 */
public record SheetRows(String sheet, List<String> sheets, List<CsvText.Row> rows) {

    private static final Logger log = LoggerFactory.getLogger(SheetRows.class);

    public SheetRows {
        sheets = List.copyOf(sheets);
        rows = List.copyOf(rows);
    }

    /** A workbook by its signature: ZIP (XLSX) or OLE2 (XLS). */
    public static boolean isWorkbook(byte[] bytes) {
        return startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0);
    }

    /**
     * @param sheet the sheet's name (any case), or null for the first sheet
     * @throws org.springframework.web.ErrorResponseException 400 when the workbook cannot be read
     *                                                        (field "file") or has no such sheet (field "sheet")
     */
    public static SheetRows read(byte[] bytes, String sheet) {
        try (Workbook workbook = open(bytes)) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            if (names.isEmpty()) {
                throw Problems.invalid("file", "the workbook has no sheet");
            }
            String name = sheet == null || sheet.isBlank() ? names.getFirst() : names.stream()
                    .filter(n -> n.equalsIgnoreCase(sheet.strip())).findFirst()
                    .orElseThrow(() -> Problems.invalid("sheet", "the workbook has no sheet '" + sheet.strip()
                            + "'; its sheets are " + String.join(", ", names)));
            Sheet s = workbook.getSheet(name);
            List<CsvText.Row> rows = new ArrayList<>();
            for (Row row : s) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                rows.add(new CsvText.Row(row.getRowNum() + 1, cells));
            }
            return new SheetRows(name, names, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook, for readers that need more of it than its cells' text; the caller closes it.
     *
     * @throws org.springframework.web.ErrorResponseException 400 (field "file") when it cannot be read
     */
    public static Workbook open(byte[] bytes) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            // POI reports damaged, encrypted and foreign files with many exception types; none is for the caller.
            log.debug("Workbook not readable", e);
            throw Problems.invalid("file", "the workbook cannot be read: it is damaged, encrypted or not an Excel workbook");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue())
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    /** A day as yyyy-mm-dd, a moment as yyyy-mm-ddThh:mm:ss. */
    private static String date(LocalDateTime t) {
        return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.withNano(0).toString();
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
