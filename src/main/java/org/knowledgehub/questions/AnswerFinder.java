package org.knowledgehub.questions;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.knowledgehub.ingest.DocumentRecords;
import org.knowledgehub.ingest.DocumentSummary;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.PassageEmbeddings;
import org.knowledgehub.search.QueryAnalysis;
import org.knowledgehub.search.SearchQuery;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.security.VisibleGraphs;
import org.springframework.stereotype.Component;

/**
 * Answers a question from the passages the caller may see: hybrid search finds candidates; in
 * each, the sentence(s) closest to the question become the quote; near-duplicates are merged,
 * candidates of one document grouped, and figures that disagree flagged. Whether the best answer
 * is good enough is decided by the quote's similarity to the question (a threshold calibrated on
 * the benchmark), so a question the corpus cannot answer gets "no good answer".
 */
@Component
public class AnswerFinder {

    /** Passages whose sentences are embedded to pick quotes: the top of the fused ranking. */
    private static final int QUOTED = 12;
    private static final int MAX_SENTENCES = 8;
    private static final int MORE_PER_DOCUMENT = 3;
    private static final double DUPLICATE_JACCARD = 0.6;

    private final HybridSearch search;
    private final PassageEmbeddings embeddings;
    private final DocumentRecords records;
    private final QuestionsProperties properties;
    private final FigureClaims figures;

    AnswerFinder(HybridSearch search, PassageEmbeddings embeddings, DocumentRecords records, QuestionsProperties properties,
                 FigureClaims figures) {
        this.figures = figures;
        this.search = search;
        this.embeddings = embeddings;
        this.records = records;
        this.properties = properties;
    }

    /**
     * @param concepts IRIs of concepts the asker named (sectors, areas, population) besides those
     *                 found in the text
     * @param years    years of the asked period
     * @param groups   most document groups to return
     */
    public Answers answer(String text, Collection<String> concepts, Collection<Integer> years, VisibleGraphs visible,
                          int groups) {
        return answer(analyse(text, concepts, years), visible, groups);
    }

    Answers answer(QueryAnalysis a, VisibleGraphs visible, int groups) {
        return answer(a, HybridSearch.Ranker.HYBRID, SearchQuery.unfiltered(), visible, groups);
    }

    Answers answer(QueryAnalysis a, HybridSearch.Ranker ranker, SearchQuery filters, VisibleGraphs visible, int groups) {
        List<HybridSearch.Hit> hits = search.search(a, ranker, filters, visible, Math.max(QUOTED, groups * 3));
        Map<String, DocumentSummary> documents = new HashMap<>();
        List<Answer> ranked = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            HybridSearch.Hit h = hits.get(i);
            ranked.add(toAnswer(a, h, i < QUOTED, documents));
        }
        List<Answer> grouped = group(merge(ranked), groups);
        boolean confident = !grouped.isEmpty() && confident(a, grouped.getFirst());
        List<Answer.Entity> concepts = a.concepts().stream().map(c -> new Answer.Entity(c.uri(), c.code(), c.label())).toList();
        return new Answers(a.text(), confident, concepts, a.years(), grouped, conflicts(ranked));
    }

    /** One passage as a candidate of an analysed question (a reviewed one the ranking missed). */
    Optional<Answer> candidate(QueryAnalysis a, String passage, VisibleGraphs visible) {
        return search.passage(passage, visible)
                .map(p -> toAnswer(a, new HybridSearch.Hit(p, p.text(), 0, Map.of(), null), true, new HashMap<>()));
    }

    /** The search's ranking as passage keys, for the benchmark (no quotes, no grouping). */
    public List<String> rank(QueryAnalysis a, HybridSearch.Ranker ranker, VisibleGraphs visible, int n) {
        return search.search(a, ranker, SearchQuery.unfiltered(), visible, n).stream().map(h -> h.passage().passageUri()).toList();
    }

    public QueryAnalysis analyse(String text) {
        return analyse(text, List.of(), List.of());
    }

    QueryAnalysis analyse(String text, Collection<String> concepts, Collection<Integer> years) {
        return search.analyse(text, concepts, years);
    }

    /**
     * Whether the best answer is good enough to be called an answer: its quote is close enough to
     * the question (or, without embeddings, it has enough of the question's words), and when the
     * question names years, the passage speaks of one of them (a 2023 question is not answered
     * by 2022 figures, however similar they read), and when it names indicators, the passage
     * speaks of one of them (a question on food insecurity is not answered by a passage on the
     * share below the SMEB).
     */
    boolean confident(QueryAnalysis a, Answer best) {
        if (!a.years().isEmpty() && a.years().stream().noneMatch(best.mentions().years()::contains)) {
            return false;
        }
        List<String> indicators = a.concepts().stream().filter(c -> c.field().equals("indicator")).map(QueryAnalysis.Concept::code).toList();
        if (!indicators.isEmpty() && indicators.stream().noneMatch(best.mentions().indicators()::contains)) {
            return false;
        }
        if (best.why().similarity() != null) {
            return best.why().similarity() >= properties.minSimilarity();
        }
        return !a.terms().isEmpty() && (double) best.why().terms().size() / a.terms().size() >= properties.minCoverage();
    }

    private Answer toAnswer(QueryAnalysis a, HybridSearch.Hit h, boolean quoted, Map<String, DocumentSummary> documents) {
        IndexedPassage p = h.passage();
        Answer.Quote quote = new Answer.Quote(p.text(), p.start(), p.end());
        Double similarity = h.similarity();
        if (quoted && a.vector() != null) {
            Quoted best = bestSentences(a.vector(), p);
            quote = best.quote();
            similarity = best.similarity();
        }
        Set<String> passageTerms = new HashSet<>(search.terms(p.text()));
        List<String> terms = a.terms().stream().filter(passageTerms::contains).toList();
        List<Answer.Entity> entities = a.concepts().stream().filter(c -> mentions(p, c))
                .map(c -> new Answer.Entity(c.uri(), c.code(), c.label())).toList();
        Map<String, Integer> ranks = new TreeMap<>();
        h.ranks().forEach((r, n) -> ranks.put(r.name().toLowerCase(Locale.ROOT), n));
        DocumentSummary doc = documents.computeIfAbsent(p.documentId(), id -> records.summary(id).orElse(null));
        Answer.Provenance provenance = new Answer.Provenance(new Answer.PassageRef(p.passageUri(), p.start(), p.end()),
                new SearchResponse.SectionRef(p.sectionUri(), p.sectionTitle()), SearchResponse.DocumentRef.of(p), p.graph(),
                doc == null ? null : new Answer.Ingestion(doc.ingestion(), doc.ingestedAt()));
        return new Answer(p.passageUri(), h.score(), quote, p.text(), new Answer.Why(terms, entities, similarity, ranks), provenance,
                SearchResponse.Mentions.of(p), null, null, List.of(), List.of());
    }

    private static boolean mentions(IndexedPassage p, QueryAnalysis.Concept c) {
        return switch (c.field()) {
            case "area" -> p.areas().contains(c.code());
            case "sector" -> p.sectors().contains(c.code());
            case "population" -> p.populations().contains(c.code());
            case "indicator" -> p.indicators().contains(c.code());
            default -> p.organisations().contains(c.code());
        };
    }

    private record Quoted(Answer.Quote quote, double similarity) {
    }

    /** The sentence most similar to the question, with the next one when it is nearly as close. */
    private Quoted bestSentences(float[] question, IndexedPassage p) {
        List<int[]> spans = sentences(p.text());
        List<float[]> vectors = embeddings.embedAll(spans.stream().map(s -> p.text().substring(s[0], s[1])).toList());
        int best = 0;
        double bestSim = -1;
        double[] sims = new double[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            sims[i] = PassageEmbeddings.cosine(question, vectors.get(i));
            if (sims[i] > bestSim) {
                bestSim = sims[i];
                best = i;
            }
        }
        int end = spans.get(best)[1];
        if (best + 1 < spans.size() && sims[best + 1] >= 0.9 * bestSim) {
            end = spans.get(best + 1)[1];
        }
        int start = spans.get(best)[0];
        return new Quoted(new Answer.Quote(p.text().substring(start, end), p.start() + start, p.start() + end), bestSim);
    }

    /** Sentences (and table rows, list items: lines) of a passage as offsets, at most a few. */
    static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        int lineStart = 0;
        while (lineStart < text.length() && out.size() < MAX_SENTENCES) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            it.setText(line);
            int s = it.first();
            for (int e = it.next(); e != BreakIterator.DONE && out.size() < MAX_SENTENCES; s = e, e = it.next()) {
                int a = lineStart + s;
                int b = lineStart + e;
                while (a < b && Character.isWhitespace(text.charAt(a))) a++;
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) b--;
                if (b - a > 1) {
                    out.add(new int[]{a, b});
                }
            }
            lineStart = lineEnd + 1;
        }
        if (out.isEmpty()) {
            out.add(new int[]{0, text.length()});
        }
        return out;
    }

    /** Near-identical passages (other versions of the same text) become one answer. */
    private static List<Answer> merge(List<Answer> ranked) {
        List<Answer> out = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        for (Answer a : ranked) {
            Set<String> s = shingles(a.text());
            int same = -1;
            for (int i = 0; i < out.size(); i++) {
                if (jaccard(s, shingles.get(i)) >= DUPLICATE_JACCARD) {
                    same = i;
                    break;
                }
            }
            if (same < 0) {
                out.add(a);
                shingles.add(s);
            } else {
                Answer kept = out.get(same);
                List<Answer.Duplicate> d = new ArrayList<>(kept.duplicates());
                d.add(new Answer.Duplicate(a.passage(), a.provenance().document()));
                out.set(same, kept.withDuplicates(d));
            }
        }
        return out;
    }

    /** The best candidate of each document in rank order, its document's next ones under it. */
    private static List<Answer> group(List<Answer> ranked, int groups) {
        Map<String, List<Answer>> byDocument = new LinkedHashMap<>();
        for (Answer a : ranked) {
            byDocument.computeIfAbsent(a.provenance().document().id(), k -> new ArrayList<>()).add(a);
        }
        return byDocument.values().stream().limit(groups)
                .map(list -> list.getFirst().withMore(list.subList(1, Math.min(list.size(), 1 + MORE_PER_DOCUMENT))))
                .toList();
    }

    /**
     * Candidates whose sentences give different figures for the same indicator, area and year:
     * shown side by side, for a person to judge (see {@link FigureClaims} for what counts as a claim).
     */
    private List<Answers.Conflict> conflicts(List<Answer> ranked) {
        Map<List<Object>, Map<String, Answers.Figure>> byKey = new LinkedHashMap<>();
        for (Answer a : ranked) {
            String date = a.provenance().document().date();
            int documentYear = date == null || date.length() < 4 ? 0 : Integer.parseInt(date.substring(0, 4));
            for (FigureClaims.Claim c : figures.in(a.text(), documentYear)) {
                byKey.computeIfAbsent(List.of(c.indicator(), c.area(), c.year()), k -> new LinkedHashMap<>())
                        .putIfAbsent(c.value(), new Answers.Figure(c.value(), a.passage(), c.sentence(), a.provenance().document().id()));
            }
        }
        List<Answers.Conflict> out = new ArrayList<>();
        byKey.forEach((key, values) -> {
            if (values.size() > 1) {
                out.add(new Answers.Conflict((String) key.get(0), (String) key.get(1), (Integer) key.get(2), List.copyOf(values.values())));
            }
        });
        return out;
    }

    private static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < words.length; i++) {
            out.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        }
        if (out.isEmpty()) {
            out.add(String.join(" ", Arrays.asList(words)));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        int union = a.size() + b.size() - inter.size();
        return union == 0 ? 0 : (double) inter.size() / union;
    }
}
