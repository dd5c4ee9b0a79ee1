package org.knowledgehub.observations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The layouts a bulk import of observations reads. */
enum ImportFormat {
    /** A KoboToolbox export as a workbook: the main sheet (the first, or the one named), one submission a row. */
    KOBO_XLSX,
    /** A KoboToolbox export as CSV (comma or semicolon separated), one submission a row. */
    KOBO_CSV,
    /** A CSV (or a workbook sheet) whose header is followed by a row of HXL hashtags. */
    HXL;

    @JsonValue
    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<ImportFormat> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ImportFormat::code).toList());
    }
}
