package org.knowledgehub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.FusekiServer;
import org.knowledgehub.Http;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.SolrCloudServer;
import org.knowledgehub.ingest.BulkReport;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.store.Uris;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas on Fuseki and a two-node SolrCloud against one embedded process (issue 20, {@code
 * bin/kh bench replicas [passages]}), all on this machine: the generated corpus loaded into each
 * (bulk ingest without NLP, as bin/kh ingest), then the search API's requests of the Fuseki comparison
 * ({@link ComparisonQueries}, the hub's side of its API rows) asked of the embedded process and of the replicas
 * alternately by one client JVM, each request of the replicas' side sent to one replica or the
 * other in turn, so 8 client threads load both; then documents uploaded with NLP on, through one
 * process by two client threads, and through the two replicas by one client thread each. Prints the
 * figures and ratios and writes them to target/benchmark-replicas.md.
 */
@Tag("benchmark")
@Tag("replicas")
class ReplicasBenchmark {

    private static final double PASSAGES_PER_DOCUMENT = 13.5;
    private static final String HEAP = System.getProperty("kh.bench.heap", "3g");
    /** Documents uploaded with NLP on, on each side. */
    private static final int NLP_DOCUMENTS = Integer.getInteger("kh.bench.nlp-documents", 40);

    @Test
    void twoReplicasAgainstOneProcess() throws Exception {
        int passages = Integer.getInteger("kh.bench.passages", 100_000);
        int documents = (int) Math.round(passages / PASSAGES_PER_DOCUMENT);
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-replicas-" + passages + "-");
        StringBuilder table = new StringBuilder();
        try (FusekiServer fuseki = new FusekiServer(Files.createDirectories(work.resolve("fuseki")), FusekiServer.freePort(), true);
             SolrCloudServer solr = new SolrCloudServer(Files.createDirectories(work.resolve("solr")), 2)) {
            solr.createCollection("passages", 2, 2);
            Map<String, String> remote = Map.of("kh.store.url", fuseki.dataset(),
                    "kh.search.url", String.join(",", solr.nodes().stream().map(n -> n + "/passages").toList()));

            Path embeddedData = Files.createDirectories(work.resolve("embedded"));
            Load embeddedLoad = load(documents, embeddedData, Map.of());
            Load clusterLoad = load(documents, Files.createDirectories(work.resolve("loader")), remote);
            table.append(String.format(Locale.ROOT, "Two replicas (Fuseki 6.2 TDB2 + SolrCloud 9.10, two nodes, two shards each on both) "
                            + "against one embedded process: %,d documents, %,d passages; %d cores, JDK %s, heap %s per hub; all on this "
                            + "machine%n%n| | one embedded process | two replicas | replicas / embedded |%n|---|---|---|---|%n",
                    documents, embeddedLoad.report().passages(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    HEAP));
            table.append(String.format(Locale.ROOT, "| bulk load without NLP, s (one loader process; service start included) | %.1f | %.1f | %.2f |%n",
                    embeddedLoad.seconds(), clusterLoad.seconds(), clusterLoad.seconds() / embeddedLoad.seconds()));

            try (HubProcess embedded = new HubProcess(embeddedData, HEAP, work.resolve("embedded.log"));
                 HubProcess one = new HubProcess(Files.createDirectories(work.resolve("replica-1")), HEAP, work.resolve("replica-1.log"), remote);
                 HubProcess two = new HubProcess(Files.createDirectories(work.resolve("replica-2")), HEAP, work.resolve("replica-2.log"), remote)) {
                List<ComparisonQueries.Row> single = searchRows(embedded.base(), embeddedLoad.uriBase());
                List<ComparisonQueries.Row> first = searchRows(one.base(), clusterLoad.uriBase());
                List<ComparisonQueries.Row> second = searchRows(two.base(), clusterLoad.uriBase());
                StringBuilder lines = new StringBuilder();
                for (int r = 0; r < single.size(); r++) {
                    String key = FusekiComparisonBenchmark.key(single.get(r));
                    for (int i = 0; i < single.get(r).pairs().size(); i++) {
                        ComparisonQueries.Request mine = single.get(r).pairs().get(i).hub();
                        ComparisonQueries.Request theirs = (i % 2 == 0 ? first : second).get(r).pairs().get(i).hub();
                        lines.append(key).append("\tembedded\t").append(mine.accept()).append('\t').append(mine.url()).append('\n');
                        lines.append(key).append("\treplicas\t").append(theirs.accept()).append('\t').append(theirs.url()).append('\n');
                    }
                }
                Path requests = work.resolve("requests.tsv");
                Files.writeString(requests, lines);
                Map<String, FusekiComparisonBenchmark.Timing> timings = FusekiComparisonBenchmark.measure(requests);
                table.append("\nLatency in ms, one client; \"x\" is the replicas' p50 over the embedded process's (below 1: the replicas "
                        + "are faster); throughput with 8 client threads, the replicas' requests spread over both.\n\n"
                        + "| request | embedded p50 / p95 | replicas p50 / p95 | p50 x | embedded req/s | replicas req/s | throughput x |\n"
                        + "|---|---|---|---|---|---|---|\n");
                for (ComparisonQueries.Row row : single) {
                    String key = FusekiComparisonBenchmark.key(row);
                    FusekiComparisonBenchmark.Timing e = timings.get(key + "\tembedded");
                    FusekiComparisonBenchmark.Timing c = timings.get(key + "\treplicas");
                    if (e == null || c == null) {
                        table.append("| ").append(key).append(" | failed | | | | | |\n");
                        continue;
                    }
                    table.append(String.format(Locale.ROOT, "| %s%s | %.1f / %.1f | %.1f / %.1f | %.2f | %.0f | %.0f | %.2f |%n", key,
                            e.errors() + c.errors() > 0 ? " (errors: embedded " + e.errors() + ", replicas " + c.errors() + ")" : "",
                            FusekiComparisonBenchmark.p(e, 0.5), FusekiComparisonBenchmark.p(e, 0.95), FusekiComparisonBenchmark.p(c, 0.5),
                            FusekiComparisonBenchmark.p(c, 0.95), FusekiComparisonBenchmark.p(c, 0.5) / FusekiComparisonBenchmark.p(e, 0.5),
                            e.requestsPerSecond(), c.requestsPerSecond(), c.requestsPerSecond() / e.requestsPerSecond()));
                }
            }

            // Uploads with NLP: new documents (numbered after the corpus) through one process, then through both replicas.
            Map<String, String> nlp = Map.of("kh.nlp.enabled", "true");
            double single;
            try (HubProcess embedded = new HubProcess(embeddedData, HEAP, work.resolve("embedded-nlp.log"), nlp)) {
                single = uploads(List.of(embedded.base(), embedded.base()), documents);
            }
            double pair;
            Map<String, String> remoteNlp = new HashMap<>(remote);
            remoteNlp.putAll(nlp);
            try (HubProcess one = new HubProcess(work.resolve("replica-1"), HEAP, work.resolve("replica-1-nlp.log"), remoteNlp);
                 HubProcess two = new HubProcess(work.resolve("replica-2"), HEAP, work.resolve("replica-2-nlp.log"), remoteNlp)) {
                pair = uploads(List.of(one.base(), two.base()), documents + NLP_DOCUMENTS);
            }
            table.append(String.format(Locale.ROOT, "%n| uploads with NLP (%d documents of about %.0f passages, two client threads) | one "
                            + "embedded process | two replicas | replicas / embedded |%n|---|---|---|---|%n| documents/s | %.2f | %.2f | %.2f |%n",
                    NLP_DOCUMENTS, PASSAGES_PER_DOCUMENT, single, pair, pair / single));
        }
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-replicas.md"), table);
    }

    private record Load(double seconds, BulkReport report, String uriBase) {
    }

    /** The search API's rows of the comparison (plain, filtered, counted, joined to the document): what every page asks. */
    private static List<ComparisonQueries.Row> searchRows(String base, String uriBase) {
        return new ComparisonQueries(base, "http://127.0.0.1:1/unused", uriBase).rows().stream().filter(r -> r.group().equals("API")).toList();
    }

    /** Loads the corpus as bin/kh ingest does (a service started on the folder, a bulk ingest, a compaction where there is one). */
    private static Load load(int documents, Path data, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1",
                "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=false",
                "--kh.security.admin-token=benchmark", "--logging.level.root=warn", "--logging.level.org.knowledgehub=warn",
                "--spring.main.banner-mode=off", "--kh.ingest.threads=2"));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext loader = new SpringApplicationBuilder(KnowledgeHubApplication.class).run(args.toArray(String[]::new))) {
            IngestService ingest = loader.getBean(IngestService.class);
            BulkReport report = BenchCorpus.ingest(ingest, documents);
            ingest.compact();
            return new Load((System.nanoTime() - t0) / 1e9, report, loader.getBean(Uris.class).base());
        }
    }

    /** Uploads {@link #NLP_DOCUMENTS} generated documents from {@code first} on, one client thread per base; documents per second. */
    private static double uploads(List<String> bases, int first) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(bases.size());
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (String base : bases) {
            Http admin = new Http(base).withBearer("benchmark");
            running.add(clients.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < NLP_DOCUMENTS; ) {
                    BenchCorpus.Document d = BenchCorpus.document(first + n, 42);
                    Http.Response made = admin.upload("/api/documents", d.name(), d.bytes(), Map.of("type", d.type()));
                    if (made.status() != 201) {
                        throw new IllegalStateException("upload " + d.name() + " to " + base + ": " + made);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        return NLP_DOCUMENTS / ((System.nanoTime() - t0) / 1e9);
    }
}
