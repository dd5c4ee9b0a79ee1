package org.knowledgehub.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * {@code migrate to|from URL [--kh.data-dir=DIR]} (run by {@code bin/kh migrate} while no hub runs):
 * copies the graph of an embedded hub (DIR/tdb2) into an empty SPARQL dataset service, or the graph
 * held by such a service into the empty embedded store of a data folder, graph by graph, then checks
 * that every graph holds as many quads on both sides. Afterwards the hub is started with
 * {@code kh.store.url} set to the service, or without it; at that first start the hub's own
 * records (accounts, audit trail, originals) move between the data folder's files and the store's
 * system graphs, where a hub over a remote store keeps them. What only replicas share (change notes,
 * browser sessions, sign-in failures, background ingests) is not copied back.
 */
public final class StoreMigration {

    public static final String COMMAND = "migrate";
    /** Quads sent in one update request (graphs are never split between two). */
    private static final int BATCH_QUADS = 50_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A whole graph read for a copy may take long; the service still stops a query that runs away. */
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(30);
    /**
     * The system graphs ({@link Uris#systemGraph}) that only replicas sharing a store use: change
     * notes, browser sessions, sign-in failures, background ingests (finish them before migrating),
     * claims of demo loads (a data folder has its markers).
     */
    private static final Pattern REPLICAS_ONLY = Pattern.compile("/graph/system/(changes|sessions|sign-in-failures|ingest-jobs|ingest-uploads|demo-loads)$");

    /** What a migration copied. */
    public record Copied(int graphs, long quads) {
    }

    private StoreMigration() {
    }

    /** Copies the embedded store of {@code dataDir} into the empty dataset at {@code service}. */
    public static Copied toService(Path dataDir, URI service) {
        if (!Files.isDirectory(dataDir.resolve("tdb2"))) {
            throw new IllegalStateException("no embedded store in " + dataDir.resolve("tdb2") + " to copy (name the data folder with KH_DATA_DIR)");
        }
        DatasetGraph embedded = KnowledgeStore.open(dataDir.resolve("tdb2"));
        RemoteDatasetGraph remote = null;
        try {
            remote = RemoteDatasetGraph.connect(service, CONNECT_TIMEOUT, QUERY_TIMEOUT);
            requireEmpty(remote, "the dataset at " + service);
            return copy(embedded, remote, g -> true);
        } finally {
            close(embedded, remote);
        }
    }

    /** Copies the graph held by {@code service} into the empty embedded store of {@code dataDir}. */
    public static Copied fromService(URI service, Path dataDir) {
        DatasetGraph embedded = KnowledgeStore.open(dataDir.resolve("tdb2"));
        RemoteDatasetGraph remote = null;
        try {
            remote = RemoteDatasetGraph.connect(service, CONNECT_TIMEOUT, QUERY_TIMEOUT);
            requireEmpty(embedded, "the embedded store in " + dataDir.resolve("tdb2"));
            return copy(remote, embedded, g -> !g.isURI() || !REPLICAS_ONLY.matcher(g.getURI()).find());
        } finally {
            close(embedded, remote);
        }
    }

    private static void close(DatasetGraph embedded, RemoteDatasetGraph remote) {
        TDBInternal.expel(embedded);
        if (remote != null) {
            remote.close();
        }
    }

    private static void requireEmpty(DatasetGraph target, String name) {
        long graphs = Txn.calculateRead(target, () -> Iter.count(target.listGraphNodes()));
        if (graphs > 0) {
            throw new IllegalStateException(name + " already holds " + graphs + " graphs: a store is migrated into an empty one only");
        }
    }

    private static Copied copy(DatasetGraph from, DatasetGraph to, Predicate<Node> copied) {
        List<Node> graphs = Txn.calculateRead(from, () -> Iter.toList(from.listGraphNodes())).stream().filter(copied).toList();
        List<Quad> batch = new ArrayList<>();
        long quads = 0;
        for (Node graph : graphs) {
            List<Quad> content = Txn.calculateRead(from, () -> Iter.toList(from.find(graph, Node.ANY, Node.ANY, Node.ANY)));
            if (!batch.isEmpty() && batch.size() + content.size() > BATCH_QUADS) {
                write(to, batch);
                batch.clear();
            }
            batch.addAll(content);
            quads += content.size();
        }
        write(to, batch);
        Map<Node, Long> expected = new HashMap<>(quadsPerGraph(from));
        expected.keySet().removeIf(copied.negate());
        Map<Node, Long> found = quadsPerGraph(to);
        if (!expected.equals(found)) {
            throw new IllegalStateException("the copy does not match: " + differences(expected, found));
        }
        return new Copied(graphs.size(), quads);
    }

    private static void write(DatasetGraph to, List<Quad> quads) {
        if (!quads.isEmpty()) {
            Txn.executeWrite(to, () -> quads.forEach(to::add));
        }
    }

    private static Map<Node, Long> quadsPerGraph(DatasetGraph dataset) {
        if (dataset instanceof RemoteDatasetGraph remote) {
            return remote.quadsPerGraph();
        }
        return Txn.calculateRead(dataset, () -> {
            Map<Node, Long> counts = new HashMap<>();
            dataset.listGraphNodes().forEachRemaining(g -> counts.put(g, Iter.count(dataset.find(g, Node.ANY, Node.ANY, Node.ANY))));
            return counts;
        });
    }

    private static String differences(Map<Node, Long> expected, Map<Node, Long> found) {
        Map<String, String> differ = new TreeMap<>();
        expected.forEach((g, n) -> {
            if (!n.equals(found.get(g))) {
                differ.put(g.toString(), n + " quads in the source, " + found.getOrDefault(g, 0L) + " in the copy");
            }
        });
        found.keySet().stream().filter(g -> !expected.containsKey(g)).forEach(g -> differ.put(g.toString(), "only in the copy"));
        return differ.toString();
    }

    public static void main(String[] args) {
        if (args.length < 3 || !COMMAND.equals(args[0]) || !List.of("to", "from").contains(args[1])) {
            System.err.println("usage: migrate to|from URL [--kh.data-dir=DIR]");
            System.exit(2);
        }
        URI service = URI.create(args[2]);
        Path dataDir = Path.of("data");
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith("--kh.data-dir=")) {
                dataDir = Path.of(args[i].substring("--kh.data-dir=".length()));
            }
        }
        try {
            Copied copied = args[1].equals("to") ? toService(dataDir, service) : fromService(service, dataDir);
            System.out.printf("Copied %d graphs, %d quads %s %s; every graph holds as many quads on both sides.%n", copied.graphs(),
                    copied.quads(), args[1].equals("to") ? "from " + dataDir.resolve("tdb2") + " to" : "from " + service + " to",
                    args[1].equals("to") ? service : dataDir.resolve("tdb2"));
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("kh: migration failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
