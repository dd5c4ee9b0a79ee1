package org.knowledgehub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubProperties;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.backup.BackupRestore;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.search.LucenePassageIndex;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.SearchProperties;
import org.knowledgehub.search.SearchQuery;
import org.knowledgehub.search.UserQueryParser;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's backup target at scale: a hub of 1,000 generated documents is backed up over HTTP
 * while 4 clients search without pause; then the backup is restored into an empty folder and the
 * restored store and index (opened with the hub's own classes) must answer the 30 benchmark
 * searches with the same top 10 and the same quad count. Prints the figures and writes
 * {@code target/benchmark-backup.md}; client errors or a different top 10 fail the run.
 */
@Tag("benchmark")
class BackupBenchmark {

    private static final int CLIENTS = 4;
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @Test
    void backupWhileClientsSearchThenRestore() throws Exception {
        int size = Integer.getInteger("kh.bench.backup-size", 1000);
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-backup-");
        String[] args = {"--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1",
                "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=false",
                "--kh.security.admin-token=benchmark", "--logging.level.root=warn", "--logging.level.org.knowledgehub=warn",
                "--spring.main.banner-mode=off"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KnowledgeHubApplication.class).run(args)) {
            BenchCorpus.ingest(context.getBean(IngestService.class), size);
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newHttpClient();

            // Latency of the same clients before the backup, once warm, as the baseline of the same run.
            searchWhile(client, base, () -> false, 3 * BenchCorpus.QUERIES.size(), new ConcurrentLinkedQueue<>());
            List<Double> quiet = searchWhile(client, base, () -> false, 3 * BenchCorpus.QUERIES.size(), new ConcurrentLinkedQueue<>());
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            AtomicBoolean backingUp = new AtomicBoolean(true);
            List<Double> during = new ArrayList<>();
            Thread searching = Thread.ofPlatform().start(() -> during.addAll(searchWhile(client, base, backingUp::get,
                    Integer.MAX_VALUE, errors)));
            long t0 = System.nanoTime();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/backups"))
                    .header("Authorization", "Bearer benchmark").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            double backupSeconds = (System.nanoTime() - t0) / 1e9;
            backingUp.set(false);
            searching.join();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("backup: " + created.statusCode() + " " + created.body());
            }
            if (!errors.isEmpty()) {
                throw new IllegalStateException(errors.size() + " client errors during the backup, first: " + errors.peek());
            }
            JsonNode body = JsonMapper.builder().build().readTree(created.body());
            Path backup = Path.of(body.get("path").asString());
            long backupBytes = IngestSearchBenchmark.folderSize(backup);

            Path restored = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-restored-");
            long r0 = System.nanoTime();
            BackupRestore.Restored result = BackupRestore.restore(backup, restored);
            double restoreSeconds = (System.nanoTime() - r0) / 1e9;

            int same = sameTop10(context, restored);
            KnowledgeStore store = context.getBean(KnowledgeStore.class);
            String liveCount = store.readAll(d -> QueryExec.dataset(d).query(COUNT).select().next().toString());
            DatasetGraph copy = DatabaseMgr.connectDatasetGraph(restored.resolve("tdb2").toString());
            String restoredCount;
            try {
                restoredCount = Txn.calculateRead(copy, () -> QueryExec.dataset(copy).query(COUNT).select().next().toString());
            } finally {
                TDBInternal.expel(copy);
            }
            if (same != BenchCorpus.QUERIES.size() || !liveCount.equals(restoredCount)) {
                throw new IllegalStateException("restored copy differs: " + same + " of " + BenchCorpus.QUERIES.size()
                        + " searches with the same top 10; quads " + liveCount + " against " + restoredCount);
            }
            String table = table(size, result.manifest().passages(), result.quads(), backupSeconds, backupBytes, restoreSeconds,
                    during.size(), sorted(quiet), sorted(during), same);
            System.out.println();
            System.out.println(table);
            Files.writeString(Path.of("target/benchmark-backup.md"), table);
        }
    }

    /** Runs the 4 clients, each cycling through the 30 searches: {@code atLeast} searches in all, or while {@code more} holds. */
    private static List<Double> searchWhile(HttpClient client, String base, BooleanSupplier more, int atLeast,
                                            ConcurrentLinkedQueue<String> errors) {
        ConcurrentLinkedQueue<Double> ms = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        int each = atLeast == Integer.MAX_VALUE ? Integer.MAX_VALUE : atLeast / CLIENTS;
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c * 7;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; each == Integer.MAX_VALUE ? more.getAsBoolean() : i < each; i++) {
                    String q = BenchCorpus.QUERIES.get((offset + i) % BenchCorpus.QUERIES.size());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.add(q + " -> " + r.statusCode());
                        }
                    } catch (Exception e) {
                        errors.add(q + " -> " + e);
                    }
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new ArrayList<>(ms);
    }

    /** How many of the 30 searches give the same top 10 on the live index and on the restored one. */
    private static int sameTop10(ConfigurableApplicationContext context, Path restored) throws IOException {
        PassageIndex live = context.getBean(PassageIndex.class);
        HubProperties hub = context.getBean(HubProperties.class);
        Set<Node> everything = context.getBean(KnowledgeStore.class).readAll(d -> Iter.toSet(d.listGraphNodes()));
        VisibleGraphs all = new VisibleGraphs(everything);
        LucenePassageIndex copy = new LucenePassageIndex(new HubProperties(restored, hub.baseUri()), context.getBean(SearchProperties.class));
        try {
            UserQueryParser parser = new UserQueryParser(live.queryAnalyzers());
            int same = 0;
            for (String text : BenchCorpus.QUERIES) {
                SearchQuery q = new SearchQuery(parser.parse(text, "q"), null, null, null, null, null, null, null, null, null,
                        null, null, null, 10, 0);
                List<String> a = live.search(q, all, false).hits().stream().map(h -> h.passage().passageUri()).toList();
                List<String> b = copy.search(q, all, false).hits().stream().map(h -> h.passage().passageUri()).toList();
                same += a.size() == 10 && a.equals(b) ? 1 : 0;
            }
            return same;
        } finally {
            copy.destroy();
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String table(int documents, long passages, long quads, double backupSeconds, long backupBytes,
                                double restoreSeconds, int searchesDuring, double[] quiet, double[] during, int same) {
        return String.format("""
                | documents | passages | quads | backup | backup size | restore | searches during the backup (4 clients, no error) | search p50 / p95 quiet | search p50 / p95 during the backup | same top 10 after restore |
                |---|---|---|---|---|---|---|---|---|---|
                | %,d | %,d | %,d | %.1f s | %,d MB | %.1f s | %,d | %.1f / %.1f ms | %.1f / %.1f ms | %d of %d |
                """, documents, passages, quads, backupSeconds, backupBytes >> 20, restoreSeconds, searchesDuring,
                pct(quiet, 0.5), pct(quiet, 0.95), pct(during, 0.5), pct(during, 0.95), same, BenchCorpus.QUERIES.size());
    }
}
