package org.knowledgehub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.knowledgehub.HubProperties;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.Schemes;
import org.springframework.stereotype.Component;

/**
 * Finds passages in other languages than a query's. The topics of {@code ontology/topics.ttl} and
 * the places a query names (in English, French or Arabic) are searched by their labels in the other
 * languages, in text, section and document title, weighted below the query's own words (a note in
 * Arabic names its subject and place in Arabic only; its words are rare in the index and score
 * high, so half the weight lets it stand among English documents without outranking those that use
 * the query's own words). The places also favour the passages linked to them by P-code at ingest,
 * whatever their language.
 */
@Component
public class CrossLanguage {

    /** A label of a topic or place as index terms, in the language it is written in. */
    private record Label(String concept, String language, List<String> terms) {
    }

    private final List<Label> topicLabels = new ArrayList<>();
    private final Map<String, List<Label>> placeLabels = new HashMap<>();
    private final Map<String, Analyzer> analyses = new HashMap<>();
    private final Gazetteer gazetteer;
    private final ConceptLabels concepts;
    private final float translationWeight;
    private final float placeWeight;

    CrossLanguage(Ontology ontology, HubProperties hub, Gazetteer gazetteer, ConceptLabels concepts, SearchProperties properties) {
        this.gazetteer = gazetteer;
        this.concepts = concepts;
        this.translationWeight = properties.translationWeight();
        this.placeWeight = properties.placeWeight();
        TextAnalysis.LANGUAGES.forEach(l -> analyses.put(l, TextAnalysis.of(l)));
        Model m = ontology.model();
        m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(Schemes.topics(hub.base())))
                .forEach(topic -> topicLabels.addAll(labels(topic)));
        m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(Schemes.areas(hub.base())))
                .forEach(place -> placeLabels.put(place.getURI(), labels(place)));
    }

    /** A concept's names (prefLabel and altLabel) as each is analysed in its language. */
    private List<Label> labels(Resource concept) {
        List<Label> out = new ArrayList<>();
        for (var property : List.of(SKOS.prefLabel, SKOS.altLabel)) {
            concept.listProperties(property).forEach(st -> {
                Literal label = st.getLiteral();
                String language = TextAnalysis.normalise(label.getLanguage());
                List<String> terms = terms(analyses.get(language), label.getLexicalForm());
                if (!terms.isEmpty()) {
                    out.add(new Label(concept.getURI(), language, terms));
                }
            });
        }
        return out;
    }

    /**
     * The query's words widened across languages: passages that match them, or the names in other
     * languages of the topics and places they name, with those linked to the places first. Null
     * when the query names no topic and no place.
     */
    Query widen(String text, Query words) {
        if (requiresOrExcludes(words)) {
            return null; // "+water -Akkar": the person said what must and must not be there
        }
        Query translations = translations(text);
        Set<String> places = places(text);
        if (translations == null && places.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder matching = new BooleanQuery.Builder().add(words, BooleanClause.Occur.SHOULD);
        if (translations != null) {
            matching.add(translations, BooleanClause.Occur.SHOULD);
        }
        Query matches = FlatDisjunction.of(matching.build());
        if (places.isEmpty()) {
            return matches;
        }
        // A place scores only passages that match otherwise: each place is a clause of its own that
        // requires the same matches as a filter (unscored). The whole stays a pure disjunction, which
        // Lucene scores skipping what cannot reach the top hits; required words beside an optional
        // place made it score every match (measured at 100,000 passages: most of a plain search's time).
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(matches, BooleanClause.Occur.SHOULD);
        places.forEach(p -> b.add(new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(PassageIndex.AREA, p)), placeWeight), BooleanClause.Occur.MUST)
                .add(matches, BooleanClause.Occur.FILTER)
                .build(), BooleanClause.Occur.SHOULD));
        return FlatDisjunction.of(b.build());
    }

    /**
     * The labels, in the languages the query did not name them in, of the topics and places it
     * names, as queries over text, section and title: a topic's weighted {@link
     * SearchProperties#translationWeight()}, a place's {@link SearchProperties#placeWeight()} (a
     * place's name alone matches every document about the place, whatever its subject); null when
     * it names none.
     */
    Query translations(String text) {
        List<List<String>> readings = TextAnalysis.QUERY_LANGUAGES.stream().map(l -> terms(analyses.get(l), text)).toList();
        Set<String> topics = new LinkedHashSet<>();
        topicLabels.stream().filter(label -> names(readings, label)).forEach(label -> topics.add(label.concept()));
        List<Label> places = new ArrayList<>();
        placeConcepts(text).forEach(place -> places.addAll(placeLabels.getOrDefault(place, List.of())));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        translated(topicLabels.stream().filter(l -> topics.contains(l.concept())).toList(), readings, translationWeight)
                .ifPresent(q -> b.add(q, BooleanClause.Occur.SHOULD));
        translated(places, readings, placeWeight).ifPresent(q -> b.add(q, BooleanClause.Occur.SHOULD));
        BooleanQuery built = b.build();
        return built.clauses().isEmpty() ? null : built;
    }

    /**
     * The labels of concepts, but those in a language the query names the concept in. A concept
     * counts once, by the label that fits a passage best: a French note that says "loyer" and
     * "propriétaire" is no more about rent than an Arabic one that says "إيجار".
     */
    private static Optional<Query> translated(List<Label> labels, List<List<String>> readings, float weight) {
        // A concept's labels in the language the query names it in are the query's words already.
        Set<String> named = new LinkedHashSet<>();
        labels.stream().filter(label -> names(readings, label)).forEach(label -> named.add(label.concept() + " " + label.language()));
        Map<String, List<Query>> byConcept = new LinkedHashMap<>();
        Set<List<String>> added = new LinkedHashSet<>();
        for (Label label : labels) {
            if (!named.contains(label.concept() + " " + label.language()) && added.add(label.terms())) {
                byConcept.computeIfAbsent(label.concept(), c -> new ArrayList<>()).add(anyField(label.terms()));
            }
        }
        if (byConcept.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        byConcept.values().forEach(alternatives -> b.add(new DisjunctionMaxQuery(alternatives, 0f), BooleanClause.Occur.SHOULD));
        return Optional.of(new BoostQuery(b.build(), weight));
    }

    /** Whether a reading of the query has the label's terms, in its order. */
    private static boolean names(List<List<String>> readings, Label label) {
        return readings.stream().anyMatch(r -> Collections.indexOfSubList(r, label.terms()) >= 0);
    }

    /** The P-codes of the places a query names, in any of their names. */
    private Set<String> places(String text) {
        Set<String> out = new LinkedHashSet<>();
        placeConcepts(text).forEach(place -> out.add(concepts.code(place)));
        return out;
    }

    /** The IRIs of the places a query names. */
    private Set<String> placeConcepts(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Gazetteer.Match m : gazetteer.find(text, true)) {
            if (m.type() == MentionType.PLACE) {
                out.add(m.concept());
            }
        }
        return out;
    }

    /**
     * Whether the person wrote +word, -word, NOT or AND. The parser's own structure is all optional
     * clauses otherwise (a word over text, section and title; the readings as a disjunction); a
     * QueryVisitor cannot tell, as it reports every boolean query's clauses as required first.
     */
    private static boolean requiresOrExcludes(Query query) {
        if (query instanceof BooleanQuery b) {
            return b.clauses().stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST
                    || c.occur() == BooleanClause.Occur.MUST_NOT || requiresOrExcludes(c.query()));
        }
        if (query instanceof DisjunctionMaxQuery d) {
            return d.getDisjuncts().stream().anyMatch(CrossLanguage::requiresOrExcludes);
        }
        return query instanceof BoostQuery q && requiresOrExcludes(q.getQuery());
    }

    /** A label's terms in the fields and with the weights the query's own words are searched in. */
    private static Query anyField(List<String> terms) {
        List<Query> fields = new ArrayList<>();
        UserQueryParser.FIELDS.forEach((field, weight) -> fields.add(new BoostQuery(phrase(field, terms), weight)));
        return new DisjunctionMaxQuery(fields, 0f);
    }

    private static Query phrase(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.getFirst()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(2);
        terms.forEach(t -> b.add(new Term(field, t)));
        return b.build();
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(PassageIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
