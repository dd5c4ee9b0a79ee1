package org.knowledgehub.questions;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Answers from the Data Cube: the values of the indicators a question names, with the table each came from. */
@Component
class DataAnswers {

    private final ObjectProvider<IndicatorValues> indicatorValues;
    private final ConceptLabels labels;
    private final Uris uris;

    DataAnswers(ObjectProvider<IndicatorValues> indicatorValues, ConceptLabels labels, Uris uris) {
        this.indicatorValues = indicatorValues;
        this.labels = labels;
        this.uris = uris;
    }

    /**
     * The values of the indicators an amount, trend or comparison question names, from the tables
     * the caller may see: one answer per area and population group, the asked years (a trend: all
     * of them; no year named: the latest), each with the table it was imported from.
     */
    List<Answer> answers(Understanding u, VisibleGraphs visible) {
        IndicatorValues values = indicatorValues.getIfAvailable();
        boolean asksForValues = switch (u.kind()) {
            case FACT, TREND, COMPARISON, WHERE -> true;
            default -> false;
        };
        if (values == null || !asksForValues || u.values("indicator").isEmpty()) {
            return List.of();
        }
        List<Integer> years = u.kind() == Understanding.Kind.TREND ? List.of()
                : u.values("year").stream().map(Integer::valueOf).toList();
        String population = u.values("population").size() == 1
                ? labels.byCode(Schemes.populations(uris.base()), u.values("population").getFirst()).map(r -> r.getURI()).orElse(null)
                : null;
        List<Answer> out = new ArrayList<>();
        for (String code : u.values("indicator")) {
            labels.byCode(Schemes.indicators(uris.base()), code).ifPresent(indicator -> {
                Map<List<String>, List<IndicatorValues.Value>> series = new LinkedHashMap<>();
                for (IndicatorValues.Value v : values.find(indicator.getURI(), u.values("area"), years, population, visible)) {
                    List<IndicatorValues.Value> s = series.computeIfAbsent(Arrays.asList(v.areaCode(), v.population()), k -> new ArrayList<>());
                    if (s.stream().noneMatch(o -> o.year() == v.year())) {
                        s.add(v); // the latest import of a year, as the trends show it
                    }
                }
                series.values().forEach(s -> out.add(dataAnswer(u, code, years.isEmpty() && u.kind() != Understanding.Kind.TREND
                        ? List.of(s.getLast()) : s)));
            });
        }
        return out;
    }

    private Answer dataAnswer(Understanding u, String indicatorCode, List<IndicatorValues.Value> series) {
        IndicatorValues.Value last = series.getLast();
        String statement = last.indicatorLabel() + (last.population() != null ? ", " + last.population() : "") + ", "
                + last.areaLabel() + ": " + String.join("; ", series.stream().map(v -> v.year() + " " + amount(v)).toList())
                + " (table \u201c" + last.datasetTitle() + "\u201d)";
        List<Integer> years = series.stream().map(IndicatorValues.Value::year).toList();
        List<Answer.Check> verdicts = u.constraints().stream().map(c -> new Answer.Check(c.type(), c.value(), c.label(),
                switch (c.type()) {
                    case "year" -> u.values("year").stream().map(Integer::valueOf).anyMatch(years::contains)
                            ? ConstraintCheck.MET : ConstraintCheck.CONTRADICTED;
                    case "indicator" -> c.value().equals(indicatorCode) ? ConstraintCheck.MET : ConstraintCheck.NOT_STATED;
                    case "area" -> c.value().equals(last.areaCode()) ? ConstraintCheck.MET : ConstraintCheck.CONTRADICTED;
                    case "population" -> last.population() != null ? ConstraintCheck.MET : ConstraintCheck.NOT_STATED;
                    case "document", "document-type", "meeting" -> ConstraintCheck.CONTRADICTED;
                    default -> ConstraintCheck.NOT_STATED;
                })).toList();
        String date = last.imported() == null ? null : last.imported().substring(0, Math.min(10, last.imported().length()));
        SearchResponse.DocumentRef table = new SearchResponse.DocumentRef(last.dataset().substring(last.dataset().lastIndexOf('/') + 1),
                last.dataset(), last.datasetTitle(), "indicator-table", date, List.of(), null, "/api/indicators", null);
        return new Answer(last.observation(), "data-cube", 1.0, new Answer.Quote(statement, -1, -1), statement,
                new Answer.Why(List.of(), List.of(), null, Map.of(), verdicts),
                new Answer.Provenance(new Answer.PassageRef(last.observation(), -1, -1), null, table, last.graph(), null),
                new SearchResponse.Mentions(List.of(last.areaCode()), List.of(), List.of(), List.of(indicatorCode), years, false),
                null, null, List.of(), List.of());
    }

    /** A value as a table's reader gives it: a share to one decimal ("66.4%"), other amounts to two at most. */
    private static String amount(IndicatorValues.Value v) {
        boolean share = v.unit() != null && (v.unit().equals("%") || v.unit().equalsIgnoreCase("percent"));
        String number = v.value().setScale(share ? 1 : 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return share ? number + "%" : v.unit() == null ? number : number + " " + v.unit();
    }
}
