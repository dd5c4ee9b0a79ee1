package org.knowledgehub.observations;

import java.util.List;
import java.util.Map;

/**
 * What a bulk import of observations found, row by row: the rows that are valid observations and
 * the rows that are not, each with every violation. Rows are numbered as the file shows them.
 *
 * @param format   the layout read: kobo-xlsx, kobo-csv or hxl
 * @param sheet    the workbook sheet read, or null for a CSV
 * @param dryRun   true when only checked
 * @param stored   true when the rows were stored (all of them, in one transaction)
 * @param rows     rows read (blank rows are not counted)
 * @param ok       rows that are valid observations
 * @param rejected rows that are not
 * @param columns  the column each field was read from (a heading, or an HXL hashtag)
 * @param defaults the values fields take where their cell is empty or they have no column
 * @param accepted the valid rows, with the stored observation's id and status once stored
 * @param rejections the rows that are not valid, each with its violations
 */
record ObservationImportReport(ImportFormat format, String sheet, boolean dryRun, boolean stored, int rows, int ok, int rejected,
                    Map<String, String> columns, Map<String, String> defaults, List<Accepted> accepted,
                    List<Rejection> rejections) {

    /**
     * @param id     the observation's id once stored, else null
     * @param status created, or unchanged when the same text was already stored (then id is the stored one's)
     */
    record Accepted(int row, String title, String id, String status) {
    }

    record Rejection(int row, List<Violation> violations) {
    }
}
