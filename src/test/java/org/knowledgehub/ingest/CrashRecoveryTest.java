package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.KnowledgeHubApplication;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of a hub process while clients upload documents and large files wait in the background
 * queue: after a restart every upload that was acknowledged (201, or 202 for a background job) is
 * there and searchable, background jobs accepted before the kill run to their end, and nothing half
 * written is left. The hub runs in a process of its own (NLP and embeddings off, so it starts fast).
 */
class CrashRecoveryTest {

    private static final String TOKEN = "crash-test-admin-token";

    private Process hub;

    @AfterEach
    void stop() throws InterruptedException {
        if (hub != null) {
            hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void acknowledgedUploadsSurviveKillNine() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-data-");
        int port = freePort();
        Http api = new Http("http://127.0.0.1:" + port).withBearer(TOKEN);
        hub = start(data, port, "first");

        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 3; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    String marker = "Crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                    try {
                        Http.Response r = api.upload("/api/documents", marker + ".md", ("# Field note " + marker + "\n\n"
                                + "Households near the " + marker + " spring in Zahle buy water from tankers.\n")
                                .getBytes(StandardCharsets.UTF_8), Map.of("type", "field-note"));
                        if (r.status() == 201) {
                            created.add(marker + " " + r.json().get("id").asString());
                        }
                    } catch (RuntimeException dead) {
                        return; // the hub was killed under this request: it was never acknowledged
                    }
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (created.size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // Large files queue behind one worker: when the hub dies some are waiting or half done.
        for (int i = 0; i < 3; i++) {
            String marker = "Spool" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Http.Response r = api.upload("/api/documents", marker + ".txt", BackgroundIngestTest.largeNote(marker, 1_500_000),
                    Map.of("type", "field-note"));
            assertThat(r.status()).as(r.toString()).isEqualTo(202);
            accepted.add(marker + " " + r.header("Location"));
        }
        hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(created).as("documents acknowledged before the kill").isNotEmpty();
        long unfinished;
        try (Stream<Path> states = Files.list(data.resolve("ingests"))) {
            unfinished = states.filter(p -> p.toString().endsWith(".json")).filter(p -> !read(p).contains("\"committed\"")).count();
        }
        assertThat(unfinished).as("background jobs not finished when the hub was killed").isPositive();

        hub = start(data, port, "second");
        for (String line : accepted) {
            String[] parts = line.split(" ");
            JsonNode done = BackgroundIngestTest.awaitFinished(api, parts[1]);
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
            assertFound(api, parts[0], done.get("document").get("id").asString());
        }
        for (String line : created) {
            String[] parts = line.split(" ");
            assertThat(api.get("/api/documents/" + parts[1]).status()).as(parts[1]).isEqualTo(200);
            assertFound(api, parts[0], parts[1]);
        }
        try (Stream<Path> spool = Files.list(data.resolve("ingests"))) {
            assertThat(spool.map(p -> p.getFileName().toString())).as("files of finished jobs are dropped")
                    .noneMatch(n -> n.endsWith(".upload") || n.endsWith(".tmp"));
        }
    }

    private static void assertFound(Http api, String marker, String id) {
        JsonNode hits = api.get("/api/search?q=" + marker).json();
        assertThat(hits.get("results").valueStream().map(r -> r.get("document").get("id").asString()))
                .as("search for " + marker).contains(id);
    }

    private static Process start(Path data, int port, String run) throws IOException, InterruptedException {
        Path log = data.resolveSibling(data.getFileName() + "-" + run + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), KnowledgeHubApplication.class.getName(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--kh.data-dir=" + data,
                "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=false",
                "--kh.security.admin-token=" + TOKEN, "--kh.ingest.upload-workers=1", "--kh.ingest.uploads-per-caller=20",
                "--kh.ingest.background-above=1MB",
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Http anonymous = new Http("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the hub exited; see " + log).isTrue();
            try {
                if (anonymous.get("/api/me").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the hub did not start within 3 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
