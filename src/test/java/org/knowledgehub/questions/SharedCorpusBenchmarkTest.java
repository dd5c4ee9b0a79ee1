package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.BulkReport;
import org.knowledgehub.ingest.ConsentRecord;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.ingest.IngestRequest;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The research-question benchmark over real documents ({@code bin/kh eval shared}): the VASyR
 * reports, IMWG minutes and field notes of {@code ../shared/corpus} are ingested with NLP (some
 * minutes), then the questions of {@code queries/benchmark/shared-questions.jsonl} go through
 * every ranking, over those documents only. Prints the same table as the demo benchmark and
 * writes {@code target/benchmark-shared-questions.md}. Tagged "benchmark": the normal test run
 * leaves it out; without the shared folder it is skipped.
 */
@Tag("benchmark")
class SharedCorpusBenchmarkTest extends HubTest {

    static final Path CORPUS = Path.of("../shared/corpus");
    static final Path QUESTIONS = Path.of("queries/benchmark/shared-questions.jsonl");

    @Autowired
    IngestService ingest;
    @Autowired
    PassageVectors vectors;
    @Autowired
    AnswerFinder finder;
    @Autowired
    HybridSearch search;
    @Autowired
    AccessPolicy access;
    @Autowired
    Uris uris;

    @Test
    void rankingsOnTheSharedCorpus() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS),
                "SKIPPED: " + CORPUS + " not present (the shared folder is not part of the project)");
        List<Path> files = files();
        long t0 = System.nanoTime();
        BulkReport report = ingest.ingestAll(files.stream().map(SharedCorpusBenchmarkTest::source).toList(),
                (done, total, source, outcome, failure) -> System.out.printf("[%d/%d] %s%s%n", done, total, source,
                        failure == null ? "" : ": FAILED " + failure));
        System.out.printf("Ingested %s: %d documents, %d passages in %.0f s%n", CORPUS, report.documents(), report.passages(),
                (System.nanoTime() - t0) / 1e9);
        assertThat(report.failures()).as("documents of the shared corpus that failed to ingest").isEmpty();

        VisibleGraphs shared = graphs(files);
        List<RankingBenchmark.Judged> questions = RankingBenchmark.load(QUESTIONS, uris);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(12);
        // Keys are passage numbers: a change of segmentation moves them, and the judgements must be redone.
        List<String> missing = questions.stream().flatMap(q -> q.grades().keySet().stream())
                .filter(p -> search.passage(p, shared).isEmpty()).distinct().toList();
        assertThat(missing).as("judged passages that no longer exist (segmentation changed? see queries/benchmark/README.md)")
                .isEmpty();

        vectors.awaitIdle();
        RankingBenchmark.Scores scores = RankingBenchmark.score(questions, finder, shared);
        String table = RankingBenchmark.table("Research-question benchmark over ../shared/corpus", scores);
        System.out.println(table);
        System.out.println("Best quote similarity per question: " + String.join("; ", scores.similarities()));
        Files.writeString(Path.of("target/benchmark-shared-questions.md"), table);
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Source names relative to the corpus folder, typed by their folder: what {@code bin/kh ingest} does. */
    private static String name(Path file) {
        return CORPUS.relativize(file).toString().replace('\\', '/');
    }

    private static IngestService.Source source(Path file) {
        String name = name(file);
        DocumentType type = switch (name.substring(0, Math.max(0, name.indexOf('/')))) {
            case "minutes" -> DocumentType.MINUTES;
            case "assessments" -> DocumentType.ASSESSMENT;
            case "field-notes" -> DocumentType.FIELD_NOTE;
            default -> null;
        };
        return new IngestService.Source(name, () -> {
            try {
                // Published reports, articles and a blog filed as field notes: nothing in them was collected from
                // people by the hub's users, so the names of their authors and officials are masked without a consent.
                ConsentRecord published = type == DocumentType.FIELD_NOTE ? new ConsentRecord(false, null, null, false) : null;
                return new IngestRequest(Files.readAllBytes(file), name, null, type, null, null, null, "benchmark", null, null,
                        published, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private VisibleGraphs graphs(List<Path> files) {
        Set<Node> graphs = new HashSet<>(files.stream().map(f -> uris.documentGraph(DocumentIds.forSource(name(f)))).toList());
        graphs.retainAll(access.visibleTo(new Caller("benchmark", Set.of(Role.ADMIN), null, Set.of())).graphs());
        assertThat(graphs).hasSizeGreaterThanOrEqualTo(files.size() / 2);
        return new VisibleGraphs(graphs);
    }
}
