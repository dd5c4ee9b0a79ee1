package org.knowledgehub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.TestDocuments;
import org.knowledgehub.ingest.IngestService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mixed-load benchmark (issue 22): a hub with the demo corpus and NLP on, 16 clients for
 * {@code -Dkh.bench.seconds} (300) sending search, answers, question and other pages, light and
 * heavy SPARQL and small uploads, while a client of its own uploads a large document
 * ({@code -Dkh.bench.large-mb}, 15; 0 leaves it out; {@code -Dkh.bench.large-kind=pdf} makes it a PDF
 * whose text layer is a tenth of it) and follows it to its commit. {@code -Dkh.bench.documents=N}
 * first adds N generated two-page documents, so that heavy SPARQL is heavy; {@code -Dkh.bench.args}
 * passes settings to the hub. Prints, per route, count, p50/p95/p99, errors by status and the
 * deliberate 429/503 with Retry-After; uploads acknowledged and found afterwards; peak heap used and
 * the most the old generation held after a collection; how long the large file took to be committed.
 * Writes the table to target/benchmark-mixed-load.md. Asserts nothing about time.
 * Clients run in the server's JVM (threads of their own), so the heap figure includes them.
 */
@Tag("benchmark")
class MixedLoadBenchmark {

    private static final String TOKEN = "benchmark";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PREFIXES = """
            PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    private static final List<String> SEARCHES = List.of("water trucking", "cash assistance", "school enrolment",
            "shelter Bekaa", "food security", "eviction", "health access Akkar", "protection");
    private static final List<String> QUESTIONS = List.of("Why do households buy water from private tankers?",
            "What share of refugee households live below the SMEB?", "What did the IMWG decide about consent?",
            "Why are children out of school?");
    private static final List<String> PAGES = List.of("/", "/questions", "/trends", "/query");
    private static final String LIGHT_SPARQL = PREFIXES
            + "SELECT ?doc ?title WHERE { ?doc a kh:Minutes ; dcterms:title ?title } ORDER BY ?title";
    private static final List<String> HEAVY_SPARQL = List.of(
            PREFIXES + "SELECT ?doc (COUNT(?p) AS ?n) WHERE { ?p a kh:Passage ; kh:inDocument ?doc } GROUP BY ?doc ORDER BY DESC(?n)",
            PREFIXES + "SELECT ?p ?title ?date ?m WHERE { ?p a kh:Passage ; kh:inDocument ?doc OPTIONAL { ?doc dcterms:title ?title }"
                    + " OPTIONAL { ?doc dcterms:date ?date } OPTIONAL { ?p kh:mentions ?m } } ORDER BY ?title LIMIT 5000",
            PREFIXES + "SELECT ?p ?score ?date WHERE { (?p ?score) kh:search (\"water\" 1000) . ?p kh:inDocument ?doc ."
                    + " ?doc dcterms:date ?date FILTER(STR(?date) >= \"2020\") } ORDER BY DESC(?score)",
            PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?a a kh:Passage . ?b a kh:Passage FILTER(STR(?a) < STR(?b)) }");

    /** Route, weight (of 100). */
    private static final List<Map.Entry<String, Integer>> MIX = List.of(Map.entry("search", 30), Map.entry("ask", 10),
            Map.entry("question page", 10), Map.entry("pages", 15), Map.entry("sparql light", 10), Map.entry("sparql heavy", 15),
            Map.entry("upload", 10));

    /** One route's measurements. */
    private static final class Route {
        final ConcurrentLinkedQueue<Double> ms = new ConcurrentLinkedQueue<>();
        final Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
        final AtomicLong deliberate = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicLong peakHeap = new AtomicLong();
    /** The most the old generation held right after a collection: the memory the hub really needed. */
    private final AtomicLong peakLive = new AtomicLong();
    /** Seconds from sending the large file to its document being committed; -1 if it was not. */
    private volatile double largeSeconds = -1;

    @Test
    void mixedLoad() throws Exception {
        int seconds = Integer.getInteger("kh.bench.seconds", 300);
        int clients = Integer.getInteger("kh.bench.clients", 16);
        int largeMb = Integer.getInteger("kh.bench.large-mb", 15);
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-mixed-");
        List<String> args = new ArrayList<>(List.of("--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1",
                "--kh.ingest.corpus-dir=corpus", "--kh.security.admin-token=" + TOKEN, "--logging.level.root=warn",
                "--logging.level.org.knowledgehub=warn", "--spring.main.banner-mode=off"));
        args.addAll(List.of(System.getProperty("kh.bench.args", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        ScheduledExecutorService heap = Executors.newSingleThreadScheduledExecutor();
        heap.scheduleAtFixedRate(() -> {
            peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                            && pool.getName().matches("(?i).*(old|tenured).*"))
                    .forEach(pool -> peakLive.accumulateAndGet(pool.getCollectionUsage().getUsed(), Math::max));
        }, 0, 200, TimeUnit.MILLISECONDS);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KnowledgeHubApplication.class)
                .run(args.toArray(String[]::new))) {
            int documents = Integer.getInteger("kh.bench.documents", 0);
            if (documents > 0) {
                BenchCorpus.ingest(context.getBean(IngestService.class), documents);
            }
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            List<String> questionIds = new ArrayList<>();
            for (JsonNode q : JSON.readTree(send(base, "GET", "/api/questions", null, null, false).body())) {
                questionIds.add(q.get("id").asString());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> threads = new ArrayList<>();
            if (largeMb > 0) {
                // Besides the clients: the run ends when the load has run its time and the large file is committed.
                threads.add(Thread.ofPlatform().name("bench-large").start(() -> {
                    boolean pdf = "pdf".equals(System.getProperty("kh.bench.large-kind"));
                    byte[] large = pdf ? largePdf(largeMb) : largeText(largeMb);
                    // Sent again after a refusal (the uploads of the clients count against the same caller).
                    while (largeSeconds < 0 && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        if (upload(base, "large", "large-" + UUID.randomUUID() + (pdf ? ".pdf" : ".txt"), large)) {
                            largeSeconds = (System.nanoTime() - t0) / 1e9;
                        } else {
                            sleep(1000);
                        }
                    }
                }));
            }
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                    Random random = new Random(client);
                    while (System.nanoTime() < deadline) {
                        request(base, pick(random), random, questionIds);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long lost = acknowledged.stream().filter(id -> send(base, "GET", "/api/documents/" + id, null, null, true).statusCode() != 200)
                    .count();
            String table = table(seconds, clients, largeMb, lost);
            System.out.println();
            System.out.println(table);
            Files.writeString(Path.of("target/benchmark-mixed-load.md"), table);
        } finally {
            heap.shutdownNow();
        }
    }

    private static String pick(Random random) {
        int n = random.nextInt(100);
        for (Map.Entry<String, Integer> e : MIX) {
            n -= e.getValue();
            if (n < 0) {
                return e.getKey();
            }
        }
        return MIX.getFirst().getKey();
    }

    private void request(String base, String route, Random random, List<String> questionIds) {
        switch (route) {
            case "search" -> timed(route, base, "GET", "/api/search?q=" + Http.enc(any(random, SEARCHES)), null, null, false);
            case "ask" -> timed(route, base, "GET", "/api/ask?q=" + Http.enc(any(random, QUESTIONS)), null, null, false);
            case "question page" -> timed(route, base, "GET", "/questions/" + any(random, questionIds), null, null, false);
            case "pages" -> timed(route, base, "GET", any(random, PAGES), null, null, false);
            case "sparql light" -> timed(route, base, "POST", "/sparql", "application/sparql-query", LIGHT_SPARQL.getBytes(StandardCharsets.UTF_8), false);
            case "sparql heavy" -> timed(route, base, "POST", "/sparql", "application/sparql-query",
                    any(random, HEAVY_SPARQL).getBytes(StandardCharsets.UTF_8), false);
            default -> upload(base, "upload", "note-" + UUID.randomUUID() + ".md", ("# Field note " + UUID.randomUUID()
                    + "\n\nWater trucking to the informal settlement near Zahle continued; households reported paying more for"
                    + " private tankers. " + any(random, SEARCHES) + ".\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static <T> T any(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A document is acknowledged by 200/201 (its id), or by 202 and then its status resource saying committed. */
    private boolean upload(String base, String route, String name, byte[] content) {
        String boundary = "kh-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpResponse<byte[]> r = timed(route, base, "POST", "/api/documents", "multipart/form-data; boundary=" + boundary, body, true);
        if (r == null) {
            return false;
        }
        if (r.statusCode() == 200 || r.statusCode() == 201) {
            acknowledged.add(JSON.readTree(r.body()).get("id").asString());
            return true;
        } else if (r.statusCode() == 202) {
            String location = r.headers().firstValue("Location").orElseThrow();
            while (true) {
                JsonNode status = JSON.readTree(send(base, "GET", location, null, null, true).body());
                String state = status.path("state").asString("");
                if (state.equals("committed")) {
                    acknowledged.add(status.get("document").get("id").asString());
                    return true;
                }
                if (state.equals("failed")) {
                    routes.get(route).errors.computeIfAbsent(-202, k -> new AtomicLong()).incrementAndGet();
                    return false;
                }
                sleep(1000);
            }
        }
        return false;
    }

    /** Sends and records; null when the response was an error or a deliberate refusal. */
    private HttpResponse<byte[]> timed(String route, String base, String method, String path, String type, byte[] body, boolean admin) {
        Route figures = routes.computeIfAbsent(route, k -> new Route());
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r;
        try {
            r = send(base, method, path, type, body, admin);
        } catch (RuntimeException e) {
            figures.errors.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
            return null;
        }
        figures.ms.add((System.nanoTime() - t0) / 1e6);
        int status = r.statusCode();
        if ((status == 429 || status == 503) && r.headers().firstValue("Retry-After").isPresent()) {
            figures.deliberate.incrementAndGet();
            sleep(200);
            return null;
        }
        if (status == 503 && new String(r.body(), StandardCharsets.UTF_8).contains("/problems/timeout")) {
            // The SPARQL time budget at work: deliberate, but retrying the same query would not help, so no Retry-After.
            figures.timeouts.incrementAndGet();
            return null;
        }
        if (status >= 400) {
            figures.errors.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
            return null;
        }
        return r;
    }

    private static HttpResponse<byte[]> send(String base, String method, String path, String type, byte[] body, boolean admin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (admin) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }

    /** Plain text of varied sentences, {@code mb} megabytes of it. */
    private static byte[] largeText(int mb) {
        Random random = new Random(42);
        String[] words = ("water trucking households Bekaa Akkar shelter rent eviction school children cash assistance food"
                + " prices market tankers spring municipality refugees partners coordination meeting report survey").split(" ");
        StringBuilder text = new StringBuilder(mb * 1_048_576 + 200);
        while (text.length() < mb * 1_048_576) {
            text.append("As reported by ");
            for (int i = 0; i < 12; i++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            text.append(random.nextInt(100)).append(" per cent.").append(random.nextInt(8) == 0 ? "\n\n" : " ");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A report of {@code mb} megabytes as big reports are: a text layer of about a tenth of it, photographs for the rest. */
    private static byte[] largePdf(int mb) {
        String text = new String(largeText(Math.max(1, mb / 10)), StandardCharsets.UTF_8);
        List<TestDocuments.Part> parts = new ArrayList<>();
        int chapter = 0;
        for (String block : text.split("\n\n")) {
            if (parts.isEmpty() || parts.getLast().paragraphs().size() >= 40) {
                parts.add(new TestDocuments.Part("Chapter " + ++chapter, new ArrayList<>()));
            }
            parts.getLast().paragraphs().add(block);
        }
        return TestDocuments.pdf("A large assessment report", parts, mb - mb / 10);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String table(int seconds, int clients, int largeMb, long lost) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "## Mixed load: %d clients, %d s, large upload %s, %d generated documents, %d cores, max heap %d MB, %s%n%n",
                clients, seconds, largeMb > 0 ? largeMb + " MB" : "none", Integer.getInteger("kh.bench.documents", 0),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("kh.bench.args", "")));
        t.append("| route | count | p50 ms | p95 ms | p99 ms | errors by status | 429/503 with Retry-After | 503 time budget |\n");
        t.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |\n");
        for (Map.Entry<String, Route> e : new TreeMap<>(routes).entrySet()) {
            double[] ms = e.getValue().ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Map<Integer, Long> errors = new TreeMap<>();
            e.getValue().errors.forEach((k, v) -> errors.put(k, v.get()));
            t.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %s | %d | %d |%n", e.getKey(), ms.length,
                    at(ms, 0.50), at(ms, 0.95), at(ms, 0.99), errors.isEmpty() ? "none" : errors, e.getValue().deliberate.get(),
                    e.getValue().timeouts.get()));
        }
        t.append(String.format(Locale.ROOT, "%nUploads acknowledged: %d; lost (not found afterwards): %d. Peak heap used: %d MB;"
                        + " most live after a collection (old generation): %d MB.%n", acknowledged.size(), lost, peakHeap.get() >> 20,
                peakLive.get() >> 20));
        if (largeMb > 0) {
            t.append(largeSeconds < 0 ? "The large file was not committed.\n"
                    : String.format(Locale.ROOT, "The large file was committed %.0f s after it was sent.%n", largeSeconds));
        }
        t.append("Targets: search p95 < 500 ms; ask and question pages p95 < 2 s; no errors but 429/503 with Retry-After;"
                + " 0 uploads lost. Status -1: no response; -202: an accepted upload that failed.\n");
        return t.toString();
    }

    private static double at(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
