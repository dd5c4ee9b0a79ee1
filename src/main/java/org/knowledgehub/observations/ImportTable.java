package org.knowledgehub.observations;

import java.util.List;
import java.util.Optional;

import org.knowledgehub.Problems;
import org.knowledgehub.tables.CsvText;
import org.knowledgehub.tables.HxlColumns;
import org.knowledgehub.tables.HxlTag;
import org.knowledgehub.tables.SheetRows;

/**
 * An observation import file as read, before its cells mean anything: its layout, the heading of
 * each column (and, in HXL, its hashtag), and the rows below them.
 *
 * @param sheet    the workbook sheet read, or null for a CSV
 * @param headings each column's heading as written ("" where none)
 * @param tags     each column's HXL hashtag ({@link HxlTag#NONE} where none); empty when the file has no hashtag row
 * @param rows     the rows below the headings (and hashtags) that are not blank
 */
record ImportTable(ImportFormat format, String sheet, List<String> headings, List<HxlTag> tags, List<CsvText.Row> rows) {

    ImportTable {
        headings = List.copyOf(headings);
        tags = List.copyOf(tags);
        rows = List.copyOf(rows);
    }

    /**
     * Reads an upload in the format named, or the one its content shows: a workbook is kobo-xlsx,
     * a CSV kobo-csv, either with a row of hashtags hxl.
     *
     * @param format kobo-xlsx, kobo-csv or hxl; null or blank to recognise it
     * @param sheet  the workbook sheet to read, null for the first (a Kobo export's main sheet)
     * @throws org.springframework.web.ErrorResponseException 413 over {@code maxBytes} or {@code maxRows},
     *                                                        400 for a file or format that cannot be read as asked, 422 for no rows
     */
    static ImportTable read(byte[] bytes, String format, String sheet, long maxBytes, int maxRows) {
        if (bytes.length > maxBytes) {
            throw Problems.payloadTooLarge("file", "the file is larger than " + maxBytes / (1024 * 1024)
                    + " MB; split it into several imports");
        }
        boolean workbook = SheetRows.isWorkbook(bytes);
        ImportFormat requested = format == null || format.isBlank() ? null : ImportFormat.fromCode(format)
                .orElseThrow(() -> Problems.invalid("format", "format must be one of " + ImportFormat.codes()));
        if (requested == ImportFormat.KOBO_XLSX && !workbook) {
            throw Problems.invalid("format", "the file is not a workbook (XLSX): send format kobo-csv or hxl, or the workbook");
        }
        if (requested == ImportFormat.KOBO_CSV && workbook) {
            throw Problems.invalid("format", "the file is a workbook: its format is kobo-xlsx (or hxl for a sheet with hashtags)");
        }
        if (!workbook && sheet != null && !sheet.isBlank()) {
            throw Problems.invalid("sheet", "sheet names the sheet of a workbook; the file is not one");
        }
        String sheetName = null;
        List<CsvText.Row> all;
        if (workbook) {
            SheetRows read = SheetRows.read(bytes, sheet);
            sheetName = read.sheet();
            all = read.rows();
        } else {
            all = CsvText.of(bytes).rows();
        }
        Optional<HxlColumns> hxl = HxlColumns.of(all);
        ImportFormat f = requested != null ? requested
                : hxl.isPresent() ? ImportFormat.HXL : workbook ? ImportFormat.KOBO_XLSX : ImportFormat.KOBO_CSV;
        int headingRow;
        int firstData;
        List<HxlTag> tags = List.of();
        if (f == ImportFormat.HXL) {
            HxlColumns columns = hxl.orElseThrow(() -> Problems.invalid("format", "an HXL file has a row of hashtags "
                    + "(#description, #adm2+code, #sector...) under its headings; this one has none"));
            tags = columns.tags();
            headingRow = columns.row() - 1;
            while (headingRow >= 0 && all.get(headingRow).isBlank()) {
                headingRow--;
            }
            firstData = columns.row() + 1;
        } else {
            headingRow = 0;
            while (headingRow < all.size() && all.get(headingRow).isBlank()) {
                headingRow++;
            }
            firstData = headingRow + 1;
        }
        List<String> headings = headingRow >= 0 && headingRow < all.size() ? all.get(headingRow).cells() : List.of();
        List<CsvText.Row> rows = all.subList(Math.min(firstData, all.size()), all.size()).stream()
                .filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            throw Problems.unprocessable("file", "the file has no rows below its headings");
        }
        if (rows.size() > maxRows) {
            throw Problems.payloadTooLarge("file", "the file has " + rows.size() + " rows; an import takes at most "
                    + maxRows + ": split it into several imports");
        }
        return new ImportTable(f, sheetName, headings, tags, rows);
    }

    /** A column as the report names it: its hashtag in HXL, else its heading. */
    String describe(int column) {
        if (column < tags.size() && !tags.get(column).name().isEmpty()) {
            return tags.get(column).toString();
        }
        String heading = column < headings.size() ? headings.get(column).strip() : "";
        return heading.isEmpty() ? "column " + (column + 1) : heading;
    }

    /** How many columns the headings (or hashtags) name. */
    int width() {
        return Math.max(headings.size(), tags.size());
    }
}
