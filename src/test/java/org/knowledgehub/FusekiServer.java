package org.knowledgehub;

import java.io.IOException;
import java.net.ServerSocket;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Apache Jena Fuseki with one updatable dataset at {@code /kh}, in memory or in a TDB2 folder under
 * its work folder, run from its server jar (copied into target/engines by the build) in a process of
 * its own on a loopback port.
 */
public final class FusekiServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Path log;

    /** In memory, on a free port. */
    public FusekiServer(Path workDir) throws IOException, InterruptedException {
        this(workDir, freePort(), false);
    }

    /** {@code persistent}: in {@code workDir/tdb2}, so a server started again on it has the same data. */
    public FusekiServer(Path workDir, int port, boolean persistent) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("kh.test.fuseki.jar", "target/engines/jena-fuseki-server-6.2.0.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no Fuseki server jar at " + jar + " (the build copies it there: mvn test)");
        }
        this.port = port;
        this.log = workDir.resolve("fuseki.log");
        String dataset = persistent ? "--loc=" + workDir.resolve("tdb2").toAbsolutePath() : "--mem";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toAbsolutePath().toString(), "--localhost", "--port=" + port));
        if (persistent) {
            Files.createDirectories(workDir.resolve("tdb2"));
            command.add("--tdb2");
        }
        command.addAll(List.of(dataset, "--update", "/kh"));
        process = new ProcessBuilder(command)
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("fuseki.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                count("ASK {}");
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("Fuseki did not start: " + Files.readString(workDir.resolve("fuseki.log")));
                }
                Thread.sleep(250);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Queries Fuseki has logged so far (its log names each one). */
    public long queriesLogged() throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" Query = ")).count();
        }
    }

    /** The dataset's base, as {@code kh.store.url} takes it. */
    public String dataset() {
        return "http://127.0.0.1:" + port + "/kh";
    }

    /** {@code ?n} of the first row of a SELECT asked of Fuseki directly (an ASK gives 1 or 0). */
    public long count(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(dataset() + "/query"))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Fuseki answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode json = new ObjectMapper().readTree(response.body());
        if (json.has("boolean")) {
            return json.get("boolean").asBoolean() ? 1 : 0;
        }
        JsonNode row = json.path("results").path("bindings").path(0);
        return row.isMissingNode() ? 0 : Long.parseLong(row.path("n").path("value").asString());
    }

    @Override
    public void close() {
        EngineProcess.stop(process);
    }
}
