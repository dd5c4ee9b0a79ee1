package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.knowledgehub.Problems;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.tables.CsvText;

/**
 * Reads the long layout: a header row naming the columns indicator, area, year, value and
 * optionally unit and population (in any order and case), then one value per row. The indicator
 * is a code or a name, the area a P-code or a name ("Total" and "Lebanon" are the country).
 */
final class LongCsvReader {

    static final List<String> REQUIRED = List.of("indicator", "area", "year", "value");
    private static final Set<String> NATIONAL = Set.of("total", "national");

    private LongCsvReader() {
    }

    /** The column index of each known column name, if the first non-blank row has the required ones. */
    static Optional<Map<String, Integer>> header(List<CsvText.Row> rows) {
        Optional<CsvText.Row> first = rows.stream().filter(r -> !r.isBlank()).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> cells = first.get().cells();
        for (int i = 0; i < cells.size(); i++) {
            String name = LabelFolding.fold(cells.get(i));
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, i);
            }
        }
        return columns.keySet().containsAll(REQUIRED) ? Optional.of(columns) : Optional.empty();
    }

    static ReadTable read(String name, CsvText csv) {
        Map<String, Integer> columns = header(csv.rows()).orElseThrow(() -> Problems.invalid("file",
                "a long table needs a header row with the columns " + String.join(", ", REQUIRED) + " (unit and population optional)"));
        int headerRow = csv.rows().stream().filter(r -> !r.isBlank()).findFirst().orElseThrow().number();
        List<TableCell> cells = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        for (CsvText.Row row : csv.rows()) {
            if (row.number() <= headerRow || row.isBlank()) {
                continue;
            }
            String indicator = row.cell(columns.get("indicator"));
            String area = row.cell(columns.get("area"));
            String value = row.cell(columns.get("value"));
            String missing = indicator.isEmpty() ? "indicator" : area.isEmpty() ? "area" : value.isEmpty() ? "value" : null;
            if (missing != null) {
                skipped.add(new ImportReport.Skipped(name, row.number(), null, "no " + missing));
                continue;
            }
            Optional<Numbers.Parsed> number = Numbers.parse(value);
            if (number.isEmpty()) {
                skipped.add(new ImportReport.Skipped(name, row.number(), null, Numbers.notANumber(value)));
                continue;
            }
            boolean national = NATIONAL.contains(LabelFolding.fold(area));
            cells.add(new TableCell(row.number(), null, indicator, national ? "LB" : area, national ? 0 : null,
                    optional(row, columns.get("year")), number.get().value(),
                    number.get().percent() ? TableCell.Scale.PERCENT : TableCell.Scale.PLAIN,
                    optional(row, columns.get("unit")), optional(row, columns.get("population"))));
        }
        return new ReadTable(name, cells, skipped);
    }

    private static String optional(CsvText.Row row, Integer column) {
        if (column == null) {
            return null;
        }
        String v = row.cell(column);
        return v.isEmpty() ? null : v;
    }
}
