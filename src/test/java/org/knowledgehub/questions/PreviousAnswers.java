package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.PassageEmbeddings;
import org.knowledgehub.search.QueryAnalysis;
import org.knowledgehub.search.SearchQuery;
import org.knowledgehub.security.VisibleGraphs;

/**
 * The answers as the hub gave them before it understood questions, kept as the benchmarks'
 * baselines: one ranking (BM25, or hybrid search as it was), the sentence nearest to the question
 * as the quote (with the next one when nearly as near), no constraints, nothing from the graph,
 * and "confident" when the quote is close enough to the question and the passage speaks of the
 * question's years and indicators.
 */
final class PreviousAnswers {

    private static final int QUOTED = 12;

    private PreviousAnswers() {
    }

    static Answers answer(AnswerFinder finder, HybridSearch search, PassageEmbeddings embeddings, double minSimilarity,
                          String text, HybridSearch.Ranker ranker, VisibleGraphs visible, int groups) {
        QueryAnalysis a = finder.analyse(text);
        List<HybridSearch.Hit> hits = search.search(a, ranker, SearchQuery.unfiltered(), visible, Math.max(QUOTED, groups * 3));
        List<Answer> ranked = new ArrayList<>();
        var documents = new HashMap<String, org.knowledgehub.ingest.DocumentSummary>();
        for (int i = 0; i < hits.size(); i++) {
            HybridSearch.Hit h = hits.get(i);
            QuoteFinder.Quoted quoted = i < QUOTED && a.vector() != null ? nearest(embeddings, a.vector(), h.passage()) : null;
            ranked.add(finder.toAnswer(a, h, quoted, List.of(), documents));
        }
        List<Answer> grouped = AnswerFinder.group(AnswerFinder.merge(ranked), groups);
        boolean confident = !grouped.isEmpty() && confident(a, grouped.getFirst(), minSimilarity);
        return new Answers(text, confident, null, null, List.of(), a.years(), grouped, List.of());
    }

    private static boolean confident(QueryAnalysis a, Answer best, double minSimilarity) {
        if (!a.years().isEmpty() && a.years().stream().noneMatch(best.mentions().years()::contains)) {
            return false;
        }
        List<String> indicators = a.concepts().stream().filter(c -> c.field().equals("indicator")).map(QueryAnalysis.Concept::code).toList();
        if (!indicators.isEmpty() && indicators.stream().noneMatch(best.mentions().indicators()::contains)) {
            return false;
        }
        return best.why().similarity() != null && best.why().similarity() >= minSimilarity;
    }

    /** The sentence most similar to the question, with the next one when it is nearly as close. */
    private static QuoteFinder.Quoted nearest(PassageEmbeddings embeddings, float[] question, IndexedPassage p) {
        List<int[]> spans = QuoteFinder.sentences(p.text());
        List<float[]> vectors = embeddings.embedAll(spans.stream().map(s -> p.text().substring(s[0], s[1])).toList());
        int best = 0;
        double[] sims = new double[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            sims[i] = PassageEmbeddings.cosine(question, vectors.get(i));
            if (sims[i] > sims[best]) {
                best = i;
            }
        }
        int end = spans.get(best)[1];
        if (best + 1 < spans.size() && sims[best + 1] >= 0.9 * sims[best]) {
            end = spans.get(best + 1)[1];
        }
        int start = spans.get(best)[0];
        return new QuoteFinder.Quoted(new Answer.Quote(p.text().substring(start, end), p.start() + start, p.start() + end), sims[best]);
    }
}
