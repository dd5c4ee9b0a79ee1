package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DemoCatalog;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.search.MultilingualNotes;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.GraphAccess;
import org.knowledgehub.store.GraphCatalog;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The multilingual answer benchmark: the questions of {@code multilingual/questions.tsv} (Arabic,
 * French, and English ones answered by Arabic and French notes) answered over the multilingual
 * notes and the demo corpus, as {@code /api/ask} answers them. Per (question language, note
 * language): Success@5 (the expected note's passage among the first five candidates), quote-level
 * Success@5 (a quote of the first five holds the evidence phrase, in the note's language) and
 * answered confidently; and the questions no note answers that got no confident answer. Judged as
 * {@link RealQuestionsBenchmark} judges. The corpus is the demo corpus and the notes: documents
 * other test classes of the JVM uploaded into the shared service are left out, so that the
 * figures do not depend on which tests ran before.
 */
class MultilingualAnswersTest extends HubTest {

    @Autowired
    AnswerFinder finder;
    @Autowired
    AccessPolicy access;
    @Autowired
    PassageVectors vectors;
    @Autowired
    GraphCatalog catalog;

    /** The graphs of {@code visible} but those of documents (and statements about documents) outside the benchmark's corpus. */
    private VisibleGraphs benchmarkCorpus(VisibleGraphs visible, Map<String, String> notes) throws IOException {
        Set<String> corpus = new HashSet<>(notes.values());
        DemoCatalog.rows().forEach(row -> corpus.add(DocumentIds.forSource(row[0])));
        Set<String> held = catalog.all().stream().map(GraphAccess::documentId).filter(Objects::nonNull).collect(Collectors.toSet());
        assertThat(held).as("the demo corpus and the notes, all ingested").containsAll(corpus);
        return new VisibleGraphs(visible.graphs().stream().filter(g -> inCorpus(g, corpus)).collect(Collectors.toSet()));
    }

    private boolean inCorpus(Node graph, Set<String> corpus) {
        return catalog.get(graph).map(a -> a.documentId() != null ? corpus.contains(a.documentId())
                : a.governedBy() == null || inCorpus(a.governedBy(), corpus)).orElse(true);
    }

    private record Asked(RealQuestionsBenchmark.Question question, String pair) {
    }

    @Test
    void arabicAndFrenchQuestionsAreAnsweredWithQuotesInTheNotesLanguage() throws IOException {
        Map<String, String> notes = MultilingualNotes.ingest(admin());
        VisibleGraphs all = benchmarkCorpus(access.visibleTo(new Caller("benchmark", Set.of(Role.ADMIN), null, Set.of())), notes);
        vectors.awaitIdle();
        List<Asked> questions = questions(notes, "questions.tsv");
        assertThat(questions.stream().filter(q -> q.pair().startsWith("ar ->"))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(questions.stream().filter(q -> q.pair().startsWith("fr ->"))).hasSizeGreaterThanOrEqualTo(10);
        List<String> misses = new ArrayList<>();
        Map<String, List<RealQuestionsBenchmark.Outcome>> byPair = answer(questions, all, misses);
        List<RealQuestionsBenchmark.Outcome> cross = outcomes(byPair, p -> !p.endsWith("none") && !p.split(" -> ")[0].equals(p.split(" -> ")[1]));
        List<RealQuestionsBenchmark.Outcome> unanswerable = outcomes(byPair, p -> p.endsWith("-> none"));
        // Questions written after the tuning, with notes of their own: reported, not tuned on.
        List<String> heldOutMisses = new ArrayList<>();
        Map<String, List<RealQuestionsBenchmark.Outcome>> heldOut = answer(questions(notes, "questions-held-out.tsv"), all, heldOutMisses);
        System.out.println(table("Multilingual answers", byPair) + "Misses:\n" + String.join("\n", misses)
                + table("Multilingual answers, held-out questions (questions-held-out.tsv)", heldOut)
                + "Misses:\n" + String.join("\n", heldOutMisses));
        assertThat(outcomes(heldOut, p -> true)).hasSizeGreaterThanOrEqualTo(14);

        List<RealQuestionsBenchmark.Outcome> arabic = byPair.get("ar -> ar");
        List<RealQuestionsBenchmark.Outcome> french = byPair.get("fr -> fr");
        String missed = "; misses:\n" + String.join("\n", misses);
        // The issue's bars for search (same-language Arabic >= 0.9, cross-language >= 0.8), applied to answers.
        assertThat(share(arabic, RealQuestionsBenchmark.Outcome::strict)).as("Arabic to Arabic Success@5" + missed).isGreaterThanOrEqualTo(0.9);
        assertThat(share(arabic, RealQuestionsBenchmark.Outcome::quote)).as("Arabic quote-level Success@5" + missed).isGreaterThanOrEqualTo(0.9);
        assertThat(share(arabic, RealQuestionsBenchmark.Outcome::confident)).as("Arabic answered confidently" + missed).isGreaterThanOrEqualTo(0.9);
        assertThat(share(french, RealQuestionsBenchmark.Outcome::strict)).as("French to French Success@5" + missed).isGreaterThanOrEqualTo(0.9);
        assertThat(share(french, RealQuestionsBenchmark.Outcome::quote)).as("French quote-level Success@5" + missed).isGreaterThanOrEqualTo(0.9);
        assertThat(share(french, RealQuestionsBenchmark.Outcome::confident)).as("French answered confidently" + missed).isGreaterThanOrEqualTo(0.8);
        assertThat(share(cross, RealQuestionsBenchmark.Outcome::strict)).as("cross-language Success@5" + missed).isGreaterThanOrEqualTo(0.8);
        assertThat(share(cross, RealQuestionsBenchmark.Outcome::quote)).as("cross-language quote-level Success@5" + missed).isGreaterThanOrEqualTo(0.8);
        // 3 of 4 now: "le prix du pain ... à Baalbek" uses words the hub holds ("prix", "pain" in English reports) of a subject it does not.
        assertThat(unanswerable.stream().filter(o -> !o.confident())).as("questions no note answers, not answered confidently" + missed)
                .hasSizeGreaterThanOrEqualTo(unanswerable.size() - 1);
    }

    private Map<String, List<RealQuestionsBenchmark.Outcome>> answer(List<Asked> questions, VisibleGraphs visible, List<String> misses) {
        Map<String, List<RealQuestionsBenchmark.Outcome>> byPair = new TreeMap<>();
        for (Asked q : questions) {
            Answers answers = finder.answer(q.question().text(), List.of(), List.of(), null, List.of(), visible, 10);
            RealQuestionsBenchmark.Outcome o = RealQuestionsBenchmark.judge(q.question(), answers);
            byPair.computeIfAbsent(q.pair(), k -> new ArrayList<>()).add(o);
            boolean answerable = q.question().answerable();
            if (answerable ? !(o.strict() && o.quote() && o.confident()) : o.confident()) {
                misses.add(String.format(Locale.ROOT, "%s [%s] strict=%s quote=%s confident=%s (%s) first documents: %s; first quote: %s",
                        q.question().text(), q.pair(), o.strict(), o.quote(), o.confident(), answers.reason(),
                        answers.answers().stream().limit(5).map(a -> a.provenance().document().title()).toList(),
                        answers.answers().isEmpty() ? "-" : answers.answers().getFirst().quote().text()));
            }
        }
        return byPair;
    }

    private static String table(String title, Map<String, List<RealQuestionsBenchmark.Outcome>> byPair) {
        StringBuilder table = new StringBuilder("\n" + title + "\n| question -> note | questions | Success@5 | "
                + "quote-level Success@5 | answered confidently |\n|---|---|---|---|---|\n");
        byPair.forEach((pair, list) -> {
            if (!pair.endsWith("-> none")) {
                table.append(row(pair, list));
            }
        });
        List<RealQuestionsBenchmark.Outcome> cross = outcomes(byPair, p -> !p.endsWith("none") && !p.split(" -> ")[0].equals(p.split(" -> ")[1]));
        List<RealQuestionsBenchmark.Outcome> same = outcomes(byPair, p -> p.split(" -> ")[0].equals(p.split(" -> ")[1]));
        List<RealQuestionsBenchmark.Outcome> unanswerable = outcomes(byPair, p -> p.endsWith("-> none"));
        table.append(row("all same-language", same)).append(row("all cross-language", cross));
        table.append(String.format(Locale.ROOT, "Questions no note answers without a confident answer: %d of %d%n",
                unanswerable.stream().filter(o -> !o.confident()).count(), unanswerable.size()));
        return table.toString();
    }

    private static List<RealQuestionsBenchmark.Outcome> outcomes(Map<String, List<RealQuestionsBenchmark.Outcome>> byPair, Predicate<String> pairs) {
        return byPair.entrySet().stream().filter(e -> pairs.test(e.getKey())).flatMap(e -> e.getValue().stream()).toList();
    }

    private static String row(String pair, List<RealQuestionsBenchmark.Outcome> list) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |%n", pair, list.size(), share(list, RealQuestionsBenchmark.Outcome::strict),
                share(list, RealQuestionsBenchmark.Outcome::quote), share(list, RealQuestionsBenchmark.Outcome::confident));
    }

    private static double share(List<RealQuestionsBenchmark.Outcome> list, Predicate<RealQuestionsBenchmark.Outcome> p) {
        return list.isEmpty() ? 0 : (double) list.stream().filter(p).count() / list.size();
    }

    /** The benchmark's questions, each with its (question language -> note language) pair; every evidence phrase stands in its note. */
    private static List<Asked> questions(Map<String, String> notes, String file) {
        List<Asked> out = new ArrayList<>();
        int n = 0;
        for (String line : MultilingualNotes.resource(file).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String note = cols[2].strip();
            boolean answerable = !note.equals("-");
            List<RealQuestionsBenchmark.Evidence> evidence = List.of();
            String noteLanguage = "none";
            if (answerable) {
                assertThat(RealQuestionsBenchmark.normalise(MultilingualNotes.resource(note)))
                        .as("evidence of " + cols[0]).contains(RealQuestionsBenchmark.normalise(cols[3].strip()));
                evidence = List.of(new RealQuestionsBenchmark.Evidence(notes.get(note), cols[3].strip()));
                noteLanguage = note.substring(note.lastIndexOf('-') + 1, note.lastIndexOf('.'));
            }
            out.add(new Asked(new RealQuestionsBenchmark.Question(file.substring(0, file.indexOf('.')) + "-" + ++n, "fact", cols[0].strip(), answerable, evidence),
                    cols[1].strip() + " -> " + noteLanguage));
        }
        return out;
    }
}
