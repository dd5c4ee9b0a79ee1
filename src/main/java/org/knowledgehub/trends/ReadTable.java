package org.knowledgehub.trends;

import java.util.List;

/**
 * What a reader found in one table of an upload: its values, and what it left out and why.
 *
 * @param name    the table: a workbook's sheet, or the file itself for a CSV
 * @param cells   the values found
 * @param skipped rows and columns left out, with the reason
 */
record ReadTable(String name, List<TableCell> cells, List<ImportReport.Skipped> skipped) {
}
