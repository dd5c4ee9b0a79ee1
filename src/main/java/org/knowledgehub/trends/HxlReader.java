package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.Problems;
import org.knowledgehub.tables.CsvText;
import org.knowledgehub.tables.HxlColumns;
import org.knowledgehub.tables.HxlTag;

/**
 * Reads HXL-tagged CSV, its columns tagged as {@link HxlColumns} finds them. It uses #indicator
 * (+code, +name), the value in #value or #indicator+value / +num, the area in the most specific of
 * #adm2+code, #adm2, #adm1+code, #adm1 and #country, the year in #date+year or any #date, and the
 * unit in #meta+unit or #indicator+unit. Other columns are ignored.
 */
final class HxlReader {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final Set<String> LEBANON = Set.of("lbn", "lb", "lebanon", "liban");

    private HxlReader() {
    }

    static ReadTable read(String name, CsvText csv) {
        HxlColumns columns = HxlColumns.of(csv.rows()).orElseThrow(() -> Problems.invalid("file",
                "an HXL table needs a row of hashtags (#indicator, #adm1+code, #value...) under its header"));
        int tagRow = columns.row();
        List<HxlTag> tags = columns.tags();
        int value = columns.first(t -> t.is("value"), t -> t.is("indicator", "value"), t -> t.is("indicator", "num"));
        int indicator = columns.first(t -> t.is("indicator", "code"), t -> t.is("indicator", "name"),
                t -> t.is("indicator") && t.attributes().stream().noneMatch(Set.of("value", "num", "unit")::contains));
        int[] areas = {columns.first(t -> t.is("adm2", "code")), columns.first(t -> t.is("adm2")),
                columns.first(t -> t.is("adm1", "code")), columns.first(t -> t.is("adm1")), columns.first(t -> t.is("country"))};
        List<String> missing = new ArrayList<>();
        if (indicator < 0) {
            missing.add("#indicator");
        }
        if (value < 0) {
            missing.add("#value (or #indicator+value)");
        }
        if (Arrays.stream(areas).allMatch(a -> a < 0)) {
            missing.add("an area (#adm2, #adm1 or #country)");
        }
        if (!missing.isEmpty()) {
            throw Problems.invalid("file", "the HXL table has no " + String.join(", no ", missing) + " column");
        }
        int year = columns.first(t -> t.is("date", "year"), t -> t.is("date"));
        int unit = columns.first(t -> t.is("meta", "unit"), t -> t.is("indicator", "unit"), t -> t.is("unit"));
        List<TableCell> cells = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        for (CsvText.Row row : csv.rows().subList(tagRow + 1, csv.rows().size())) {
            if (row.isBlank()) {
                continue;
            }
            String ind = row.cell(indicator);
            String val = row.cell(value);
            int areaColumn = Arrays.stream(areas).filter(a -> a >= 0 && !row.cell(a).isEmpty()).findFirst().orElse(-1);
            String missingCell = ind.isEmpty() ? "indicator" : areaColumn < 0 ? "area" : val.isEmpty() ? "value" : null;
            if (missingCell != null) {
                skipped.add(new ImportReport.Skipped(name, row.number(), null, "no " + missingCell));
                continue;
            }
            Optional<Numbers.Parsed> number = Numbers.parse(val);
            if (number.isEmpty()) {
                skipped.add(new ImportReport.Skipped(name, row.number(), null, Numbers.notANumber(val)));
                continue;
            }
            String area = row.cell(areaColumn);
            Integer level = tags.get(areaColumn).name().equals("adm2") ? 2 : tags.get(areaColumn).name().equals("adm1") ? 1 : 0;
            if (level == 0 && LEBANON.contains(area.toLowerCase(Locale.ROOT))) {
                area = "LB";
            }
            cells.add(new TableCell(row.number(), null, ind, area, level, year < 0 ? null : year(row.cell(year)),
                    number.get().value(), number.get().percent() ? TableCell.Scale.PERCENT : TableCell.Scale.PLAIN,
                    unit < 0 || row.cell(unit).isEmpty() ? null : row.cell(unit), null));
        }
        return new ReadTable(name, cells, skipped);
    }

    /** The year in a date as written ("2020", "2020-06-15", "15 June 2020"), or the text itself. */
    private static String year(String date) {
        if (date.isEmpty()) {
            return null;
        }
        Matcher m = YEAR.matcher(date);
        return m.find() ? m.group() : date;
    }
}
