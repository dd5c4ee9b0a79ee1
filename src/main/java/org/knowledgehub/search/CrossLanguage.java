package org.knowledgehub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.knowledgehub.HubProperties;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.Schemes;
import org.springframework.stereotype.Component;

/**
 * Finds passages in other languages than a query's: the topics of {@code ontology/topics.ttl} a
 * query names (in English, French or Arabic) are searched by their labels in the other languages,
 * weighted below the query's own words, and the places it names (in any language) favour the
 * passages linked to them by P-code at ingest, whatever their language.
 */
@Component
public class CrossLanguage {

    /** What a topic's labels in another language weigh against the query's own words. */
    static final float TRANSLATION_BOOST = 0.5f;
    /** What naming a passage's place weighs, for passages that match the query's words or their translations. */
    static final float PLACE_BOOST = 0.5f;

    /** A label of a topic as index terms, in the language it is written in. */
    private record Label(String topic, String language, List<String> terms) {
    }

    private final List<Label> labels = new ArrayList<>();
    private final Map<String, Analyzer> analyses = new HashMap<>();
    private final Gazetteer gazetteer;
    private final ConceptLabels concepts;

    CrossLanguage(Ontology ontology, HubProperties hub, Gazetteer gazetteer, ConceptLabels concepts) {
        this.gazetteer = gazetteer;
        this.concepts = concepts;
        TextAnalysis.LANGUAGES.forEach(l -> analyses.put(l, TextAnalysis.of(l)));
        Model m = ontology.model();
        m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(Schemes.topics(hub.base()))).forEach(topic -> {
            for (var property : List.of(SKOS.prefLabel, SKOS.altLabel)) {
                topic.listProperties(property).forEach(st -> add(topic, st.getLiteral()));
            }
        });
    }

    private void add(Resource topic, Literal label) {
        String language = TextAnalysis.normalise(label.getLanguage());
        List<String> terms = terms(analyses.get(language), label.getLexicalForm());
        if (!terms.isEmpty()) {
            labels.add(new Label(topic.getURI(), language, terms));
        }
    }

    /**
     * The query's words widened across languages: passages that match them, or the translations of
     * the topics they name, with those about the places they name first. Null when the query names
     * no topic and no place.
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
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(matching.build(), BooleanClause.Occur.MUST);
        places.forEach(p -> b.add(new BoostQuery(new TermQuery(new Term(PassageIndex.AREA, p)), PLACE_BOOST),
                BooleanClause.Occur.SHOULD));
        return b.build();
    }

    /**
     * The labels, in the languages the query did not name them in, of the topics it names, as
     * text queries weighted {@link #TRANSLATION_BOOST}; null when it names none.
     */
    Query translations(String text) {
        List<List<String>> readings = TextAnalysis.QUERY_LANGUAGES.stream().map(l -> terms(analyses.get(l), text)).toList();
        Set<String> topics = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        for (Label label : labels) {
            if (readings.stream().anyMatch(r -> Collections.indexOfSubList(r, label.terms()) >= 0)) {
                topics.add(label.topic());
                named.add(label.topic() + " " + label.language());
            }
        }
        if (topics.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<List<String>> added = new LinkedHashSet<>();
        for (Label label : labels) {
            if (topics.contains(label.topic()) && !named.contains(label.topic() + " " + label.language()) && added.add(label.terms())) {
                b.add(phrase(label.terms()), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery built = b.build();
        return built.clauses().isEmpty() ? null : new BoostQuery(built, TRANSLATION_BOOST);
    }

    /** The P-codes of the places a query names, in any of their names. */
    private Set<String> places(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Gazetteer.Match m : gazetteer.find(text, true)) {
            if (m.type() == MentionType.PLACE) {
                out.add(concepts.code(m.concept()));
            }
        }
        return out;
    }

    private static boolean requiresOrExcludes(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                found[0] |= occur == BooleanClause.Occur.MUST || occur == BooleanClause.Occur.MUST_NOT;
                return this;
            }
        });
        return found[0];
    }

    private static Query phrase(List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(PassageIndex.TEXT, terms.getFirst()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(2);
        terms.forEach(t -> b.add(new Term(PassageIndex.TEXT, t)));
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
