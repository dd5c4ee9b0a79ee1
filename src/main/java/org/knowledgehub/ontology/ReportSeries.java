package org.knowledgehub.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.springframework.stereotype.Component;

/** The report series of the ontology (series.ttl): names, publishers and the type of their editions. */
@Component
public class ReportSeries {

    /**
     * One series.
     *
     * @param label      the name its editions are known by, its acronym
     * @param names      its names and acronyms, longest first
     * @param publishers IRIs of the organisations that issue it
     */
    public record Series(String iri, String label, List<String> names, List<String> publishers, DocumentType type) {
    }

    private final List<Series> all = new ArrayList<>();
    /** Each name of each series as a whole word, longest names first ("VaSyR-PRL" before "VASyR"). */
    private final List<Pattern> patterns = new ArrayList<>();
    /** The same names lower-cased: a text that does not contain one is not matched against its pattern. */
    private final List<String> lowerNames = new ArrayList<>();
    private final List<Series> patternSeries = new ArrayList<>();

    public ReportSeries(Ontology ontology) {
        ontology.model().listSubjectsWithProperty(RDF.type, KH.ReportSeries).forEach(s -> all.add(series(s)));
        record Named(String name, Series series) {
        }
        all.stream().flatMap(s -> s.names().stream().map(n -> new Named(n, s)))
                .sorted(Comparator.comparingInt((Named n) -> n.name().length()).reversed())
                .forEach(n -> {
                    patterns.add(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(n.name()) + "(?![\\p{L}\\d])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                    lowerNames.add(n.name().toLowerCase(Locale.ROOT));
                    patternSeries.add(n.series());
                });
    }

    private static Series series(Resource s) {
        List<String> names = new ArrayList<>();
        s.listProperties(SKOS.prefLabel).forEach(st -> names.add(st.getString()));
        s.listProperties(SKOS.altLabel).forEach(st -> names.add(st.getString()));
        names.sort(Comparator.comparingInt(String::length).reversed());
        List<String> publishers = s.listProperties(DCTerms.publisher).mapWith(st -> st.getResource().getURI()).toList()
                .stream().sorted().toList();
        DocumentType type = Optional.ofNullable(s.getPropertyResourceValue(KH.seriesType))
                .flatMap(t -> DocumentType.fromClass(t.getURI())).orElse(null);
        // The shortest name is the series' acronym, the name its editions are known by ("VASyR 2022").
        return new Series(s.getURI(), names.getLast(), List.copyOf(names), publishers, type);
    }

    /** The series a text names anywhere, the longest name winning. */
    public Optional<Series> namedIn(String text) {
        // Ingest asks this of every document's cover: one lower-casing, then a substring test per name.
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < patterns.size(); i++) {
            if (lower.contains(lowerNames.get(i)) && patterns.get(i).matcher(text).find()) {
                return Optional.of(patternSeries.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The series a title or file name opens with ("VASyR 2022 - Shelter", "vasyr-2024-dashboard"):
     * an edition is named after its series; a blog post that mentions the series later in its name
     * is not one.
     */
    public Optional<Series> openingOf(String name) {
        String text = name.strip();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(text).lookingAt()) {
                return Optional.of(patternSeries.get(i));
            }
        }
        return Optional.empty();
    }

    public List<Series> all() {
        return List.copyOf(all);
    }
}
