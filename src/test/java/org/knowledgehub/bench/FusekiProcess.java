package org.knowledgehub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apache Jena Fuseki with a jena-text Lucene index, run from the {@code jena-fuseki-server} jar in
 * processes of its own (the jar bundles its own Jena and Lucene, so it stays off the hub's class
 * path): {@code tdb2.tdbloader} loads the N-Quads, {@code jena.textindexer} builds the text index,
 * then the server answers SPARQL on {@code /kh/sparql} on a loopback port. Its JVMs get the same heap
 * and flags as the hub's test JVM, and its request log is turned down to warnings as the hub's is.
 */
final class FusekiProcess implements AutoCloseable {

    private final Path jar;
    private final Path dir;
    private final String heap;
    private Process server;
    private int port;

    FusekiProcess(Path jar, Path dir, String heap) {
        this.jar = jar;
        this.dir = dir;
        this.heap = heap;
    }

    Path database() {
        return dir.resolve("tdb2");
    }

    Path textIndex() {
        return dir.resolve("lucene");
    }

    /** Loads the quads into TDB2 and indexes the passage text: both JVM runs, timed together by the caller. */
    void load(Path nquads) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("config.ttl"), config());
        Files.writeString(dir.resolve("log4j2.properties"), """
                status = error
                appender.console.type = Console
                appender.console.name = OUT
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss} %-5p %-15c{1} :: %m%n
                rootLogger.level = warn
                rootLogger.appenderRef.stdout.ref = OUT
                """);
        run("load", "tdb2.tdbloader", "--loc=" + database(), nquads.toString());
        run("index", "jena.textindexer", "--desc=" + dir.resolve("config.ttl"));
    }

    /** Starts the server and waits until it answers a query. */
    void start() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = java();
        command.addAll(List.of("-jar", jar.toString(), "--config=" + dir.resolve("config.ttl"), "--port=" + port, "--localhost"));
        // In its folder: Fuseki makes its run area (FUSEKI_BASE) in the working directory.
        server = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        URI ask = URI.create(sparqlEndpoint() + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Fuseki stopped; see " + dir.resolve("server.log"));
            }
            try {
                if (client.send(HttpRequest.newBuilder(ask).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Fuseki did not answer within 120 s; see " + dir.resolve("server.log"));
    }

    String sparqlEndpoint() {
        return "http://127.0.0.1:" + port + "/kh/sparql";
    }

    long pid() {
        return server.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private void run(String step, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = java();
        command.addAll(List.of("-cp", jar.toString(), mainClass));
        command.addAll(List.of(args));
        Path log = dir.resolve(step + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Fuseki " + step + " failed; see " + log);
        }
    }

    private List<String> java() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-XX:+UseParallelGC", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j.configurationFile=" + dir.resolve("log4j2.properties")));
    }

    /** A TDB2 dataset whose default graph is the union of the documents' graphs, with a Lucene index on kh:text. */
    private String config() {
        return """
                @prefix :       <#> .
                @prefix fuseki: <http://jena.apache.org/fuseki#> .
                @prefix tdb2:   <http://jena.apache.org/2016/tdb#> .
                @prefix text:   <http://jena.apache.org/text#> .
                @prefix kh:     <https://w3id.org/knowledge-hub/ns#> .

                :service a fuseki:Service ;
                    fuseki:name "kh" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
                    fuseki:dataset :textDataset .

                :textDataset a text:TextDataset ;
                    text:dataset :tdb ;
                    text:index :lucene .

                :tdb a tdb2:DatasetTDB2 ;
                    tdb2:location "%s" ;
                    tdb2:unionDefaultGraph true .

                :lucene a text:TextIndexLucene ;
                    text:directory <%s> ;
                    text:storeValues true ;
                    text:entityMap :entities .

                :entities a text:EntityMap ;
                    text:entityField "uri" ;
                    text:defaultField "text" ;
                    text:map ( [ text:field "text" ; text:predicate kh:text ] ) .
                """.formatted(database(), textIndex().toUri());
    }
}
