package org.knowledgehub.questions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.QueryAnalysis;
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
    record Outcome(Judged question, Map<String, double[]> metrics, boolean confident, Double similarity, String reason,
                   String best) {
    }

    /**
     * The rankings compared: the four of hybrid search, the answers as the hub gave them before it
     * understood questions ({@link PreviousAnswers}: hybrid search grouped by document) and as
     * {@code /api/ask} gives them now (the first passage of each document group in order, then the
     * groups' further ones).
     */
    static final List<String> RANKINGS = List.of("bm25", "bm25 + expansion", "dense", "hybrid", "previous answers", "answers");

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
        double mean(String r, int metric) {
            return outcomes.stream().filter(o -> o.question().answerable()).mapToDouble(o -> o.metrics().get(r)[metric])
                    .average().orElse(0);
        }

        double hybridToBm25() {
            return mean("hybrid", 2) / mean("bm25", 2);
        }

        /** One line per answerable question: its id and the nDCG@10 of each ranking, to see where a change helps or hurts. */
        String perQuestion() {
            StringBuilder out = new StringBuilder("question");
            for (String r : RANKINGS) {
                out.append('\t').append(r);
            }
            out.append('\n');
            outcomes.stream().filter(o -> o.question().answerable()).forEach(o -> {
                out.append(o.question().id());
                for (String r : RANKINGS) {
                    out.append(String.format(Locale.ROOT, "\t%.3f", o.metrics().get(r)[2]));
                }
                out.append('\n');
            });
            return out.toString();
        }

        /** Why each answerable question got no confident answer, and what answered the others confidently, for the log. */
        List<String> doubts() {
            return outcomes.stream().filter(o -> o.question().answerable() != o.confident())
                    .map(o -> o.question().id() + ": " + (o.confident() ? "confident with " + o.best() : o.reason())).toList();
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
    static Scores score(List<Judged> questions, AnswerFinder finder, java.util.function.Function<String, Answers> previous,
                        VisibleGraphs visible) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Judged q : questions) {
            QueryAnalysis a = finder.analyse(q.text());
            Answers answers = finder.answer(q.text(), List.of(), List.of(), null, List.of(), visible, 10);
            Double similarity = answers.answers().isEmpty() ? null : answers.answers().getFirst().why().similarity();
            Map<String, double[]> metrics = new LinkedHashMap<>();
            if (q.answerable()) {
                HybridSearch.Ranker[] rankers = HybridSearch.Ranker.values();
                for (int i = 0; i < rankers.length; i++) {
                    metrics.put(RANKINGS.get(i), metrics(finder.rank(a, rankers[i], visible, 10), q.grades()));
                }
                metrics.put("previous answers", metrics(passages(previous.apply(q.text())), q.grades()));
                metrics.put("answers", metrics(passages(answers), q.grades()));
            }
            String best = answers.answers().isEmpty() ? "" : answers.answers().getFirst().provenance().document().id() + ": "
                    + answers.answers().getFirst().quote().text();
            outcomes.add(new Outcome(q, metrics, answers.confident(), similarity, answers.reason(), best));
        }
        return new Scores(outcomes);
    }

    private static double[] metrics(List<String> ranking, Map<String, Integer> grades) {
        return new double[]{success(ranking, grades, 5), reciprocalRank(ranking, grades), ndcg(ranking, grades, 10)};
    }

    /** The passages of answers in the order a reader meets them: each document's first, then the others. */
    private static List<String> passages(Answers answers) {
        List<String> out = new ArrayList<>();
        answers.answers().stream().filter(a -> a.origin().equals("passage")).forEach(a -> out.add(a.passage()));
        answers.answers().forEach(a -> a.more().forEach(m -> out.add(m.passage())));
        return out;
    }

    /** The Markdown table of the README and the lines under it. */
    static String table(String title, Scores s) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%s: %d questions (%d answerable, %d without an answer in the documents)%n"
                        + "| ranking | Success@5 | MRR@10 | nDCG@10 |%n|---|---|---|---|%n",
                title, s.outcomes().size(), s.answerable(), s.unanswerable()));
        for (String r : RANKINGS) {
            table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", r, s.mean(r, 0), s.mean(r, 1), s.mean(r, 2)));
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
