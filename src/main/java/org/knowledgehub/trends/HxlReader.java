package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.Problems;

/**
 * Reads HXL-tagged CSV: the first row made only of hashtags (within the first rows; the rows
 * above it are human headings) tags the columns below. It uses #indicator (+code, +name), the
 * value in #value or #indicator+value / +num, the area in the most specific of #adm2+code, #adm2,
 * #adm1+code, #adm1 and #country, the year in #date+year or any #date, and the unit in #meta+unit
 * or #indicator+unit. HXL 1.0 forms such as #adm1_id count as +code. Other columns are ignored.
 */
final class HxlReader {

    private static final int SEARCH_ROWS = 25;
    private static final Pattern HASHTAG = Pattern.compile("#[A-Za-z][A-Za-z0-9_]*(\\s*\\+\\s*[A-Za-z][A-Za-z0-9_]*)*");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final Set<String> LEBANON = Set.of("lbn", "lb", "lebanon", "liban");

    private HxlReader() {
    }

    /** A column's hashtag: #adm1+code is tag adm1 with attribute code. */
    private record Tag(String name, Set<String> attributes) {

        static Tag parse(String text) {
            String[] parts = text.strip().substring(1).toLowerCase(Locale.ROOT).split("\\s*\\+\\s*");
            String name = parts[0];
            Set<String> attributes = new HashSet<>(List.of(parts).subList(1, parts.length));
            if (name.endsWith("_id")) {
                name = name.substring(0, name.length() - 3);
                attributes.add("code");
            }
            return new Tag(name, Set.copyOf(attributes));
        }

        boolean is(String tag, String... attributes) {
            return name.equals(tag) && this.attributes.containsAll(List.of(attributes));
        }
    }

    /** The index in {@code rows} of the hashtag row, if the table has one. */
    static Optional<Integer> hashtagRow(List<CsvText.Row> rows) {
        for (int i = 0; i < Math.min(rows.size(), SEARCH_ROWS); i++) {
            List<String> cells = rows.get(i).cells().stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
            if (cells.size() >= 2 && cells.stream().allMatch(c -> HASHTAG.matcher(c).matches())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static ReadTable read(String name, CsvText csv) {
        int tagRow = hashtagRow(csv.rows()).orElseThrow(() -> Problems.invalid("file",
                "an HXL table needs a row of hashtags (#indicator, #adm1+code, #value...) under its header"));
        List<Tag> tags = new ArrayList<>();
        for (String cell : csv.rows().get(tagRow).cells()) {
            tags.add(HASHTAG.matcher(cell.strip()).matches() ? Tag.parse(cell) : new Tag("", Set.of()));
        }
        int value = first(tags, t -> t.is("value"), t -> t.is("indicator", "value"), t -> t.is("indicator", "num"));
        int indicator = first(tags, t -> t.is("indicator", "code"), t -> t.is("indicator", "name"),
                t -> t.is("indicator") && t.attributes().stream().noneMatch(Set.of("value", "num", "unit")::contains));
        int[] areas = {first(tags, t -> t.is("adm2", "code")), first(tags, t -> t.is("adm2")),
                first(tags, t -> t.is("adm1", "code")), first(tags, t -> t.is("adm1")), first(tags, t -> t.is("country"))};
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
        int year = first(tags, t -> t.is("date", "year"), t -> t.is("date"));
        int unit = first(tags, t -> t.is("meta", "unit"), t -> t.is("indicator", "unit"), t -> t.is("unit"));
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
                skipped.add(new ImportReport.Skipped(name, row.number(), null, "value '" + val + "' is not a number"));
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

    @SafeVarargs
    private static int first(List<Tag> tags, Predicate<Tag>... preferences) {
        for (Predicate<Tag> preference : preferences) {
            for (int i = 0; i < tags.size(); i++) {
                if (preference.test(tags.get(i))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
