package org.knowledgehub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.knowledgehub.KnowledgeHubApplication;

/**
 * A hub serving a loaded data folder from a JVM of its own, as {@code bin/kh} runs it: no ingest,
 * no NLP, no embeddings, on a loopback port. Benchmarks serve from here rather than from their test
 * JVM, which has just ingested the corpus and holds its heap, caches and compiled code (a search
 * served from there measured 5 times slower than the same folder served by a fresh process).
 */
final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    /** Starts the hub and waits until it answers (at most 15 minutes: it checks its index against the store). */
    HubProcess(Path data, String heap, Path log) throws IOException, InterruptedException {
        this(data, heap, log, Map.of());
    }

    /** The same, with {@code settings} ({@code kh.store.url}...) added to or replacing the defaults above. */
    HubProcess(Path data, String heap, Path log, Map<String, String> settings) throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.address", "127.0.0.1");
        all.put("server.port", String.valueOf(port));
        all.put("kh.data-dir", data.toString());
        all.put("kh.ingest.load-corpus", "false");
        all.put("kh.nlp.enabled", "false");
        all.put("kh.search.embeddings", "false");
        all.put("kh.security.admin-token", "benchmark");
        all.put("logging.level.root", "warn");
        all.put("logging.level.org.knowledgehub", "warn");
        all.put("spring.main.banner-mode", "off");
        all.putAll(settings);
        List<String> command = java(heap);
        all.forEach((name, value) -> command.add("--" + name + "=" + value));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        URI ready = URI.create(base() + "/api/me");
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the hub did not start; see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
    }

    /**
     * Runs {@code kh ingest FOLDER} into {@code data} as {@code bin/kh ingest} does (a JVM of its own,
     * no web server; here without NLP and embeddings) and waits for it to end.
     *
     * @return what the command printed
     * @throws IllegalStateException when it fails or takes over an hour
     */
    static String ingest(Path folder, Path data, String heap, Path log) throws IOException, InterruptedException {
        List<String> command = java(heap);
        command.addAll(List.of("ingest", folder.toString(), "--kh.data-dir=" + data, "--kh.nlp.enabled=false",
                "--kh.search.embeddings=false"));
        Process ingest = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!ingest.waitFor(1, TimeUnit.HOURS)) {
            ingest.destroyForcibly().waitFor();
            throw new IllegalStateException("kh ingest took over an hour; see " + log);
        }
        if (ingest.exitValue() != 0) {
            throw new IllegalStateException("kh ingest ended with " + ingest.exitValue() + "; see " + log);
        }
        return Files.readString(log);
    }

    /** The hub's main class on the benchmark's class path, in a JVM with the launcher's flags. */
    private static List<String> java(String heap) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseParallelGC", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), KnowledgeHubApplication.class.getName()));
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
