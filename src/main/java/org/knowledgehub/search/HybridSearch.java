package org.knowledgehub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.knowledgehub.HubProperties;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.security.VisibleGraphs;
import org.springframework.stereotype.Component;

/**
 * Semantic search over passages for questions in plain language. Three rankings, each usable on
 * its own (the quality benchmark compares them) and fused for the hybrid one:
 * <ul>
 * <li>{@link Ranker#BM25}: the question's content words, BM25 over passage text, section and title;
 * <li>{@link Ranker#EXPANDED}: the same plus the ontology: every concept the question names is
 *     searched by all its labels (English, French, Arabic, variants, a sector's vocabulary, a
 *     governorate's districts) and by the entity links of passages (a governorate matches its
 *     districts' passages, an indicator its sectors'), the years it names boost passages about them;
 * <li>{@link Ranker#DENSE}: nearest passages to the question's sentence embedding (HNSW).
 * </ul>
 * {@link Ranker#HYBRID} fuses the expanded and dense rankings by weighted reciprocal rank fusion.
 */
@Component
public class HybridSearch {

    public enum Ranker { BM25, EXPANDED, DENSE, HYBRID }

    /**
     * A passage found, with its fused score, its rank in each ranking that found it (1-based) and,
     * when the dense ranking found it, the cosine similarity of its embedding to the question's.
     */
    public record Hit(IndexedPassage passage, String fragment, double score, Map<Ranker, Integer> ranks, Double similarity) {
    }

    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");
    /** Words that make a question a question and say nothing about its subject. */
    private static final List<String> QUESTION_WORDS = List.of("what", "which", "who", "whom", "whose", "why", "how", "when",
            "where", "did", "do", "does", "done", "has", "have", "had", "can", "could", "should", "would", "were", "been",
            "being", "about", "any", "from", "between", "since", "during", "after", "before", "than", "more", "most", "much",
            "many", "give", "given", "say", "said", "tell", "explain", "explained", "according", "there", "its", "our", "we",
            "us", "you", "your", "i", "me", "my");
    /** How much the ontology's evidence weighs against the question's own words. */
    private static final float LABEL_BOOST = 0.6f;
    private static final float LINK_BOOST = 1.5f;
    private static final float YEAR_BOOST = 0.5f;
    private static final int MAX_LABELS = 40;

    private final PassageIndex index;
    private final PassageEmbeddings embeddings;
    private final Gazetteer gazetteer;
    private final ConceptLabels labels;
    private final SearchProperties properties;
    private final Analyzer questionAnalyzer;
    private final QueryBuilder phrases;
    private final Map<String, String> schemeFields;
    private final Map<String, Set<String>> labelCache = new ConcurrentHashMap<>();

    HybridSearch(PassageIndex index, PassageEmbeddings embeddings, Gazetteer gazetteer, ConceptLabels labels,
                 SearchProperties properties, HubProperties hub) {
        this.index = index;
        this.embeddings = embeddings;
        this.gazetteer = gazetteer;
        this.labels = labels;
        this.properties = properties;
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(QUESTION_WORDS);
        this.questionAnalyzer = new EnglishAnalyzer(stop);
        this.phrases = new QueryBuilder(index.queryAnalyzer());
        String base = hub.base();
        this.schemeFields = Map.of(Schemes.areas(base), PassageIndex.AREA, Schemes.sectors(base), PassageIndex.SECTOR,
                Schemes.populations(base), PassageIndex.POPULATION, Schemes.indicators(base), PassageIndex.INDICATOR,
                Schemes.organisations(base), PassageIndex.ORG);
    }

    /**
     * Understands a question: its content words, the concepts it names (plus {@code extra}
     * concept IRIs a caller gives as constraints), the years it names, its embedding.
     */
    public QueryAnalysis analyse(String text, Collection<String> extraConcepts, Collection<Integer> extraYears) {
        Map<String, QueryAnalysis.Concept> concepts = new LinkedHashMap<>();
        for (Gazetteer.Match m : gazetteer.find(text, true)) {
            concept(m.concept()).ifPresent(c -> concepts.putIfAbsent(c.uri(), c));
            if (m.type() == MentionType.INDICATOR) {
                gazetteer.sectorsOf(m.concept()).forEach(s -> concept(s).ifPresent(c -> concepts.putIfAbsent(c.uri(), c)));
            }
        }
        extraConcepts.forEach(uri -> concept(uri).ifPresent(c -> concepts.putIfAbsent(c.uri(), c)));
        Set<Integer> years = new LinkedHashSet<>();
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            years.add(Integer.parseInt(y.group()));
        }
        years.addAll(extraYears);
        float[] vector = embeddings.enabled() ? embeddings.embed(text) : null;
        return new QueryAnalysis(text, terms(text), List.copyOf(concepts.values()), List.copyOf(years), vector);
    }

    /**
     * The best {@code n} passages for an analysed question under the filters of {@code q} (its
     * text is ignored) and the caller's access. Without embeddings, DENSE finds nothing and
     * HYBRID is EXPANDED.
     */
    public List<Hit> search(QueryAnalysis a, Ranker ranker, SearchQuery q, VisibleGraphs visible, int n) {
        Query words = words(a);
        return switch (ranker) {
            case BM25 -> single(Ranker.BM25, index.rank(words, words, q, visible, n));
            case EXPANDED -> single(Ranker.EXPANDED, index.rank(expanded(a, words), words, q, visible, n));
            case DENSE -> a.vector() == null ? List.of() : dense(index.nearest(a.vector(), words, q, visible, n));
            case HYBRID -> {
                int depth = Math.max(n, properties.candidates());
                List<Hit> expanded = single(Ranker.EXPANDED, index.rank(expanded(a, words), words, q, visible, depth));
                List<Hit> dense = a.vector() == null ? List.of() : dense(index.nearest(a.vector(), words, q, visible, depth));
                yield fuse(List.of(expanded, dense), List.of(1.0, properties.denseWeight()), n);
            }
        };
    }

    /** A passage by its IRI, if the caller may see it. */
    public Optional<IndexedPassage> passage(String uri, VisibleGraphs visible) {
        return index.byUri(uri, visible);
    }

    /** The lexical side of hybrid search (words and ontology), for counting and faceting its matches. */
    Query lexical(QueryAnalysis a) {
        return expanded(a, words(a));
    }

    /** Every content word of the question, in text, section or title: plain BM25. */
    private Query words(QueryAnalysis a) {
        if (a.terms().isEmpty()) {
            return new MatchNoDocsQuery("the question has no content words");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : a.terms()) {
            b.add(new DisjunctionMaxQuery(List.of(
                    new TermQuery(new Term(PassageIndex.TEXT, t)),
                    new BoostQuery(new TermQuery(new Term(PassageIndex.SECTION, t)), 0.5f),
                    new BoostQuery(new TermQuery(new Term(PassageIndex.TITLE, t)), 0.3f)), 0.1f), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private Query expanded(QueryAnalysis a, Query words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(words, BooleanClause.Occur.SHOULD);
        for (QueryAnalysis.Concept c : a.concepts()) {
            List<Query> evidence = new ArrayList<>();
            evidence.add(new BoostQuery(new TermQuery(new Term(c.field(), c.code())), LINK_BOOST));
            for (String label : labelsOf(c.uri())) {
                Query phrase = phrases.createPhraseQuery(PassageIndex.TEXT, label);
                if (phrase != null) {
                    evidence.add(new BoostQuery(phrase, LABEL_BOOST));
                }
            }
            // One concept counts once however many of its labels a passage has.
            b.add(new DisjunctionMaxQuery(evidence, 0.1f), BooleanClause.Occur.SHOULD);
        }
        for (Integer year : a.years()) {
            b.add(new BoostQuery(new TermQuery(new Term(PassageIndex.YEAR, year.toString())), YEAR_BOOST), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** Weighted reciprocal rank fusion: each ranking gives weight / (k + rank); absent gives 0. */
    private List<Hit> fuse(List<List<Hit>> rankings, List<Double> weights, int n) {
        Map<String, Hit> byPassage = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<Hit> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                Hit h = ranking.get(i);
                String key = h.passage().passageUri();
                scores.merge(key, weights.get(r) / (properties.rrfK() + i + 1), Double::sum);
                byPassage.merge(key, h, HybridSearch::merge);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n)
                .map(e -> {
                    Hit h = byPassage.get(e.getKey());
                    return new Hit(h.passage(), h.fragment(), e.getValue(), h.ranks(), h.similarity());
                })
                .toList();
    }

    private static Hit merge(Hit a, Hit b) {
        Map<Ranker, Integer> ranks = new EnumMap<>(Ranker.class);
        ranks.putAll(a.ranks());
        ranks.putAll(b.ranks());
        // The lexical rankings highlight the question's words; keep their fragment.
        String fragment = a.fragment().contains("<mark>") ? a.fragment() : b.fragment();
        return new Hit(a.passage(), fragment, a.score(), ranks, a.similarity() != null ? a.similarity() : b.similarity());
    }

    private static List<Hit> single(Ranker ranker, List<SearchHit> hits) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            out.add(new Hit(h.passage(), h.fragment(), h.score(), new EnumMap<>(Map.of(ranker, i + 1)), null));
        }
        return out;
    }

    /** Lucene scores a unit-vector dot product as (1 + cos) / 2; the hit carries the cosine. */
    private static List<Hit> dense(List<SearchHit> hits) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            double cosine = 2.0 * h.score() - 1.0;
            out.add(new Hit(h.passage(), h.fragment(), cosine, new EnumMap<>(Map.of(Ranker.DENSE, i + 1)), cosine));
        }
        return out;
    }

    private Optional<QueryAnalysis.Concept> concept(String uri) {
        return labels.schemeOf(uri).map(schemeFields::get).map(field -> {
            String code = field.equals(PassageIndex.ORG)
                    ? labels.shortName(labels.resource(uri))
                    : labels.code(uri);
            return new QueryAnalysis.Concept(uri, field, code, labels.label(labels.resource(uri)));
        });
    }

    /** All labels of a concept, and of the concepts below it (a governorate's districts). */
    private Set<String> labelsOf(String uri) {
        return labelCache.computeIfAbsent(uri, u -> {
            Set<String> out = new LinkedHashSet<>(labels.allLabels(u));
            labels.narrower(u).forEach(child -> out.addAll(labels.allLabels(child)));
            return out.stream().limit(MAX_LABELS).collect(Collectors.toCollection(LinkedHashSet::new));
        });
    }

    /** The question's content words as index terms. */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = questionAnalyzer.tokenStream(PassageIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
