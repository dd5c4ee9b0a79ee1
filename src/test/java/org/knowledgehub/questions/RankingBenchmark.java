package org.knowledgehub.questions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.QueryAnalysis;
import org.knowledgehub.search.SearchQuery;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A judged question set (the JSON lines of {@code queries/benchmark/}) run through every ranking
 * of {@link AnswerFinder}: Success@5, MRR@10 and nDCG@10 per ranking, and how often the hybrid
 * answer is confident, for questions with and without an answer. Shared by the demo benchmark
 * and the one over the real documents of {@code ../shared/corpus}.
 */
final class RankingBenchmark {

    /** One question with the grade (2 answers it, 1 related) of each judged passage IRI. */
    record Judged(String id, String text, boolean answerable, Map<String, Integer> grades) {
    }

    /**
     * How the rankings did on one question: Success@5, MRR@10 and nDCG@10 per ranking (answerable
     * questions only), whether the hybrid answer was confident and its best quote's similarity.
     */
    record Outcome(Judged question, Map<HybridSearch.Ranker, double[]> metrics, boolean confident, Double similarity) {
    }

    /** Means over the answerable questions of a set of outcomes, and the counts of confident answers. */
    record Scores(List<Outcome> outcomes) {

        Scores where(Predicate<Judged> include) {
            return new Scores(outcomes.stream().filter(o -> include.test(o.question())).toList());
        }

        long answerable() {
            return outcomes.stream().filter(o -> o.question().answerable()).count();
        }

        long unanswerable() {
            return outcomes.size() - answerable();
        }

        long unansweredRightly() {
            return outcomes.stream().filter(o -> !o.question().answerable() && !o.confident()).count();
        }

        long answeredConfidently() {
            return outcomes.stream().filter(o -> o.question().answerable() && o.confident()).count();
        }

        /** The mean of Success@5 (0), MRR@10 (1) or nDCG@10 (2) of a ranking over the answerable questions. */
        double mean(HybridSearch.Ranker r, int metric) {
            return outcomes.stream().filter(o -> o.question().answerable()).mapToDouble(o -> o.metrics().get(r)[metric])
                    .average().orElse(0);
        }

        double hybridToBm25() {
            return mean(HybridSearch.Ranker.HYBRID, 2) / mean(HybridSearch.Ranker.BM25, 2);
        }

        /** One line per answerable question: its id and the nDCG@10 of each ranking, to see where a change helps or hurts. */
        String perQuestion() {
            StringBuilder out = new StringBuilder("question");
            for (HybridSearch.Ranker r : HybridSearch.Ranker.values()) {
                out.append('\t').append(r.name().toLowerCase(Locale.ROOT));
            }
            out.append('\n');
            outcomes.stream().filter(o -> o.question().answerable()).forEach(o -> {
                out.append(o.question().id());
                for (HybridSearch.Ranker r : HybridSearch.Ranker.values()) {
                    out.append(String.format(Locale.ROOT, "\t%.3f", o.metrics().get(r)[2]));
                }
                out.append('\n');
            });
            return out.toString();
        }

        List<String> similarities() {
            return outcomes.stream().map(o -> String.format(Locale.ROOT, "%s %s %.3f", o.question().id(),
                    o.question().answerable() ? "A" : "U", o.similarity() == null ? -1 : o.similarity())).toList();
        }
    }

    private RankingBenchmark() {
    }

    /** The questions of a JSON lines file, judged passages keyed {@code sourceName#n} turned into passage IRIs. */
    static List<Judged> load(Path file, Uris uris) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<Judged> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = mapper.readTree(line);
            Map<String, Integer> grades = new HashMap<>();
            for (JsonNode j : q.get("judgements")) {
                grades.merge(passage(j.get("passage").asString(), uris), j.get("grade").asInt(), Math::max);
            }
            out.add(new Judged(q.get("id").asString(), q.get("question").asString(), q.get("answerable").asBoolean(), grades));
        }
        return out;
    }

    /** {@code sourceName#n} as the passage IRI the hub mints for it. */
    static String passage(String key, Uris uris) {
        int hash = key.lastIndexOf('#');
        return uris.passage(DocumentIds.forSource(key.substring(0, hash)), Integer.parseInt(key.substring(hash + 1)));
    }

    /** Every ranking of every question, over the passages of {@code visible}. */
    static Scores score(List<Judged> questions, AnswerFinder finder, VisibleGraphs visible) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Judged q : questions) {
            QueryAnalysis a = finder.analyse(q.text());
            Answers answers = finder.answer(a, HybridSearch.Ranker.HYBRID, SearchQuery.unfiltered(), visible, 10);
            Double similarity = answers.answers().isEmpty() ? null : answers.answers().getFirst().why().similarity();
            Map<HybridSearch.Ranker, double[]> metrics = new EnumMap<>(HybridSearch.Ranker.class);
            if (q.answerable()) {
                for (HybridSearch.Ranker r : HybridSearch.Ranker.values()) {
                    List<String> ranking = finder.rank(a, r, visible, 10);
                    metrics.put(r, new double[]{success(ranking, q.grades(), 5), reciprocalRank(ranking, q.grades()),
                            ndcg(ranking, q.grades(), 10)});
                }
            }
            outcomes.add(new Outcome(q, metrics, answers.confident(), similarity));
        }
        return new Scores(outcomes);
    }

    /** The Markdown table of the README and the lines under it. */
    static String table(String title, Scores s) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%s: %d questions (%d answerable, %d without an answer in the documents)%n"
                        + "| ranking | Success@5 | MRR@10 | nDCG@10 |%n|---|---|---|---|%n",
                title, s.outcomes().size(), s.answerable(), s.unanswerable()));
        for (HybridSearch.Ranker r : HybridSearch.Ranker.values()) {
            table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", r.name().toLowerCase(Locale.ROOT)
                    .replace("expanded", "bm25 + expansion"), s.mean(r, 0), s.mean(r, 1), s.mean(r, 2)));
        }
        table.append(String.format(Locale.ROOT, "%nhybrid nDCG@10 / BM25 nDCG@10: %.2f%n"
                        + "questions without an answer that got no confident answer: %d of %d (%.2f); "
                        + "answerable questions answered confidently: %d of %d (%.2f)%n",
                s.hybridToBm25(), s.unansweredRightly(), s.unanswerable(), ratio(s.unansweredRightly(), s.unanswerable()),
                s.answeredConfidently(), s.answerable(), ratio(s.answeredConfidently(), s.answerable())));
        return table.toString();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static double success(List<String> ranking, Map<String, Integer> grades, int k) {
        return ranking.stream().limit(k).anyMatch(p -> grades.getOrDefault(p, 0) >= 2) ? 1 : 0;
    }

    static double reciprocalRank(List<String> ranking, Map<String, Integer> grades) {
        for (int i = 0; i < Math.min(10, ranking.size()); i++) {
            if (grades.getOrDefault(ranking.get(i), 0) >= 2) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += (Math.pow(2, grades.getOrDefault(ranking.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).limit(k).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
