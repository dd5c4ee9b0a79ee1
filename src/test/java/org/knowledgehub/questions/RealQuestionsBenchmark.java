package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.PassageEmbeddings;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The research-question benchmark over real documents ({@code bin/kh eval shared}): the 27
 * documents of {@code ../shared/corpus} are ingested with NLP, then the questions of
 * {@code queries/benchmark/real-questions.jsonl} (written by reading those documents, each with the
 * phrases that answer it) are answered three ways in one run: BM25, the previous ranking (hybrid
 * search with the nearest sentence as quote) and the hub's answers as {@code /api/ask} gives them.
 * Per kind of question: strict Success@5 (an evidence phrase inside one of the first five
 * candidates' own passage or quote), quote-level Success@5 (inside a quote), answerable questions
 * answered confidently, and questions without an answer that got no confident answer. Prints the
 * table and writes {@code target/benchmark-real-questions.md}; tagged "benchmark", skipped without
 * the shared folder.
 */
@Tag("benchmark")
class RealQuestionsBenchmark extends HubTest {

    static final Path QUESTIONS = Path.of("queries/benchmark/real-questions.jsonl");
    private static final char MASK = '\u2588';
    /** A span the hub masked, as the normalised text shows it: "[name████]" or a bare run of boxes. */
    private static final Pattern MASKED = Pattern.compile("\\[[a-z]+\u2588*\\]|\u2588+");
    private static final int TOP = 5;

    @Autowired
    IngestService ingest;
    @Autowired
    PassageVectors vectors;
    @Autowired
    AnswerFinder finder;
    @Autowired
    HybridSearch search;
    @Autowired
    PassageEmbeddings embeddings;
    @Autowired
    QuestionsProperties properties;
    @Autowired
    AccessPolicy access;
    @Autowired
    Uris uris;

    /** A question with the phrases that answer it, each in a named document. */
    record Question(String id, String kind, String text, boolean answerable, List<Evidence> evidence) {

        int number() {
            return Integer.parseInt(id.replaceAll("\\D", ""));
        }

        /** The kind the report groups it under: who, where and when questions together. */
        String group() {
            return switch (kind) {
                case "who", "where", "when" -> "who/where/when";
                default -> kind;
            };
        }
    }

    record Evidence(String documentId, String text) {
    }

    /** How one way of answering did on one question. */
    record Outcome(Question question, boolean strict, boolean quote, boolean confident) {
    }

    @Test
    void answersOnTheRealDocuments() throws Exception {
        Assumptions.assumeTrue(SharedCorpus.present(), "SKIPPED: " + SharedCorpus.FOLDER
                + " not present (the shared folder is not part of the project)");
        VisibleGraphs shared = SharedCorpus.withTables(SharedCorpus.ingest(ingest, access, uris), importTables());
        List<Question> questions = load();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(60);
        assertThat(questions.stream().filter(q -> !q.answerable())).hasSizeGreaterThanOrEqualTo(12);
        checkEvidence(questions);
        vectors.awaitIdle();

        Map<String, Function<String, Answers>> ways = new LinkedHashMap<>();
        double min = properties.minSimilarity();
        ways.put("BM25", q -> PreviousAnswers.answer(finder, search, embeddings, min, q, HybridSearch.Ranker.BM25, shared, 10));
        ways.put("previous ranking", q -> PreviousAnswers.answer(finder, search, embeddings, min, q, HybridSearch.Ranker.HYBRID,
                shared, 10));
        ways.put("answers", q -> finder.answer(q, List.of(), List.of(), null, List.of(), shared, 10));
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        ways.forEach((name, way) -> {
            List<Outcome> list = new ArrayList<>();
            for (Question q : questions) {
                Answers a = way.apply(q.text());
                Outcome o = judge(q, a);
                list.add(o);
                detail.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\tstrict=%s quote=%s confident=%s\t%s%n", name, q.id(), q.kind(),
                        q.answerable() ? "A" : "U", o.strict(), o.quote(), o.confident(), describe(q, a)));
            }
            outcomes.put(name, list);
        });
        String table = table(outcomes) + latency(questions, shared);
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-real-questions.md"), table);
        Files.writeString(Path.of("target/benchmark-real-questions-detail.tsv"), detail.toString());
    }

    /**
     * Answering cost once warm, over the real documents: a full answer as /api/ask computes it
     * against the plain BM25 ranking of the same question, 3 rounds after a warm-up round.
     */
    private String latency(List<Question> questions, VisibleGraphs shared) {
        List<Long> answer = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (Question q : questions) {
                long t0 = System.nanoTime();
                finder.answer(q.text(), List.of(), List.of(), null, List.of(), shared, 10);
                long answered = System.nanoTime() - t0;
                var a = finder.analyse(q.text());
                long t1 = System.nanoTime();
                finder.rank(a, HybridSearch.Ranker.BM25, shared, 10);
                long ranked = System.nanoTime() - t1;
                if (round > 0) {
                    answer.add(answered);
                    plain.add(ranked);
                }
            }
        }
        return String.format(Locale.ROOT, "%nanswering a question over the real documents, warm: p50 %.0f ms, p90 %.0f ms; "
                + "the plain BM25 ranking of it: p50 %.1f ms%n", percentile(answer, 50), percentile(answer, 90), percentile(plain, 50));
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    /** The answer's understanding, reason and first candidates; a candidate whose passage holds evidence that its quote misses shows the passage. */
    private static String describe(Question q, Answers a) {
        StringBuilder sb = new StringBuilder();
        if (a.understanding() != null) {
            sb.append("[").append(a.understanding().summary()).append("] ");
        }
        if (a.reason() != null) {
            sb.append("{").append(a.reason()).append("} ");
        }
        a.answers().stream().limit(TOP).forEach(x -> sb.append(x.provenance().document().id()).append(" ").append(x.origin())
                .append(x.why().similarity() == null ? "" : String.format(Locale.ROOT, " %.2f", x.why().similarity()))
                .append(x.why().constraints() == null ? "" : " " + x.why().constraints().stream()
                        .filter(c -> !c.verdict().equals("met")).map(c -> c.type() + ":" + c.verdict()).toList()).append(" | ")
                .append(x.quote().text().replace('\n', ' ').replace('\t', ' '))
                .append(quoteMisses(q, x) ? " <<evidence in passage: " + x.text().replace('\n', ' ').replace('\t', ' ') + ">>" : "")
                .append(" || "));
        return sb.toString();
    }

    private static boolean quoteMisses(Question q, Answer a) {
        return q.evidence().stream().anyMatch(e -> e.documentId().equals(a.provenance().document().id())
                && containsMasked(normalise(a.text()), normalise(e.text())) && !containsMasked(normalise(a.quote().text()), normalise(e.text())));
    }

    /**
     * The VASyR vault tables of the indicators the questions name (households below the SMEB, food
     * insecurity), imported as the admin would, so that indicator questions are answered from the
     * Data Cube too; none when the shared data folder is absent. Returns the graphs of the tables.
     */
    private List<String> importTables() throws Exception {
        List<String> graphs = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("economic_vulnerability__ec3.xlsx", "2018");
        files.put("economic_vulnerability__Vault_MEB_SMEB.xlsx", "2019");
        files.put("economic_vulnerability__Vault_Econ_Vuln2_2020.xlsx", "2020");
        files.put("food_security__Vault_Food_Security_2020.xlsx", "2020");
        files.put("vasyr_vault_2022__Food_Security_Final_2022.xlsx", "2022");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = SharedCorpus.TABLES.resolve(f.getKey());
            if (!Files.exists(file)) {
                continue;
            }
            var r = admin().upload("/api/indicators/import", f.getKey(), Files.readAllBytes(file),
                    Map.of("year", f.getValue(), "source", "VASyR " + f.getValue() + " vault, UNHCR/UNICEF/WFP",
                            "population", "syrian-refugees"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            r.json().get("tables").forEach(t -> graphs.add(t.get("graph").asString()));
        }
        return graphs;
    }

    /** Strict and quote-level success over the first {@link #TOP} candidates, and whether the answer was confident. */
    static Outcome judge(Question q, Answers answers) {
        boolean strict = false;
        boolean quote = false;
        for (Answer a : answers.answers().stream().limit(TOP).toList()) {
            String document = a.provenance().document().id();
            String text = normalise(a.text());
            String quoted = normalise(a.quote().text());
            for (Evidence e : q.evidence()) {
                if (!e.documentId().equals(document)) {
                    continue;
                }
                String phrase = normalise(e.text());
                if (containsMasked(quoted, phrase)) {
                    quote = true;
                    strict = true;
                } else if (containsMasked(text, phrase)) {
                    strict = true;
                }
            }
        }
        return new Outcome(q, strict, quote, answers.confident());
    }

    /** Case, spacing, dashes and quotation marks folded: how evidence phrases are compared with the hub's text. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("\u00ad", "")
                .replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"').replaceAll("[\u2010-\u2015]", "-");
        return n.replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether a text holds a phrase, a span the hub masked standing for what it masks: a private name
     * becomes a box of its own length ("[name████]"), so the phrase that names the person still lines up.
     */
    static boolean containsMasked(String text, String phrase) {
        if (text.contains(phrase)) {
            return true;
        }
        if (text.indexOf(MASK) < 0) {
            return false;
        }
        boolean[] masked = new boolean[text.length()];
        Matcher m = MASKED.matcher(text);
        while (m.find()) {
            Arrays.fill(masked, m.start(), m.end(), true);
        }
        for (int i = 0; i + phrase.length() <= text.length(); i++) {
            int j = 0;
            while (j < phrase.length() && (masked[i + j] || text.charAt(i + j) == phrase.charAt(j))) {
                j++;
            }
            if (j == phrase.length()) {
                return true;
            }
        }
        return false;
    }

    /** Every evidence phrase must stand in its document's extracted text, or the judgement is void. */
    private void checkEvidence(List<Question> questions) {
        Map<String, String> texts = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Question q : questions) {
            for (Evidence e : q.evidence()) {
                String text = texts.computeIfAbsent(e.documentId(),
                        id -> normalise(admin().get("/api/documents/" + id + "/text").text()));
                if (!containsMasked(text, normalise(e.text()))) {
                    missing.add(q.id() + ": " + e.text());
                }
            }
        }
        assertThat(missing).as("evidence phrases not found in their document's extracted text").isEmpty();
    }

    private static List<Question> load() throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        List<Question> out = new ArrayList<>();
        for (String line : Files.readAllLines(QUESTIONS)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = mapper.readTree(line);
            List<Evidence> evidence = new ArrayList<>();
            for (JsonNode e : q.get("evidence")) {
                evidence.add(new Evidence(SharedCorpus.documentId(e.get("source").asString()), e.get("text").asString()));
            }
            out.add(new Question(q.get("id").asString(), q.get("kind").asString(), q.get("question").asString(),
                    q.get("answerable").asBoolean(), evidence));
        }
        return out;
    }

    private static String table(Map<String, List<Outcome>> outcomes) {
        List<Question> questions = outcomes.values().iterator().next().stream().map(Outcome::question).toList();
        List<String> groups = questions.stream().map(Question::group).distinct().toList();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nResearch questions over ../shared/corpus: %d questions (%d answerable, %d without an answer in the documents)%n%n"
                        + "| way | questions | strict Success@5 | quote-level Success@5 | answerable answered confidently | "
                        + "unanswerable not answered confidently |%n|---|---|---|---|---|---|%n",
                questions.size(), questions.stream().filter(Question::answerable).count(),
                questions.stream().filter(q -> !q.answerable()).count()));
        outcomes.forEach((way, list) -> {
            out.append(row(way, "all", list, o -> true));
            out.append(row(way, "odd-numbered", list, o -> o.question().number() % 2 == 1));
            out.append(row(way, "even-numbered", list, o -> o.question().number() % 2 == 0));
        });
        out.append(String.format(Locale.ROOT, "%n| way | kind | answerable | strict Success@5 | quote-level Success@5 | "
                + "answered confidently |%n|---|---|---|---|---|---|%n"));
        outcomes.forEach((way, list) -> groups.forEach(g -> {
            List<Outcome> of = list.stream().filter(o -> o.question().answerable() && o.question().group().equals(g)).toList();
            if (!of.isEmpty()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f |%n", way, g, of.size(),
                        share(of, Outcome::strict), share(of, Outcome::quote), share(of, Outcome::confident)));
            }
        }));
        return out.toString();
    }

    private static String row(String way, String subset, List<Outcome> all, Predicate<Outcome> include) {
        List<Outcome> list = all.stream().filter(include).toList();
        List<Outcome> answerable = list.stream().filter(o -> o.question().answerable()).toList();
        List<Outcome> unanswerable = list.stream().filter(o -> !o.question().answerable()).toList();
        return String.format(Locale.ROOT, "| %s | %s (%d) | %.2f | %.2f | %.2f | %.2f |%n", way, subset, list.size(),
                share(answerable, Outcome::strict), share(answerable, Outcome::quote), share(answerable, Outcome::confident),
                share(unanswerable, o -> !o.confident()));
    }

    private static double share(List<Outcome> list, Predicate<Outcome> p) {
        return list.isEmpty() ? 0 : (double) list.stream().filter(p).count() / list.size();
    }
}
