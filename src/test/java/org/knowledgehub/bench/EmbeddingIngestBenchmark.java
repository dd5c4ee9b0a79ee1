package org.knowledgehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.ingest.BulkReport;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.search.PassageVectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What sentence embeddings cost at ingest ({@code bin/kh bench}): the same generated documents
 * ingested without NLP in one run, with embeddings off (the baseline) and on, each twice
 * (interleaved; the faster time counts). Embeddings are made after the commit, so two figures: the
 * ingest time (documents stored and searchable by their words) and the time until every passage
 * also has its vector; then the extra size of the search
 * index per 10,000 passages (the vectors and their HNSW graph), each index merged to one segment
 * first so that entries replaced by their embedded versions do not count. Asserts nothing about time.
 */
@Tag("benchmark")
class EmbeddingIngestBenchmark {

    record Run(boolean embeddings, double seconds, double withVectorsSeconds, long passages, long indexBytes) {
    }

    @Test
    void embeddingCostAtIngest() throws Exception {
        int size = Integer.parseInt(System.getProperty("kh.bench.embedding-documents", "500"));
        // A first, unreported run warms the JVM up: the baseline would otherwise pay for the JIT alone.
        run(Math.max(10, size / 5), false);
        // Each setting twice, interleaved, keeping the faster run: on a shared machine one run can
        // lose whole seconds to a neighbour.
        List<Run> offRuns = new ArrayList<>();
        List<Run> onRuns = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            offRuns.add(run(size, false));
            onRuns.add(run(size, true));
        }
        Run off = fastest(offRuns);
        Run on = fastest(onRuns);
        double extraPer10k = (on.indexBytes() - off.indexBytes()) * 10_000.0 / on.passages() / 1e6;
        String table = String.format(Locale.ROOT, """
                | documents | passages | ingest s, embeddings off | ingest s, embeddings on | on / off | until all vectors s | until all vectors / off | index MB off | index MB on | extra index MB per 10k passages |
                |---|---|---|---|---|---|---|---|---|---|
                | %,d | %,d | %.1f | %.1f | %.2f | %.1f | %.2f | %.1f | %.1f | %.1f |
                """, size, on.passages(), off.seconds(), on.seconds(), on.seconds() / off.seconds(), on.withVectorsSeconds(),
                on.withVectorsSeconds() / off.seconds(), off.indexBytes() / 1e6, on.indexBytes() / 1e6, extraPer10k);
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-embeddings.md"), table);
    }

    /** The runs' shortest times (each figure on its own); the index of the first. */
    private static Run fastest(List<Run> runs) {
        Run first = runs.getFirst();
        return new Run(first.embeddings(), runs.stream().mapToDouble(Run::seconds).min().orElseThrow(),
                runs.stream().mapToDouble(Run::withVectorsSeconds).min().orElseThrow(), first.passages(), first.indexBytes());
    }

    private static Run run(int size, boolean embeddings) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-embeddings-" + embeddings + "-");
        String[] args = {"--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1",
                "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=" + embeddings,
                "--kh.security.admin-token=benchmark", "--logging.level.root=warn", "--logging.level.org.knowledgehub=warn",
                "--spring.main.banner-mode=off"};
        BulkReport report;
        double withVectors;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KnowledgeHubApplication.class).run(args)) {
            long t0 = System.nanoTime();
            report = BenchCorpus.ingest(context.getBean(IngestService.class), size);
            context.getBean(PassageVectors.class).awaitIdle();
            withVectors = (System.nanoTime() - t0) / 1e9;
        }
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(data.resolve("index")), new IndexWriterConfig())) {
            writer.forceMerge(1);
        }
        return new Run(embeddings, report.seconds(), withVectors, report.passages(), folderSize(data.resolve("index")));
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
