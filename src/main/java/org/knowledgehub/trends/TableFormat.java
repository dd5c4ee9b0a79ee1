package org.knowledgehub.trends;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import org.knowledgehub.tables.CsvText;
import org.knowledgehub.tables.HxlColumns;
import org.knowledgehub.tables.SheetRows;

/** The layouts of indicator tables the import reads. */
enum TableFormat {
    /** A VASyR vault workbook (XLSX or XLS): areas down the rows, indicators across the columns. */
    VAULT,
    /** A CSV with one value per row: indicator, area, year, value, unit. */
    LONG,
    /** A CSV whose header is followed by a row of HXL hashtags (#indicator, #adm1+code, #value...). */
    HXL;

    @JsonValue
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TableFormat> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /** A workbook by its signature: ZIP (XLSX) or OLE2 (XLS). */
    static boolean isWorkbook(byte[] bytes) {
        return SheetRows.isWorkbook(bytes);
    }

    /** The layout of a CSV by its first rows: a row of hashtags, else the columns of the long layout. */
    static Optional<TableFormat> ofCsv(CsvText csv) {
        if (HxlColumns.of(csv.rows()).isPresent()) {
            return Optional.of(HXL);
        }
        if (LongCsvReader.header(csv.rows()).isPresent()) {
            return Optional.of(LONG);
        }
        return Optional.empty();
    }
}
