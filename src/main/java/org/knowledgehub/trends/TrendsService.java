package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.Problems;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.security.VisibleGraphs;
import org.springframework.stereotype.Component;

/** Indicator series and comparisons over the observations a caller may see. */
@Component
class TrendsService {

    private static final Comparator<Observation> LATEST_FIRST =
            Comparator.comparing(Observation::imported).reversed().thenComparing(Observation::dataset);

    private final ObservationIndex index;
    private final IndicatorVocabulary vocabulary;
    private final AreaResolver areas;
    private final ConceptLabels labels;
    private final TableInterpreter interpreter;

    TrendsService(ObservationIndex index, IndicatorVocabulary vocabulary, AreaResolver areas, ConceptLabels labels,
                  TableInterpreter interpreter) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.areas = areas;
        this.labels = labels;
        this.interpreter = interpreter;
    }

    /** The codes of the sectors of an indicator an import created: those of the tables it came from. */
    List<String> createdSectors(String indicator, VisibleGraphs visible) {
        return createdSectors(index.visibleTo(visible).stream().filter(o -> o.indicator().equals(indicator)).toList());
    }

    private List<String> createdSectors(List<Observation> observations) {
        return observations.stream().flatMap(o -> o.indicatorSectors().stream()).distinct().map(labels::code).sorted().toList();
    }

    List<TrendViews.IndicatorSummary> indicators(VisibleGraphs visible) {
        Map<String, List<Observation>> byIndicator = index.visibleTo(visible).stream()
                .collect(Collectors.groupingBy(Observation::indicator, LinkedHashMap::new, Collectors.toList()));
        List<TrendViews.IndicatorSummary> out = new ArrayList<>();
        byIndicator.forEach((iri, obs) -> {
            TrendViews.IndicatorRef ref = indicator(iri, obs);
            out.add(new TrendViews.IndicatorSummary(ref.code(), ref.iri(), ref.label(), ref.unit(), ref.created(),
                    ref.created() ? createdSectors(obs) : vocabulary.sectors(iri), obs.size(),
                    List.copyOf(obs.stream().map(Observation::year).collect(Collectors.toCollection(TreeSet::new))),
                    obs.stream().map(Observation::area).distinct().map(this::areaRef)
                            .sorted(Comparator.comparingInt(TrendViews.AreaRef::level).thenComparing(TrendViews.AreaRef::code)).toList(),
                    obs.stream().map(Observation::population).filter(Objects::nonNull).distinct().sorted().map(this::populationRef).toList(),
                    obs.stream().map(Observation::source).filter(Objects::nonNull).distinct().sorted().toList()));
        });
        out.sort(Comparator.comparing(TrendViews.IndicatorSummary::label, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /**
     * The series of an indicator for an area, its parent (for a district), Lebanon, and its
     * children (a governorate's districts, Lebanon's governorates), one per population group.
     */
    TrendViews.Trend trend(String indicatorParam, String areaParam, String populationParam, VisibleGraphs visible) {
        List<Observation> all = index.visibleTo(visible);
        String indicator = indicatorIri(indicatorParam, all);
        Resource area = areaParam == null || areaParam.isBlank() ? areas.byCode("LB").orElseThrow() : resolveArea(areaParam);
        String population = populationIri(populationParam);
        List<Observation> relevant = all.stream().filter(o -> o.indicator().equals(indicator))
                .filter(o -> population == null || population.equals(o.population())).toList();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(area.getURI(), "area");
        if (areas.level(area) == 2) {
            labels.broader(area.getURI()).forEach(parent -> roles.putIfAbsent(parent, "parent"));
        }
        roles.putIfAbsent(areas.byCode("LB").orElseThrow().getURI(), "national");
        labels.narrower(area.getURI()).stream().sorted(Comparator.comparing(labels::code))
                .forEach(child -> roles.putIfAbsent(child, "child"));
        List<TrendViews.Series> series = new ArrayList<>();
        roles.forEach((iri, role) -> {
            Map<String, List<Observation>> byPopulation = relevant.stream().filter(o -> o.area().equals(iri))
                    .collect(Collectors.groupingBy(o -> Objects.requireNonNullElse(o.population(), ""), TreeMap::new,
                            Collectors.toList()));
            byPopulation.forEach((pop, obs) -> series.add(new TrendViews.Series(role, areaRef(iri),
                    pop.isEmpty() ? null : populationRef(pop), points(obs))));
        });
        return new TrendViews.Trend(indicator(indicator, relevant), areaRef(area.getURI()),
                population == null ? null : populationRef(population), series);
    }

    /** Areas of a level ranked by their value in a year (by default the latest), with the change since their previous round. */
    TrendViews.Comparison compare(String indicatorParam, String yearParam, String levelParam, String populationParam,
                                  VisibleGraphs visible) {
        List<Observation> all = index.visibleTo(visible);
        String indicator = indicatorIri(indicatorParam, all);
        int level = level(levelParam);
        String population = populationIri(populationParam);
        List<Observation> relevant = all.stream().filter(o -> o.indicator().equals(indicator))
                .filter(o -> population == null || population.equals(o.population())).toList();
        Set<String> populations = relevant.stream().map(o -> Objects.requireNonNullElse(o.population(), ""))
                .collect(Collectors.toCollection(TreeSet::new));
        if (population == null && populations.size() > 1) {
            throw Problems.invalid("population", "the indicator has values for several population groups ("
                    + String.join(", ", populations.stream().map(p -> p.isEmpty() ? "none named" : labels.code(p)).toList())
                    + "): choose one with population");
        }
        List<Integer> years = List.copyOf(relevant.stream().map(Observation::year).collect(Collectors.toCollection(TreeSet::new)));
        Integer year = yearParam == null || yearParam.isBlank() ? (years.isEmpty() ? null : years.getLast()) : year(yearParam);
        Map<String, List<Observation>> byArea = relevant.stream()
                .collect(Collectors.groupingBy(Observation::area, TreeMap::new, Collectors.toList()));
        List<TrendViews.Ranked> ranked = new ArrayList<>();
        TrendViews.Ranked national = null;
        if (year != null) {
            for (Map.Entry<String, List<Observation>> e : byArea.entrySet()) {
                TrendViews.AreaRef area = areaRef(e.getKey());
                Optional<TrendViews.Ranked> r = ranked(area, e.getValue(), year);
                if (area.level() == 0) {
                    national = r.orElse(null);
                } else if (area.level() == level) {
                    r.ifPresent(ranked::add);
                }
            }
        }
        ranked.sort(Comparator.comparing(TrendViews.Ranked::value).reversed().thenComparing(r -> r.area().code()));
        List<TrendViews.Ranked> numbered = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            TrendViews.Ranked r = ranked.get(i);
            numbered.add(new TrendViews.Ranked(i + 1, r.area(), r.value(), r.unit(), r.previousYear(), r.previousValue(),
                    r.change(), r.source(), r.dataset(), r.observation()));
        }
        return new TrendViews.Comparison(indicator(indicator, relevant), year, level == 1 ? "governorate" : "district",
                population == null ? null : populationRef(population), national, numbered, years);
    }

    private Optional<TrendViews.Ranked> ranked(TrendViews.AreaRef area, List<Observation> obs, int year) {
        List<TrendViews.Point> points = points(obs);
        for (TrendViews.Point p : points) {
            if (p.year() == year) {
                TrendViews.Point previous = points.stream().filter(q -> q.year() == (p.previousYear() == null ? -1 : p.previousYear()))
                        .findFirst().orElse(null);
                return Optional.of(new TrendViews.Ranked(null, area, p.value(), p.unit(), p.previousYear(),
                        previous == null ? null : previous.value(), p.change(), p.source(), p.dataset(), p.observation()));
            }
        }
        return Optional.empty();
    }

    /** Every indicator (and population group) with values for an area: its latest point, with the change since the round before. */
    List<TrendViews.Latest> latestIn(String areaIri, VisibleGraphs visible) {
        Map<List<String>, List<Observation>> groups = index.visibleTo(visible).stream().filter(o -> o.area().equals(areaIri))
                .collect(Collectors.groupingBy(o -> List.of(o.indicator(), Objects.requireNonNullElse(o.population(), "")),
                        LinkedHashMap::new, Collectors.toList()));
        List<TrendViews.Latest> out = new ArrayList<>();
        groups.forEach((key, obs) -> out.add(new TrendViews.Latest(indicator(key.get(0), obs),
                key.get(1).isEmpty() ? null : populationRef(key.get(1)), points(obs).getLast())));
        out.sort(Comparator.comparing((TrendViews.Latest l) -> l.indicator().label()));
        return out;
    }

    /** An area of Lebanon by its P-code ({@code LB} for the country); 404 for any other code. */
    TrendViews.AreaRef area(String pcode) {
        return areas.byCode(pcode.strip().toUpperCase(Locale.ROOT)).map(r -> areaRef(r.getURI()))
                .orElseThrow(() -> Problems.notFound("area " + abbreviate(pcode.strip())));
    }

    /** The areas above this one, nearest first, up to its governorate (or Lebanon, for a governorate). */
    List<TrendViews.AreaRef> parents(TrendViews.AreaRef area) {
        List<TrendViews.AreaRef> out = new ArrayList<>();
        List<String> above = labels.broader(area.iri());
        while (!above.isEmpty() && (out.isEmpty() || !labels.code(above.getFirst()).equals("LB"))) {
            out.add(areaRef(above.getFirst()));
            above = labels.broader(above.getFirst());
        }
        return out;
    }

    /** The administrative areas directly below this one: Lebanon's governorates, a governorate's districts. */
    List<TrendViews.AreaRef> children(TrendViews.AreaRef area) {
        return below(area).filter(a -> a.level() <= 2).toList();
    }

    /** The localities directly below a district, or the neighbourhoods of a town. */
    List<TrendViews.AreaRef> localities(TrendViews.AreaRef area) {
        return below(area).filter(a -> a.level() > 2).sorted(Comparator.comparing(TrendViews.AreaRef::label)).toList();
    }

    private Stream<TrendViews.AreaRef> below(TrendViews.AreaRef area) {
        return labels.narrower(area.iri()).stream().map(this::areaRef).sorted(Comparator.comparing(TrendViews.AreaRef::code));
    }

    /** One point per year; where several imports give a value, the latest import's is the headline and the others are listed. */
    private static List<TrendViews.Point> points(List<Observation> obs) {
        TreeMap<Integer, List<Observation>> byYear = obs.stream()
                .collect(Collectors.groupingBy(Observation::year, TreeMap::new, Collectors.toList()));
        List<TrendViews.Point> points = new ArrayList<>();
        Observation previous = null;
        for (Map.Entry<Integer, List<Observation>> e : byYear.entrySet()) {
            List<Observation> values = e.getValue().stream().sorted(LATEST_FIRST).toList();
            Observation o = values.getFirst();
            boolean comparable = previous != null && Objects.equals(previous.unit(), o.unit());
            points.add(new TrendViews.Point(o.year(), o.value(), o.unit(), previous == null ? null : previous.year(),
                    comparable ? o.value().subtract(previous.value()) : null, o.source(), o.dataset(), o.iri(),
                    o.imported().toString(), o.fileName(), o.importedBy(),
                    values.stream().skip(1).map(x -> new TrendViews.SourcedValue(x.value(), x.unit(), x.source(), x.dataset(),
                            x.iri(), x.imported().toString(), x.fileName(), x.importedBy())).toList()));
            previous = o;
        }
        return points;
    }

    private String indicatorIri(String param, List<Observation> visible) {
        if (param == null || param.isBlank()) {
            throw Problems.invalid("indicator", "indicator is required: a code such as below-smeb (see /api/indicators)");
        }
        Optional<String> known = vocabulary.match(param);
        if (known.isPresent()) {
            return known.get();
        }
        String folded = LabelFolding.fold(param);
        return visible.stream().filter(o -> o.indicatorCode() != null)
                .filter(o -> o.indicatorCode().equalsIgnoreCase(param.strip()) || o.indicator().equals(param.strip())
                        || o.indicatorLabel() != null && LabelFolding.fold(o.indicatorLabel()).equals(folded))
                .map(Observation::indicator).findFirst()
                .orElseThrow(() -> Problems.invalid("indicator", "indicator must be the code of an indicator such as "
                        + "below-smeb (see /api/indicators), got '" + abbreviate(param.strip()) + "'"));
    }

    private TrendViews.IndicatorRef indicator(String iri, List<Observation> obs) {
        if (vocabulary.isOntologyIndicator(iri)) {
            return new TrendViews.IndicatorRef(vocabulary.code(iri), iri, vocabulary.label(iri), vocabulary.unit(iri), false);
        }
        Observation any = obs.stream().filter(o -> o.indicatorCode() != null).sorted(LATEST_FIRST).findFirst().orElse(null);
        String unit = obs.stream().map(Observation::unit).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(u -> u, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new TrendViews.IndicatorRef(any == null ? iri.substring(iri.lastIndexOf('/') + 1) : any.indicatorCode(), iri,
                any == null || any.indicatorLabel() == null ? iri : any.indicatorLabel(), unit, true);
    }

    private Resource resolveArea(String param) {
        AreaResolver.Outcome found = areas.resolve(param.strip(), null);
        if (found.area() == null) {
            throw Problems.invalid("area", "area must be a P-code such as LB2 or a name of an area of Lebanon: " + found.problem());
        }
        return found.area();
    }

    private TrendViews.AreaRef areaRef(String iri) {
        Resource r = labels.resource(iri);
        return new TrendViews.AreaRef(labels.code(iri), iri, labels.label(r), areas.level(r));
    }

    private String populationIri(String param) {
        if (param == null || param.isBlank()) {
            return null;
        }
        return interpreter.population(param).map(Resource::getURI).orElseThrow(() -> Problems.invalid("population",
                "population must be a population group code such as syrian-refugees, got '" + abbreviate(param.strip()) + "'"));
    }

    private TrendViews.ConceptRef populationRef(String iri) {
        return new TrendViews.ConceptRef(labels.code(iri), iri, labels.label(labels.resource(iri)));
    }

    private static int level(String param) {
        if (param == null || param.isBlank()) {
            return 1;
        }
        return switch (param.strip().toLowerCase(Locale.ROOT)) {
            case "governorate", "1" -> 1;
            case "district", "2" -> 2;
            default -> throw Problems.invalid("level", "level must be governorate or district");
        };
    }

    private static int year(String param) {
        String y = param.strip();
        if (!y.matches("\\d{4}")) {
            throw Problems.invalid("year", "year must be a year such as 2020, got '" + abbreviate(y) + "'");
        }
        return Integer.parseInt(y);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
