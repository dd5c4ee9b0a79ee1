package org.knowledgehub.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.ingest.BulkReport;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.SearchService;
import org.knowledgehub.security.Caller;
import org.knowledgehub.search.UserQueryParser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingest and search benchmark ({@code bin/kh bench}): for each corpus size, ingests generated
 * two-page documents (no NLP), then runs a fixed query set through HTTP (from a client in another
 * JVM), through the search service in-process, and as the same parsed queries directly against
 * the Lucene index, in the same run, and prints the figures. It asserts nothing about time: the
 * machines are shared and noisy; the ratios are what to watch.
 */
@Tag("benchmark")
class IngestSearchBenchmark {

    private static final int WARMUP_ROUNDS = 3;
    /** A fresh client JVM needs longer than the server's already warm code. */
    private static final int CLIENT_WARMUP_ROUNDS = 20;
    private static final int ROUNDS = 10;

    record Figures(int documents, double seconds, long passages, long triples, double[] http, double[] service,
                   double[] direct, double[] overhead, long dataBytes, long compactedBytes, double compactSeconds,
                   double[] queryOnly) {
    }

    @Test
    void ingestThenSearch() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("kh.bench.sizes", "1000 10000").trim().split("[ ,]+"))
                .map(Integer::parseInt).toList();
        List<Figures> all = new ArrayList<>();
        for (int size : sizes) {
            all.add(run(size));
        }
        String table = table(all);
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark.md"), table);
    }

    private Figures run(int size) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-" + size + "-");
        // Arguments, not builder properties: those are defaults that application.properties overrides.
        List<String> args = new ArrayList<>(List.of("--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1", "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=false",
                        "--kh.security.admin-token=benchmark", "--logging.level.root=warn", "--logging.level.org.knowledgehub=warn",
                        "--spring.main.banner-mode=off", "--kh.ingest.batch-size=" + System.getProperty("kh.bench.batch", "2000"), "--kh.ingest.threads=" + System.getProperty("kh.bench.threads", "2"), "--logging.level.org.knowledgehub.ingest.DocumentCommitter="
                        + System.getProperty("kh.bench.commit-log", "warn")));
        // Extra service settings to compare in one run, e.g. -Dkh.bench.args="--spring.threads.virtual.enabled=false".
        args.addAll(Arrays.stream(System.getProperty("kh.bench.args", "").split(" ")).filter(a -> !a.isBlank()).toList());
        Figures figures;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KnowledgeHubApplication.class)
                .run(args.toArray(String[]::new))) {
            IngestService ingest = context.getBean(IngestService.class);
            BulkReport report = BenchCorpus.ingest(ingest, size);
            // As bin/kh ingest does: the store compacts in the background as it grows, and once more at the end.
            long dataBytes = folderSize(data);
            long t0 = System.nanoTime();
            ingest.compact();
            double compactSeconds = (System.nanoTime() - t0) / 1e9;
            long compactedBytes = folderSize(data);

            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            List<double[]> overHttp = httpLatencies("http://127.0.0.1:" + port, searchPaths(), BenchCorpus.QUERIES.size());

            // In this JVM: the service without HTTP, and the same parsed queries straight on the index.
            PassageIndex index = context.getBean(PassageIndex.class);
            UserQueryParser parser = new UserQueryParser(index.queryAnalyzers());
            List<Query> parsed = BenchCorpus.QUERIES.stream().map(q -> parser.parse(q, "q")).toList();
            SearchService service = context.getBean(SearchService.class);
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(data.resolve("index")))) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<LongSupplier> directCalls = parsed.stream().map(q -> (LongSupplier) () -> timeDirect(searcher, q)).toList();
                List<LongSupplier> serviceCalls = BenchCorpus.QUERIES.stream().map(q -> (LongSupplier) () -> {
                    long started = System.nanoTime();
                    service.search(SearchService.Request.of(q), Caller.ANONYMOUS);
                    return System.nanoTime() - started;
                }).toList();
                List<List<LongSupplier>> inProcess = List.of(serviceCalls, directCalls);
                measure(inProcess, WARMUP_ROUNDS);
                List<double[]> ms = measure(inProcess, ROUNDS);
                figures = new Figures(size, report.seconds(), report.passages(), report.triples(), overHttp.get(0), ms.get(0),
                        ms.get(1), overHttp.get(1), dataBytes, compactedBytes, compactSeconds, null);
            }
        }
        String heap = System.getProperty("kh.bench.query-heap", "");
        if (heap.isBlank()) {
            return figures;
        }
        return new Figures(figures.documents(), figures.seconds(), figures.passages(), figures.triples(), figures.http(),
                figures.service(), figures.direct(), figures.overhead(), figures.dataBytes(), figures.compactedBytes(),
                figures.compactSeconds(), queryOnly(data, heap));
    }

    private static List<String> searchPaths() {
        // The search paths and a trivial endpoint, interleaved.
        List<String> paths = new ArrayList<>();
        BenchCorpus.QUERIES.forEach(q -> paths.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        paths.add("/api/queries/agendas");
        return paths;
    }

    /**
     * The loaded folder served by a hub in a process of its own with the given heap (no ingest
     * running): the searches' latencies over HTTP, sorted. The process is stopped afterwards.
     */
    private static double[] queryOnly(Path data, String heap) throws Exception {
        Path log = data.resolveSibling(data.getFileName() + "-query-only.log");
        try (HubProcess hub = new HubProcess(data, heap, log)) {
            double[] searches = httpLatencies(hub.base(), searchPaths(), BenchCorpus.QUERIES.size()).get(0);
            if (!hub.alive()) {
                throw new IllegalStateException("the query-only hub stopped while searched; see " + log);
            }
            return searches;
        }
    }

    /**
     * Runs {@link HttpLatencyClient} in a child JVM; returns the sorted latencies of the first
     * {@code searches} paths together, and of the remaining paths together.
     */
    private static List<double[]> httpLatencies(String base, List<String> paths, int searches) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HttpLatencyClient.class.getName(), base,
                Integer.toString(CLIENT_WARMUP_ROUNDS), Integer.toString(ROUNDS)));
        command.addAll(paths);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the HTTP client failed");
        }
        List<Double> search = new ArrayList<>();
        List<Double> other = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                (Integer.parseInt(parts[0]) < searches ? search : other).add(Double.parseDouble(parts[1]));
            }
        }
        return List.of(sorted(search), sorted(other));
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * Runs every call of every path {@code rounds} times, the paths interleaved round by round so
     * none is measured on a warmer JIT than the others; returns each path's sorted latencies in ms.
     */
    private static List<double[]> measure(List<List<LongSupplier>> paths, int rounds) {
        List<double[]> ms = new ArrayList<>();
        paths.forEach(calls -> ms.add(new double[calls.size() * rounds]));
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < paths.size(); p++) {
                List<LongSupplier> calls = paths.get(p);
                for (int c = 0; c < calls.size(); c++) {
                    ms.get(p)[r * calls.size() + c] = calls.get(c).getAsLong() / 1e6;
                }
            }
        }
        ms.forEach(Arrays::sort);
        return ms;
    }

    /** Plain BM25 top-10 with stored fields, as a bare Lucene application would do it. */
    private static long timeDirect(IndexSearcher searcher, Query query) {
        long t0 = System.nanoTime();
        try {
            TopDocs top = searcher.search(query, 10);
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                stored.document(sd.doc);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - t0;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static long folderSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String table(List<Figures> all) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Benchmark: %d cores, JDK %s, %d queries x %d rounds after %d warm-up rounds; "
                        + "HTTP from a client in its own JVM after %d warm-up rounds%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), BenchCorpus.QUERIES.size(),
                ROUNDS, WARMUP_ROUNDS, CLIENT_WARMUP_ROUNDS));
        sb.append("| documents | ingest s | docs/s | passages/s | triples/s | search HTTP p50 / p99 ms | search in-process p50 / p99 ms "
                + "| Lucene direct p50 / p99 ms | HTTP round trip p50 ms | HTTP / (direct + round trip) at p50 | data on disk MB "
                + "| after compaction MB (s) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Figures f : all) {
            double httpP50 = percentile(f.http(), 0.5);
            double directP50 = percentile(f.direct(), 0.5);
            double overheadP50 = percentile(f.overhead(), 0.5);
            sb.append(String.format(Locale.ROOT, "| %,d | %.1f | %.0f | %.0f | %.0f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f | %.2f | %.0f | %.0f (%.0f) |%n",
                    f.documents(), f.seconds(), f.documents() / f.seconds(), f.passages() / f.seconds(), f.triples() / f.seconds(),
                    httpP50, percentile(f.http(), 0.99), percentile(f.service(), 0.5), percentile(f.service(), 0.99),
                    directP50, percentile(f.direct(), 0.99), overheadP50,
                    httpP50 / (directP50 + overheadP50), f.dataBytes() / 1e6, f.compactedBytes() / 1e6, f.compactSeconds()));
        }
        for (Figures f : all) {
            if (f.queryOnly() != null) {
                sb.append(String.format(Locale.ROOT, "%nQuery-only hub on the %,d documents, -Xmx%s in a process of its own: "
                                + "search HTTP p50 / p95 / p99 %.2f / %.2f / %.2f ms%n", f.documents(),
                        System.getProperty("kh.bench.query-heap"), percentile(f.queryOnly(), 0.5), percentile(f.queryOnly(), 0.95),
                        percentile(f.queryOnly(), 0.99)));
            }
        }
        return sb.toString();
    }
}
