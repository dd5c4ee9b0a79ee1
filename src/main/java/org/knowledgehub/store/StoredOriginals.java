package org.knowledgehub.store;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;

/**
 * Files kept in a system graph of the remote store that replicas share, so that one uploaded
 * through any replica is served by every other (originals, found by their hash; the uploads of
 * background ingests, by their job): each file as base64 chunks of {@value #CHUNK} bytes, written in
 * one update (so whole or not at all).
 */
final class StoredOriginals {

    private static final int CHUNK = 1 << 20;
    private static final Node ORIGINAL = NodeFactory.createURI("urn:x-kh:original");
    private static final Node PART = NodeFactory.createURI("urn:x-kh:part");
    private static final Node BYTES = NodeFactory.createURI("urn:x-kh:bytes");

    private final RemoteDatasetGraph remote;
    private final Node graph;

    StoredOriginals(RemoteDatasetGraph remote, Node graph) {
        this.remote = remote;
        this.graph = graph;
    }

    void put(String sha256, byte[] bytes) {
        if (exists(sha256)) {
            return;
        }
        List<Triple> triples = new ArrayList<>();
        Node hash = NodeFactory.createLiteralString(sha256);
        for (int part = 0, from = 0; from < bytes.length || part == 0; part++, from += CHUNK) {
            Node chunk = NodeFactory.createURI(graph.getURI() + "#" + sha256 + "-" + part);
            byte[] slice = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK));
            triples.add(Triple.create(chunk, ORIGINAL, hash));
            triples.add(Triple.create(chunk, PART, NodeFactory.createLiteralDT(String.valueOf(part), XSDDatatype.XSDinteger)));
            triples.add(Triple.create(chunk, BYTES, NodeFactory.createLiteralString(Base64.getEncoder().encodeToString(slice))));
        }
        remote.append(graph, triples);
    }

    /** The file's bytes, or null when the store does not hold it. */
    byte[] get(String sha256) {
        String query = "SELECT ?b WHERE { GRAPH " + NodeFmtLib.strNT(graph) + " { ?c " + NodeFmtLib.strNT(ORIGINAL) + " "
                + NodeFmtLib.strNT(NodeFactory.createLiteralString(sha256)) + " ; " + NodeFmtLib.strNT(PART) + " ?i ; "
                + NodeFmtLib.strNT(BYTES) + " ?b } } ORDER BY ?i";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        Var b = Var.alloc("b");
        try (RemoteDatasetGraph.Rows rows = remote.select(query, new AtomicBoolean())) {
            while (rows.hasNext()) {
                out.writeBytes(Base64.getDecoder().decode(rows.next().get(b).getLiteralLexicalForm()));
                found = true;
            }
        }
        return found ? out.toByteArray() : null;
    }

    boolean exists(String sha256) {
        return remote.ask("ASK { GRAPH " + NodeFmtLib.strNT(graph) + " { ?c " + NodeFmtLib.strNT(ORIGINAL) + " "
                + NodeFmtLib.strNT(NodeFactory.createLiteralString(sha256)) + " } }");
    }

    void delete(String sha256) {
        String g = NodeFmtLib.strNT(graph);
        remote.execute("DELETE { GRAPH " + g + " { ?c ?p ?o } } WHERE { GRAPH " + g + " { ?c " + NodeFmtLib.strNT(ORIGINAL) + " "
                + NodeFmtLib.strNT(NodeFactory.createLiteralString(sha256)) + " ; ?p ?o } }");
    }

    /**
     * Each file kept in {@code graph} of {@code dataset} (read by the caller in a transaction), with
     * its hash: what an embedded store holds of a remote one's originals after {@code bin/kh migrate from}.
     */
    static void forEachIn(DatasetGraph dataset, Node graph, BiConsumer<String, byte[]> each) {
        Map<String, List<Node>> chunks = new TreeMap<>();
        dataset.find(graph, Node.ANY, ORIGINAL, Node.ANY).forEachRemaining(q ->
                chunks.computeIfAbsent(q.getObject().getLiteralLexicalForm(), h -> new ArrayList<>()).add(q.getSubject()));
        chunks.forEach((hash, parts) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.stream().sorted(Comparator.comparingInt(chunk -> Integer.parseInt(only(dataset, graph, chunk, PART))))
                    .forEach(chunk -> out.writeBytes(Base64.getDecoder().decode(only(dataset, graph, chunk, BYTES))));
            each.accept(hash, out.toByteArray());
        });
    }

    private static String only(DatasetGraph dataset, Node graph, Node chunk, Node property) {
        return dataset.find(graph, chunk, property, Node.ANY).next().getObject().getLiteralLexicalForm();
    }

    Set<String> hashes() {
        Set<String> out = new HashSet<>();
        Var h = Var.alloc("h");
        try (RemoteDatasetGraph.Rows rows = remote.select("SELECT DISTINCT ?h WHERE { GRAPH " + NodeFmtLib.strNT(graph) + " { ?c "
                + NodeFmtLib.strNT(ORIGINAL) + " ?h } }", new AtomicBoolean())) {
            rows.forEachRemaining(row -> out.add(row.get(h).getLiteralLexicalForm()));
        }
        return out;
    }
}
