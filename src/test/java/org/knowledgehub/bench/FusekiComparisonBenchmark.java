package org.knowledgehub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The hub side by side with Apache Jena Fuseki + jena-text on the same generated corpus ({@code bin/kh
 * bench fuseki [passages]}, issue 18): writes the corpus to files and loads them with {@code kh ingest}
 * in a JVM of its own, as {@code bin/kh ingest} does (no NLP, no embeddings), serves that folder on a
 * loopback port from another, gives Fuseki the same passages, mentions
 * and document metadata ({@link LeanCorpusQuads}) through tdbloader and textindexer, then queries
 * both alternately from one client in its own JVM ({@link AlternatingHttpClient}) with the
 * requests of {@link ComparisonQueries}. Prints load time, disk, sequential p50/p95/p99 and
 * 8-thread throughput with hub/Fuseki ratios and writes them to target/benchmark-fuseki.md.
 * Tagged "fuseki" as well, so a plain {@code bin/kh bench} leaves it out.
 */
@Tag("benchmark")
@Tag("fuseki")
class FusekiComparisonBenchmark {

    /** Generated documents make 13.5 passages each on average (270 from the first 20). */
    private static final double PASSAGES_PER_DOCUMENT = 13.5;
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("kh.bench.warmup-seconds", "60"));
    private static final int WARMUP_ROUNDS = Integer.getInteger("kh.bench.warmup", 2);
    private static final int ROUNDS = Integer.getInteger("kh.bench.rounds", 8);
    private static final int THREADS = 8;
    private static final double THROUGHPUT_SECONDS = Double.parseDouble(System.getProperty("kh.bench.seconds", "5"));
    private static final String HEAP = System.getProperty("kh.bench.heap", "3g");
    /** reuse: the client keeps its connections open; new: a connection per request (see {@link AlternatingHttpClient}). */
    private static final String CONNECTIONS = System.getProperty("kh.bench.connection", "reuse");

    /** What {@code kh ingest} said it did: "Done: 1481 documents (...), 19998 passages, 609034 triples in 19.5 s (2 commits)". */
    record Ingested(long passages, long triples) {

        private static final Pattern DONE = Pattern.compile("Done: .*?, (\\d+) passages, (\\d+) triples in ");

        static Ingested of(String output) {
            Matcher m = DONE.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("kh ingest printed no summary:\n" + output);
            }
            return new Ingested(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
    }

    record Load(double seconds, long bytes, long statements) {
    }

    record Timing(double[] sorted, double requestsPerSecond, int errors) {
    }

    @Test
    void sideBySide() throws Exception {
        int passages = Integer.getInteger("kh.bench.passages", 20_000);
        int documents = (int) Math.round(passages / PASSAGES_PER_DOCUMENT);
        Path jar = Path.of(System.getProperty("kh.bench.fuseki.jar", System.getProperty("user.home")
                + "/.m2/repository/org/apache/jena/jena-fuseki-server/6.2.0/jena-fuseki-server-6.2.0.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no Fuseki jar at " + jar + "; bin/kh bench fuseki fetches it");
        }
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-fuseki-" + passages + "-");
        Path hubData = Files.createDirectories(work.resolve("hub"));

        // Loaded as bin/kh ingest loads a folder: a JVM of its own, a bulk ingest, then a compaction of the store.
        Path corpus = BenchCorpus.writeFolder(work.resolve("corpus"), documents);
        long t0 = System.nanoTime();
        Ingested ingested = Ingested.of(HubProcess.ingest(corpus, hubData, HEAP, work.resolve("ingest.log")));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        // What a Fuseki user would load, read from the hub's store (not part of the hub's load).
        Path nquads = work.resolve("corpus.nq");
        long quads;
        String uriBase;
        try (ConfigurableApplicationContext reader = new SpringApplicationBuilder(KnowledgeHubApplication.class)
                .web(WebApplicationType.NONE).run(hubArguments(hubData))) {
            Uris uris = reader.getBean(Uris.class);
            uriBase = uris.base();
            quads = LeanCorpusQuads.write(reader.getBean(KnowledgeStore.class), uris, nquads);
        }
        // Served as bin/kh serves a folder, from a JVM of its own, as Fuseki is.
        try (HubProcess hub = new HubProcess(hubData, HEAP, work.resolve("hub.log"))) {
            Load hubLoad = new Load(loadSeconds, folderSize(hubData), ingested.triples());
            Path fusekiDir = Files.createDirectories(work.resolve("fuseki"));
            try (FusekiProcess fuseki = new FusekiProcess(jar, fusekiDir, HEAP)) {
                long t1 = System.nanoTime();
                fuseki.load(nquads);
                Load fusekiLoad = new Load((System.nanoTime() - t1) / 1e9,
                        folderSize(fuseki.database()) + folderSize(fuseki.textIndex()), quads);
                fuseki.start();

                List<ComparisonQueries.Row> rows = new ComparisonQueries(hub.base(), fuseki.sparqlEndpoint(), uriBase).rows();
                Map<String, double[]> answers = checkAnswers(rows);
                Map<String, Timing> timings = measure(rows, work.resolve("requests.tsv"));
                String table = table(passages, documents, ingested.passages(), hubLoad, fusekiLoad, rows, answers, timings,
                        residentMb(hub.pid()), residentMb(fuseki.pid()));
                System.out.println();
                System.out.println(table);
                Files.writeString(Path.of("target/benchmark-fuseki.md"), table);
            }
        }
    }

    private static String[] hubArguments(Path data) {
        return new String[]{"--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1",
                "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=false",
                "--kh.security.admin-token=benchmark", "--logging.level.root=warn", "--logging.level.org.knowledgehub=warn",
                "--spring.main.banner-mode=off", "--kh.ingest.threads=2"};
    }

    /**
     * Asks every request of every row once on each side, untimed; returns per row the mean number
     * of answers (rows of the result, or hits) on the hub and on Fuseki, and warns of a query that
     * finds nothing on one side but something on the other.
     */
    private static Map<String, double[]> checkAnswers(List<ComparisonQueries.Row> rows) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Map<String, double[]> means = new HashMap<>();
        for (ComparisonQueries.Row row : rows) {
            double[] sums = new double[2];
            for (int i = 0; i < row.pairs().size(); i++) {
                ComparisonQueries.Pair pair = row.pairs().get(i);
                int hub = answerCount(client, json, pair.hub());
                int fuseki = answerCount(client, json, pair.fuseki());
                if ((hub == 0) != (fuseki == 0)) {
                    System.out.printf(Locale.ROOT, "WARNING: %s %s, query %d (%s): %d answers on the hub, %d on Fuseki%n",
                            row.group(), row.label(), i, BenchCorpus.QUERIES.get(i), hub, fuseki);
                }
                sums[0] += hub;
                sums[1] += fuseki;
            }
            means.put(key(row), new double[]{sums[0] / row.pairs().size(), sums[1] / row.pairs().size()});
        }
        return means;
    }

    private static int answerCount(HttpClient client, ObjectMapper json, ComparisonQueries.Request request) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(request.url()))
                .header("Accept", request.accept()).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            System.out.println("WARNING: " + response.statusCode() + " for " + request.url() + "\n"
                    + new String(response.body(), StandardCharsets.UTF_8));
            return 0;
        }
        JsonNode results = json.readTree(response.body()).path("results");
        return (results.isArray() ? results : results.path("bindings")).size();
    }

    /** Runs the client in its own JVM; returns each row's timings per side, keyed by row and side. */
    private static Map<String, Timing> measure(List<ComparisonQueries.Row> rows, Path file) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (ComparisonQueries.Row row : rows) {
            for (ComparisonQueries.Pair pair : row.pairs()) {
                lines.append(key(row)).append("\thub\t").append(pair.hub().accept()).append('\t').append(pair.hub().url()).append('\n');
                lines.append(key(row)).append("\tfuseki\t").append(pair.fuseki().accept()).append('\t').append(pair.fuseki().url())
                        .append('\n');
            }
        }
        Files.writeString(file, lines);
        return measure(file);
    }

    /**
     * Runs {@link AlternatingHttpClient} in its own JVM on a file of its request lines (the two sides
     * of each pair on consecutive lines); returns each row's timings per side, keyed by row TAB side.
     */
    static Map<String, Timing> measure(Path file) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dkh.bench.connection=" + CONNECTIONS, "-Djdk.httpclient.allowRestrictedHeaders=connection", "-cp", System.getProperty("java.class.path"), AlternatingHttpClient.class.getName(), file.toString(),
                Double.toString(WARMUP_SECONDS), Integer.toString(WARMUP_ROUNDS), Integer.toString(ROUNDS), Integer.toString(THREADS),
                Double.toString(THROUGHPUT_SECONDS));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the HTTP client failed");
        }
        Map<String, List<Double>> latencies = new HashMap<>();
        Map<String, Double> throughput = new HashMap<>();
        Map<String, Integer> errors = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t");
            String key = f.length > 2 ? f[1] + "\t" + f[2] : "";
            switch (f[0]) {
                case "L" -> latencies.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
                case "T" -> throughput.put(key, Double.parseDouble(f[3]) / Double.parseDouble(f[4]));
                case "E" -> errors.merge(key, 1, Integer::sum);
                default -> {
                }
            }
        }
        Map<String, Timing> timings = new HashMap<>();
        latencies.forEach((key, ms) -> timings.put(key, new Timing(ms.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                throughput.getOrDefault(key, 0.0), errors.getOrDefault(key, 0))));
        return timings;
    }

    static String key(ComparisonQueries.Row row) {
        return row.group() + ": " + row.label();
    }

    private static String table(int passages, int documents, long made, Load hub, Load fuseki,
                                List<ComparisonQueries.Row> rows, Map<String, double[]> answers, Map<String, Timing> timings,
                                double hubRss, double fusekiRss) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Hub against Fuseki 6.2 + jena-text: %,d documents, %,d passages asked for, %,d made; "
                        + "%d cores, JDK %s, heap %s each; one client JVM, %s, servers asked alternately, %.0f s of warm-up, %d warm-up "
                        + "+ %d measured rounds, then %d threads for %.0f s per row and server%n%n",
                documents, passages, made, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                HEAP, "new".equals(CONNECTIONS) ? "a new connection per request" : "connections kept open", WARMUP_SECONDS,
                WARMUP_ROUNDS, ROUNDS, THREADS, THROUGHPUT_SECONDS));
        sb.append("| | Knowledge Hub | Fuseki + jena-text | hub / Fuseki |\n|---|---|---|---|\n");
        sb.append(String.format(Locale.ROOT, "| load s (hub: kh ingest of the files without NLP in a JVM of its own, compaction included; Fuseki: tdbloader + textindexer JVMs) "
                + "| %.1f | %.1f | %.2f |%n", hub.seconds(), fuseki.seconds(), hub.seconds() / fuseki.seconds()));
        sb.append(String.format(Locale.ROOT, "| triples / quads | %,d | %,d | %.1f |%n", hub.statements(), fuseki.statements(),
                (double) hub.statements() / fuseki.statements()));
        sb.append(String.format(Locale.ROOT, "| data on disk MB (hub: data folder; Fuseki: TDB2 + Lucene) | %.0f | %.0f | %.2f |%n",
                hub.bytes() / 1e6, fuseki.bytes() / 1e6, (double) hub.bytes() / fuseki.bytes()));
        sb.append(String.format(Locale.ROOT, "| resident memory after the run MB (each server's own JVM) | %.0f | %.0f | %.2f |%n%n",
                hubRss, fusekiRss, hubRss / fusekiRss));
        sb.append("Latency in ms; \"x faster\" is Fuseki's p50 over the hub's (above 1: the hub is faster); throughput ratio is "
                + "the hub's over Fuseki's. API rows ask the hub's /api/search and Fuseki the equivalent SPARQL; SPARQL rows ask both "
                + "the same SPARQL (kh:search on the hub, text:query on Fuseki); graph rows the identical query.\n\n");
        sb.append("| request | hub p50 / p95 / p99 | Fuseki p50 / p95 / p99 | p50 x faster | p95 x faster | hub req/s (8 threads) "
                + "| Fuseki req/s | throughput x | mean answers hub / Fuseki |\n|---|---|---|---|---|---|---|---|---|\n");
        for (ComparisonQueries.Row row : rows) {
            Timing h = timings.get(key(row) + "\thub");
            Timing f = timings.get(key(row) + "\tfuseki");
            if (h == null || f == null) {
                sb.append("| ").append(key(row)).append(" | failed: see the warnings | | | | | | | |\n");
                continue;
            }
            double[] a = answers.get(key(row));
            sb.append(String.format(Locale.ROOT, "| %s%s | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.2f | %.2f | %.0f | %.0f | %.2f | %.1f / %.1f |%n",
                    key(row), h.errors() + f.errors() > 0 ? " (errors: hub " + h.errors() + ", Fuseki " + f.errors() + ")" : "",
                    p(h, 0.5), p(h, 0.95), p(h, 0.99), p(f, 0.5), p(f, 0.95), p(f, 0.99), p(f, 0.5) / p(h, 0.5),
                    p(f, 0.95) / p(h, 0.95), h.requestsPerSecond(), f.requestsPerSecond(),
                    h.requestsPerSecond() / f.requestsPerSecond(), a[0], a[1]));
        }
        return sb.toString();
    }

    static double p(Timing t, double p) {
        double[] sorted = t.sorted();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** VmRSS of a process from /proc, in MB; 0 where there is no /proc. */
    static double residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException noProc) {
            // not Linux
        }
        return 0;
    }

    static long folderSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
