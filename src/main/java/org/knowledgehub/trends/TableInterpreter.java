package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Turns what a reader found into observations: indicators, areas and population groups resolved
 * to concepts, years checked, percentages brought to the 0-100 scale with the unit "%", one value
 * per indicator, area, year and population group, and the values of indicators that are sums of
 * others derived from their parts ({@link DerivedSums}). What cannot be resolved is reported, never
 * guessed.
 *
 * <p>Percentages: a workbook cell formatted as a percentage holds a share (0.55) and is multiplied
 * by 100; a number written with "%" is a percentage already; otherwise a value whose unit is a
 * percentage ("%", "percent", "% of households", or the unit of its ontology indicator) is read
 * as a share when every such value of that indicator in the table lies between 0 and 1.
 */
@Component
class TableInterpreter {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Set<String> PERCENT_UNITS = Set.of("percent", "percentage", "pct");

    private final AreaResolver areas;
    private final IndicatorVocabulary indicators;
    private final ConceptLabels labels;
    private final Uris uris;
    private final String populationScheme;
    private final String sectorScheme;

    TableInterpreter(AreaResolver areas, IndicatorVocabulary indicators, ConceptLabels labels, Uris uris, HubProperties hub) {
        this.areas = areas;
        this.indicators = indicators;
        this.labels = labels;
        this.uris = uris;
        this.populationScheme = Schemes.populations(hub.base());
        this.sectorScheme = Schemes.sectors(hub.base());
    }

    /**
     * A value ready to be written as a qb:Observation; concepts as IRIs, the value on its final scale.
     *
     * @param derivedFrom the values of the table this one was computed from (a sum of its parts), else empty
     */
    record NewObservation(int row, String column, String indicator, String area, int year, BigDecimal value, String unit,
                          String population, List<NewObservation> derivedFrom) {
    }

    /** An indicator the table names that the ontology lacks, with the headings or names it came from. */
    record NewIndicator(String code, String iri, String label, Set<String> headings) {
    }

    record Interpreted(ReadTable table, List<NewObservation> observations, List<ImportReport.Skipped> skipped,
                       Set<String> unresolvedAreas, Map<String, NewIndicator> created) {
    }

    /**
     * @param defaultYear       the year of values the table gives none for, or null
     * @param defaultPopulation population group IRI of values the table gives none for, or null
     */
    Interpreted interpret(ReadTable table, Integer defaultYear, String defaultPopulation) {
        Run run = new Run(table, defaultYear, defaultPopulation);
        table.cells().forEach(run::add);
        return run.finish();
    }

    /** The population group with this code or name. */
    Optional<Resource> population(String name) {
        return labels.byCodeOrName(populationScheme, name.strip());
    }

    /** The sector with this code or name ("food-security", "Food Security"). */
    Optional<Resource> sector(String name) {
        return labels.byCodeOrName(sectorScheme, name.strip());
    }

    private final class Run {

        private final ReadTable table;
        private final Integer defaultYear;
        private final String defaultPopulation;
        private final List<Pending> pending = new ArrayList<>();
        private final Map<String, Integer> firstRowOfKey = new HashMap<>();
        private final Set<String> skipReasons = new LinkedHashSet<>();
        private final List<ImportReport.Skipped> skipped;
        private final Set<String> unresolved = new LinkedHashSet<>();
        private final Map<String, NewIndicator> created = new LinkedHashMap<>();
        private final Map<String, String> indicatorOf = new HashMap<>();
        private final Map<String, AreaResolver.Outcome> areaOf = new HashMap<>();

        /** An observation before its percentage scale is settled. */
        private record Pending(NewObservation observation, boolean maybeShare) {
        }

        Run(ReadTable table, Integer defaultYear, String defaultPopulation) {
            this.table = table;
            this.defaultYear = defaultYear;
            this.defaultPopulation = defaultPopulation;
            this.skipped = new ArrayList<>(table.skipped());
        }

        void add(TableCell cell) {
            AreaResolver.Outcome area = areaOf.computeIfAbsent(cell.area() + "\u0000" + cell.level(),
                    k -> areas.resolve(cell.area(), cell.level()));
            if (area.area() == null) {
                if (!area.misplaced()) {
                    unresolved.add(cell.area());
                }
                skip(cell.row(), area.problem());
                return;
            }
            String yearText = cell.year() != null ? cell.year() : defaultYear != null ? defaultYear.toString() : null;
            if (yearText == null) {
                skip(cell.row(), "no year (the table gives none: send the year parameter)");
                return;
            }
            if (!YEAR.matcher(yearText).matches() || Integer.parseInt(yearText) < 1900 || Integer.parseInt(yearText) > 2100) {
                skip(cell.row(), "year '" + yearText + "' is not a year");
                return;
            }
            String population = defaultPopulation;
            if (cell.population() != null) {
                Optional<Resource> group = population(cell.population());
                if (group.isEmpty()) {
                    skip(cell.row(), "population group '" + cell.population() + "' is not known");
                    return;
                }
                population = group.get().getURI();
            }
            String indicator = indicatorOf.computeIfAbsent(cell.indicator(), this::indicator);
            int year = Integer.parseInt(yearText);
            String key = indicator + "|" + area.area().getURI() + "|" + year + "|" + population;
            Integer first = firstRowOfKey.putIfAbsent(key, cell.row());
            if (first != null) {
                skip(cell.row(), "a second value for the same indicator, area and year as row " + first);
                return;
            }
            BigDecimal value = cell.value();
            String unit;
            boolean maybeShare = false;
            switch (cell.scale()) {
                case FRACTION -> {
                    value = value.movePointRight(2);
                    unit = "%";
                }
                case PERCENT -> unit = "%";
                default -> {
                    unit = cell.unit() != null ? cell.unit()
                            : indicators.isOntologyIndicator(indicator) ? indicators.unit(indicator) : null;
                    if (isPercent(unit)) {
                        unit = "%";
                        maybeShare = true;
                    }
                }
            }
            pending.add(new Pending(new NewObservation(cell.row(), cell.column(), indicator, area.area().getURI(), year, value,
                    unit, population, List.of()), maybeShare));
        }

        private String indicator(String name) {
            Optional<String> known = indicators.match(name);
            if (known.isPresent()) {
                return known.get();
            }
            String label = IndicatorVocabulary.labelFor(name);
            String code = IndicatorVocabulary.codeFor(label);
            String iri = uris.indicator(code);
            created.computeIfAbsent(iri, k -> new NewIndicator(code, iri, label, new LinkedHashSet<>())).headings().add(name.strip());
            return iri;
        }

        private void skip(int row, String reason) {
            if (skipReasons.add(row + "\u0000" + reason)) {
                skipped.add(new ImportReport.Skipped(table.name(), row, null, reason));
            }
        }

        Interpreted finish() {
            Map<String, Boolean> allShares = new HashMap<>();
            for (Pending p : pending) {
                if (p.maybeShare()) {
                    BigDecimal v = p.observation().value();
                    boolean share = v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0;
                    allShares.merge(p.observation().indicator(), share, Boolean::logicalAnd);
                }
            }
            List<NewObservation> observations = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                NewObservation o = p.observation();
                if (p.maybeShare() && allShares.get(o.indicator())) {
                    o = new NewObservation(o.row(), o.column(), o.indicator(), o.area(), o.year(), o.value().movePointRight(2),
                            o.unit(), o.population(), List.of());
                }
                observations.add(o);
            }
            observations.addAll(DerivedSums.derive(observations, indicators.sums()));
            return new Interpreted(table, observations, skipped, unresolved, created);
        }
    }

    private static boolean isPercent(String unit) {
        return unit != null && (unit.strip().startsWith("%") || PERCENT_UNITS.contains(LabelFolding.fold(unit)));
    }
}
