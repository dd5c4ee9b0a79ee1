package org.knowledgehub.search;

import java.util.List;
import java.util.Map;

import org.knowledgehub.tables.CsvColumn;

/** The columns of a page of search results as CSV: one row per passage, as the JSON lists them. */
final class SearchCsv {

    private SearchCsv() {
    }

    /** @param labels the response's labels of area and sector codes */
    static List<CsvColumn<SearchResponse.Result>> columns(Map<String, String> labels) {
        return List.of(
                CsvColumn.of("document", "#meta+id", r -> r.document().id()),
                CsvColumn.of("title", "#meta+title", r -> r.document().title()),
                CsvColumn.of("organisations", "#org+name", r -> r.document().organisations()),
                CsvColumn.of("date", "#date", r -> r.document().date()),
                CsvColumn.of("type", "#meta+type", r -> r.document().type()),
                CsvColumn.of("sensitivity", "#meta+sensitivity", r -> r.document().sensitivity()),
                CsvColumn.of("section", "#meta+section", r -> r.section().title()),
                CsvColumn.of("text", "#description", SearchResponse.Result::text),
                CsvColumn.of("score", "#meta+score", SearchResponse.Result::score),
                CsvColumn.of("areas", "#loc+code", r -> r.mentions().areas()),
                CsvColumn.of("area names", "#loc+name", r -> r.mentions().areas().stream().map(c -> labels.getOrDefault(c, c)).toList()),
                CsvColumn.of("sectors", "#sector+code", r -> r.mentions().sectors()),
                CsvColumn.of("passage", "#meta+url", SearchResponse.Result::passage),
                CsvColumn.of("source", "#meta+source", r -> r.document().uri()));
    }
}
