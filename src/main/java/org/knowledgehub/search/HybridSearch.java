package org.knowledgehub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <li>{@link Ranker#EXPANDED}: the same plus the ontology: every concept the question names counts
 *     in the passages linked to it at ingest (the link stage matched all its labels, English,
 *     French, Arabic and variants, a sector's vocabulary; a governorate matches its districts'
 *     passages, an indicator its sectors'), and the years it names boost passages about them;
 * <li>{@link Ranker#DENSE}: nearest passages to the question's sentence embedding (HNSW).
 * </ul>
 * {@link Ranker#HYBRID} fuses the expanded and dense rankings by their scores: the lexical score
 * relative to the best one, and the cosine similarity of the passage's embedding rescaled over the
 * candidates. The embedding model reads English only: for a question or a passage in another language the
 * dense side abstains and the lexical score stands for both.
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

    /**
     * What the fused score of a passage that speaks only of years the question does not name is
     * multiplied by. Chosen on the tuning half of the benchmark (0.9 to 0 swept; from 0.8 down the
     * same nDCG@10 there, 0.787 to 0.823; held out 0.787 to 0.794).
     */
    private static final double OTHER_YEARS = 0.8;
    /**
     * What the fused score of a document's opening passage is multiplied by. The opening passage
     * is most often the document's masthead (organisation, dates, place, classification, the
     * meeting's chairs and agencies): it names what the whole document is about, so it matches
     * every question on that subject, and seldom answers one; demoted, it gives way to the passages
     * that do, and still comes first when nothing else matches. Chosen on the tuning half of the
     * benchmark (nDCG@10 0.823 without, 0.828 from 0.7 down); with the pooled judgements 0.820 to
     * 0.840 in all, both halves better. Over the real documents, whose opening passage is as often a
     * report's first paragraph, it costs 0.004.
     */
    private static final double OPENING_PASSAGE = 0.7;
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");
    /** Words that make a question a question and say nothing about its subject. */
    private static final List<String> QUESTION_WORDS = List.of("what", "which", "who", "whom", "whose", "why", "how", "when",
            "where", "did", "do", "does", "done", "has", "have", "had", "can", "could", "should", "would", "were", "been",
            "being", "about", "any", "from", "between", "since", "during", "after", "before", "than", "more", "most", "much",
            "many", "give", "given", "say", "said", "tell", "explain", "explained", "according", "there", "its", "our", "we",
            "us", "you", "your", "i", "me", "my");
    /** The same in French and Arabic. */
    private static final List<String> FRENCH_QUESTION_WORDS = List.of("quel", "quelle", "quels", "quelles", "comment",
            "pourquoi", "quand", "où", "combien", "qui", "quoi", "est-ce", "y", "a-t-il", "ont", "été", "selon", "entre", "depuis",
            "avant", "après", "plus", "nous", "vous", "notre", "votre");
    private static final List<String> ARABIC_QUESTION_WORDS = List.of("ما", "ماذا", "كيف", "لماذا", "متى", "أين", "اين", "هل",
            "كم", "من", "ماهي", "هي", "هو", "حول", "بين", "منذ", "قبل", "بعد", "أكثر", "حسب", "وفق");
    /** How much the ontology's evidence weighs against the question's own words. */
    private static final float LINK_BOOST = 1.5f;
    private static final float YEAR_BOOST = 0.5f;

    private final PassageIndex index;
    private final PassageEmbeddings embeddings;
    private final Gazetteer gazetteer;
    private final ConceptLabels labels;
    private final SearchProperties properties;
    /** One analysis of a question's words per reading of them (see {@link TextAnalysis}). */
    private final List<Analyzer> questionAnalyzers;
    private final Map<String, String> schemeFields;
    private final CrossLanguage crossLanguage;

    HybridSearch(PassageIndex index, PassageEmbeddings embeddings, Gazetteer gazetteer, ConceptLabels labels,
                 SearchProperties properties, HubProperties hub, CrossLanguage crossLanguage) {
        this.crossLanguage = crossLanguage;
        this.index = index;
        this.embeddings = embeddings;
        this.gazetteer = gazetteer;
        this.labels = labels;
        this.properties = properties;
        // Both readings drop the stop and question words of both languages: "what" read as French
        // would otherwise be a content word.
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(QUESTION_WORDS);
        stop.addAll(TextAnalysis.FRENCH_STOP);
        stop.addAll(FRENCH_QUESTION_WORDS);
        CharArraySet arabicStop = new CharArraySet(TextAnalysis.ARABIC_STOP, false);
        arabicStop.addAll(ARABIC_QUESTION_WORDS);
        this.questionAnalyzers = TextAnalysis.QUERY_LANGUAGES.stream()
                .map(l -> TextAnalysis.of(l, stop, stop, arabicStop)).toList();
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
        float[] vector = embeddings.enabled() ? embeddings.embedQuery(text) : null;
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
                if (a.vector() == null) {
                    yield expanded.subList(0, Math.min(n, expanded.size()));
                }
                yield fuse(a, expanded, dense(index.nearest(a.vector(), words, q, visible, depth)), visible, n);
            }
        };
    }

    /** A passage by its IRI, if the caller may see it. */
    public Optional<IndexedPassage> passage(String uri, VisibleGraphs visible) {
        return index.byUri(uri, visible);
    }

    /**
     * Whether any passage the caller may see uses a word (in any of its inflections the index
     * folds together: "convoy" for "convoys"); a word the index does not keep (a stop word) is
     * taken as used.
     */
    public boolean anyPassageUses(String word, VisibleGraphs visible) {
        return passagesUsing(word, visible) > 0;
    }

    /**
     * How many passages the caller may see use a word (the most of any of its index terms); a word
     * the index does not keep (a stop word) counts as used by every passage.
     */
    public int passagesUsing(String word, VisibleGraphs visible) {
        List<String> terms = terms(word);
        return terms.isEmpty() ? Integer.MAX_VALUE : terms.stream().mapToInt(t -> index.countWithTerm(t, visible)).max().orElse(0);
    }

    /** Passages by IRI, those the caller may see. */
    public Map<String, IndexedPassage> passages(Collection<String> uris, VisibleGraphs visible) {
        return index.byUris(uris, visible);
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

    /**
     * The question's words, plus each concept it names through the passages linked to it, plus
     * its years. The concepts' labels are not searched as phrases: the link stage matched those
     * very labels at ingest, with rules a phrase query lacks (capitals for places, "North" only as
     * a region, a district only when the text says so), and searching them again only added the
     * matches those rules turn away, and a sector's whole vocabulary for every sector a question
     * touches (on both benchmarks the phrases lowered nDCG@10).
     */
    private Query expanded(QueryAnalysis a, Query words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(words, BooleanClause.Occur.SHOULD);
        Query translations = crossLanguage.translations(a.text());
        if (translations != null) {
            b.add(translations, BooleanClause.Occur.SHOULD);
        }
        for (QueryAnalysis.Concept c : a.concepts()) {
            b.add(new BoostQuery(new TermQuery(new Term(c.field(), c.code())), LINK_BOOST), BooleanClause.Occur.SHOULD);
        }
        for (Integer year : a.years()) {
            b.add(new BoostQuery(new TermQuery(new Term(PassageIndex.YEAR, year.toString())), YEAR_BOOST), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * Fuses the lexical and the dense ranking by their scores, each brought to 0..1 over the
     * passages either found: every passage scores {@code (1 - w) * lexical / best lexical + w *
     * (cosine - lowest) / (highest - lowest)}, with {@code w} the dense weight, the lexical score 0
     * when only the dense ranking found it, and the cosine read from its stored embedding when
     * only the lexical one did. Scores rather than ranks (reciprocal rank fusion): a lexical score
     * far ahead of the next is worth keeping ahead, where ranks make a weak match of one ranking as
     * good as a strong one. The cosines are rescaled because a model's cosines crowd into a narrow
     * band (bge-small: about .5 to .9), which left raw, weighs the dense side far less than
     * {@code w} says (on the benchmark, raw cosines gave 1.07x BM25's nDCG@10, rescaled 1.11x).
     */
    private List<Hit> fuse(QueryAnalysis a, List<Hit> lexical, List<Hit> dense, VisibleGraphs visible, int n) {
        Map<String, Hit> byPassage = new LinkedHashMap<>();
        Map<String, Double> cosines = new HashMap<>();
        for (Hit h : dense) {
            byPassage.put(h.passage().passageUri(), h);
            cosines.put(h.passage().passageUri(), h.similarity());
        }
        for (Hit h : lexical) {
            byPassage.merge(h.passage().passageUri(), h, HybridSearch::merge);
        }
        List<String> unscored = lexical.stream().map(h -> h.passage().passageUri()).filter(uri -> !cosines.containsKey(uri)).toList();
        cosines.putAll(index.similarities(unscored, a.vector(), visible));
        // Passages still waiting for their vectors (PassageVectors) are embedded now.
        List<IndexedPassage> waiting = lexical.stream().map(Hit::passage).filter(p -> !cosines.containsKey(p.passageUri())).toList();
        List<float[]> made = embeddings.embedAll(waiting.stream().map(IndexedPassage::textForEmbedding).toList());
        for (int i = 0; i < waiting.size(); i++) {
            cosines.put(waiting.get(i).passageUri(), PassageEmbeddings.cosine(a.vector(), made.get(i)));
        }
        double best = lexical.isEmpty() ? 1 : lexical.getFirst().score();
        Map<String, Double> relative = new HashMap<>();
        lexical.forEach(h -> relative.put(h.passage().passageUri(), best > 0 ? h.score() / best : 0));
        double highest = cosines.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double lowest = cosines.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double w = properties.denseWeight();
        boolean englishQuestion = TextLanguage.ofShortText(a.text()).equals("en");
        return byPassage.values().stream()
                .map(h -> {
                    String uri = h.passage().passageUri();
                    Double cosine = cosines.get(uri);
                    double dense01 = cosine == null || highest <= lowest ? 0 : (cosine - lowest) / (highest - lowest);
                    if (!englishQuestion || !english(h.passage())) {
                        // The embedding model reads English only: its cosine says nothing here, the lexical score speaks for it.
                        dense01 = relative.getOrDefault(uri, 0.0);
                    }
                    double score = (1 - w) * relative.getOrDefault(uri, 0.0) + w * dense01;
                    if (speaksOfOtherYearsOnly(h.passage(), a)) {
                        score *= OTHER_YEARS;
                    }
                    if (h.passage().number() == 1) {
                        score *= OPENING_PASSAGE;
                    }
                    return new Hit(h.passage(), h.fragment(), score, h.ranks(), cosine);
                })
                .sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.passage().passageUri()))
                .limit(n)
                .toList();
    }

    /**
     * Whether the question names years and the passage speaks of years, none of them the
     * question's (a 2021 market update for a question about 2020): such a passage is seldom the
     * answer however close its words, so it gives way to passages of the years asked about.
     */
    private static boolean speaksOfOtherYearsOnly(IndexedPassage p, QueryAnalysis a) {
        return !a.years().isEmpty() && !p.years().isEmpty() && p.years().stream().noneMatch(a.years()::contains);
    }

    private static boolean english(IndexedPassage p) {
        return p.language() == null || p.language().equals("en");
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

    /** The question's content words as index terms, in each of their readings. */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        questionAnalyzers.forEach(a -> terms(a, text, out));
        return out;
    }

    private static void terms(Analyzer analyzer, String text, List<String> out) {
        try (TokenStream ts = analyzer.tokenStream(PassageIndex.TEXT, text)) {
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
    }
}
