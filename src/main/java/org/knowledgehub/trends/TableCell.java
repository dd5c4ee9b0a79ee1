package org.knowledgehub.trends;

import java.math.BigDecimal;

/**
 * One value of an indicator table as a reader found it, before names are resolved.
 *
 * @param row        row of the value, counted from 1 at the top of the sheet or file
 * @param column     heading of the value's column (vault), else null
 * @param indicator  the indicator as the table names it: a code, a label or a column heading
 * @param area       the area as the table names it: a P-code or a name
 * @param level      administrative level the table's layout implies for the area (0 Lebanon,
 *                   1 governorate, 2 district), or null when any level may be meant
 * @param year       the year as written, or null when the table gives none
 * @param value      the number as written, without a percent sign or thousands separators
 * @param scale      how the number relates to a percentage
 * @param unit       the unit as written, or null
 * @param population the population group as written, or null
 */
record TableCell(int row, String column, String indicator, String area, Integer level, String year, BigDecimal value,
                 Scale scale, String unit, String population) {

    enum Scale {
        /** A share between 0 and 1 (a cell formatted as a percentage in a workbook). */
        FRACTION,
        /** A percentage on the 0-100 scale (written with a percent sign). */
        PERCENT,
        /** A number whose unit says what it is. */
        PLAIN
    }
}
