package org.knowledgehub.trends;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

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
        return startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0);
    }

    /** The layout of a CSV by its first rows: a row of hashtags, else the columns of the long layout. */
    static Optional<TableFormat> ofCsv(CsvText csv) {
        if (HxlReader.hashtagRow(csv.rows()).isPresent()) {
            return Optional.of(HXL);
        }
        if (LongCsvReader.header(csv.rows()).isPresent()) {
            return Optional.of(LONG);
        }
        return Optional.empty();
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
