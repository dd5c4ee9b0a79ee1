package org.knowledgehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A local SolrCloud (nodes and an embedded ZooKeeper in one process of its own, on loopback ports) run
 * by src/engines/solr/SolrCloud.java with the classpath the build resolves into target/engines, with
 * Knowledge Hub's configset uploaded.
 */
public final class SolrCloudServer implements AutoCloseable {

    public static final Path CONFIGSET = Path.of("src/main/resources/solr/configsets/knowledge-hub");
    public static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<String> nodes;
    private final Path log;

    public SolrCloudServer(Path workDir, int nodeCount) throws IOException, InterruptedException {
        Path classpath = Path.of(System.getProperty("kh.test.solr.classpath", "target/engines/solr-cloud.classpath"));
        if (!Files.isRegularFile(classpath)) {
            throw new IllegalStateException("no SolrCloud classpath at " + classpath + " (the build writes it: mvn test)");
        }
        this.log = workDir.resolve("solr.log");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", Files.readString(classpath).strip(), Path.of("src/engines/solr/SolrCloud.java").toAbsolutePath().toString(),
                workDir.resolve("cloud").toAbsolutePath().toString(), String.valueOf(nodeCount), CONFIGSET.toAbsolutePath().toString())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.readAllLines(log).contains("ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("SolrCloud did not start: " + Files.readString(log));
            }
            Thread.sleep(250);
        }
        nodes = Files.readAllLines(log).stream().filter(l -> l.startsWith("node ")).map(l -> l.substring("node ".length())).toList();
    }

    /** Each node's base URL ({@code http://127.0.0.1:PORT/solr}). */
    public List<String> nodes() {
        return nodes;
    }

    /** Creates a collection of the hub's configset, one replica per shard; its URL. */
    public String createCollection(String name, int shards) {
        return createCollection(name, shards, 1);
    }

    /** Creates a collection of the hub's configset, {@code replicas} of each shard; its URL on the last node. */
    public String createCollection(String name, int shards, int replicas) {
        JsonNode created = send(HttpRequest.newBuilder(URI.create(nodes.getFirst() + "/admin/collections?action=CREATE&name=" + name
                + "&numShards=" + shards + "&replicationFactor=" + replicas + "&collection.configName=knowledge-hub&waitForFinalState=true"))
                .build());
        if (created.path("responseHeader").path("status").asInt(-1) != 0) {
            throw new IllegalStateException("collection " + name + " not created: " + created);
        }
        return nodes.getLast() + "/" + name;
    }

    /** Stops node {@code n} (from 0) as a node that fails, the others running on. */
    public void stopNode(int n) throws IOException, InterruptedException {
        process.outputWriter().write("stop " + n + "\n");
        process.outputWriter().flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readAllLines(log).contains("stopped " + n)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Solr node " + n + " did not stop: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** Solr's JSON answer to a request. */
    public static JsonNode send(HttpRequest request) {
        try {
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        EngineProcess.stop(process);
    }
}
