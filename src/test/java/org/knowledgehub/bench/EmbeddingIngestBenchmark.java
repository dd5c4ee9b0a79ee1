package org.knowledgehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.ingest.BulkReport;
import org.knowledgehub.ingest.IngestService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What sentence embeddings cost at ingest ({@code bin/kh bench}): the same generated documents
 * ingested without NLP twice in one run, with embeddings off (the baseline) and on, then the
 * ratio of the ingest times and the extra size of the search index per 10,000 passages (the
 * vectors and their HNSW graph). Asserts nothing about time.
 */
@Tag("benchmark")
class EmbeddingIngestBenchmark {

    record Run(boolean embeddings, double seconds, long passages, long indexBytes) {
    }

    @Test
    void embeddingCostAtIngest() throws Exception {
        int size = Integer.parseInt(System.getProperty("kh.bench.embedding-documents", "500"));
        Run off = run(size, false);
        Run on = run(size, true);
        double extraPer10k = (on.indexBytes() - off.indexBytes()) * 10_000.0 / on.passages() / 1e6;
        String table = String.format(Locale.ROOT, """
                | documents | passages | ingest s, embeddings off | ingest s, embeddings on | on / off | index MB off | index MB on | extra index MB per 10k passages |
                |---|---|---|---|---|---|---|---|
                | %,d | %,d | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f |
                """, size, on.passages(), off.seconds(), on.seconds(), on.seconds() / off.seconds(),
                off.indexBytes() / 1e6, on.indexBytes() / 1e6, extraPer10k);
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-embeddings.md"), table);
    }

    private static Run run(int size, boolean embeddings) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-embeddings-" + embeddings + "-");
        String[] args = {"--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1",
                "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=" + embeddings,
                "--kh.security.admin-token=benchmark", "--logging.level.root=warn", "--logging.level.org.knowledgehub=warn",
                "--spring.main.banner-mode=off"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KnowledgeHubApplication.class).run(args)) {
            IngestService ingest = context.getBean(IngestService.class);
            BulkReport report = BenchCorpus.ingest(ingest, size);
            return new Run(embeddings, report.seconds(), report.passages(), folderSize(data.resolve("index")));
        }
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
