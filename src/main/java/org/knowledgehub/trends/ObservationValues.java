package org.knowledgehub.trends;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.questions.IndicatorValues;
import org.knowledgehub.security.VisibleGraphs;
import org.springframework.stereotype.Component;

/** The observations of imported indicator tables as values that answer questions. */
@Component
class ObservationValues implements IndicatorValues {

    private final ObservationIndex index;
    private final AreaResolver areas;
    private final ConceptLabels labels;

    ObservationValues(ObservationIndex index, AreaResolver areas, ConceptLabels labels) {
        this.index = index;
        this.areas = areas;
        this.labels = labels;
    }

    @Override
    public List<Value> find(String indicator, List<String> areaCodes, List<Integer> years, String population, VisibleGraphs visible) {
        List<String> wanted = (areaCodes.isEmpty() ? List.of("LB") : areaCodes).stream()
                .map(code -> areas.byCode(code).map(r -> r.getURI()).orElse(null)).filter(Objects::nonNull).toList();
        return index.visibleTo(visible).stream()
                .filter(o -> o.indicator().equals(indicator) && wanted.contains(o.area()))
                .filter(o -> years.isEmpty() || years.contains(o.year()))
                .filter(o -> population == null || population.equals(o.population()))
                .sorted(Comparator.comparing(Observation::area).thenComparing(o -> Objects.requireNonNullElse(o.population(), ""))
                        .thenComparingInt(Observation::year).thenComparing(Observation::imported, Comparator.reverseOrder()))
                .map(o -> new Value(o.iri(), o.indicatorLabel() != null ? o.indicatorLabel() : labels.label(labels.resource(indicator)),
                        labels.code(o.area()), labels.label(labels.resource(o.area())), o.year(), o.value(), o.unit(),
                        o.population() == null ? null : labels.label(labels.resource(o.population())), o.dataset(),
                        o.datasetTitle(), o.graph().getURI(), o.imported().toString()))
                .toList();
    }
}
