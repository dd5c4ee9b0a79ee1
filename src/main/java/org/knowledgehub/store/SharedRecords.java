package org.knowledgehub.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.springframework.stereotype.Component;

/**
 * The hub's own records (accounts, the audit trail) when the store is remote: kept in system
 * graphs of that store ({@link Uris#systemGraph}), so that every hub sharing it reads and writes the
 * same ones. With the embedded store the records stay in the data folder and this is not
 * {@linkplain #inStore() in use}. No caller reaches these graphs through any channel.
 * <p>
 * Two shapes: records by key, which several hubs may change at once and so are written by
 * compare-and-set; and logs, only ever appended to and read newest first.
 */
@Component
public class SharedRecords {

    private static final Node VALUE = NodeFactory.createURI("urn:x-kh:value");
    private static final Node AT = NodeFactory.createURI("urn:x-kh:at");
    /** How often {@link #update} tries again when other hubs keep changing the record. */
    private static final int ATTEMPTS = 10;
    /** How many log entries one read fetches. */
    private static final int PAGE = 1000;

    private final KnowledgeStore store;
    private final Uris uris;

    public SharedRecords(KnowledgeStore store, Uris uris) {
        this.store = store;
        this.uris = uris;
    }

    /** Whether records are kept in the store (a remote one, shared by replicas). */
    public boolean inStore() {
        return store.remote().isPresent();
    }

    /**
     * Whether the store holds records of {@code name}; with the embedded store, those a remote store
     * kept, copied with its graph by {@code bin/kh migrate from}, for their owner to move into the
     * data folder's files and {@linkplain #drop drop}.
     */
    public boolean holds(String name) {
        Node graph = uris.systemGraph(name);
        return store.readAll(d -> d.containsGraph(graph));
    }

    /** Deletes every record of {@code name}. */
    public void drop(String name) {
        try (KnowledgeStore.WriteTransaction write = store.beginWrite()) {
            write.deleteGraph(uris.systemGraph(name));
            write.commit();
        }
    }

    /** The records of {@code name}, by key. */
    public Map<String, String> read(String name) {
        Node graph = uris.systemGraph(name);
        String prefix = graph.getURI() + "#";
        Map<String, String> out = new HashMap<>();
        store.readAll(d -> {
            d.find(graph, Node.ANY, VALUE, Node.ANY).forEachRemaining(q -> {
                if (q.getSubject().isURI() && q.getSubject().getURI().startsWith(prefix) && q.getObject().isLiteral()) {
                    out.put(URLDecoder.decode(q.getSubject().getURI().substring(prefix.length()), StandardCharsets.UTF_8),
                            q.getObject().getLiteralLexicalForm());
                }
            });
            return null;
        });
        return out;
    }

    /**
     * Writes {@code next} as the record {@code key} of {@code name} if the store still holds
     * {@code expected} there (null: no record yet); says whether it did. Other hubs are told.
     */
    public boolean compareAndSet(String name, String key, String expected, String next) {
        Node graph = uris.systemGraph(name);
        return remote().compareAndSet(graph, subject(graph, key), VALUE, expected == null ? null : NodeFactory.createLiteralString(expected),
                NodeFactory.createLiteralString(next));
    }

    /**
     * Changes the record {@code key} of {@code name} by compare-and-set, tried again while other hubs
     * change it in between. {@code how} is given the record as the store holds it (null: none) and
     * gives the new one, or the same (or null) to leave it; the record as it then is.
     */
    public String update(String name, String key, UnaryOperator<String> how) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String current = get(name, key);
            String next = how.apply(current);
            if (next == null || next.equals(current) || compareAndSet(name, key, current, next)) {
                return next == null ? current : next;
            }
        }
        throw new IllegalStateException("the record " + key + " of " + name + " kept changing through other hubs");
    }

    /** The record {@code key} of {@code name} as the store holds it now, or null. */
    public String get(String name, String key) {
        Node graph = uris.systemGraph(name);
        String query = "SELECT ?v WHERE { GRAPH " + NodeFmtLib.strNT(graph) + " { " + NodeFmtLib.strNT(subject(graph, key)) + " "
                + NodeFmtLib.strNT(VALUE) + " ?v } } LIMIT 1";
        List<String> values = values(query);
        return values.isEmpty() ? null : values.getFirst();
    }

    /**
     * Writes the record {@code key} of {@code name}, whatever it held, to be dropped by
     * {@link #removeExpired} after {@code expires}; other hubs are not told (they read it with {@link #get}).
     */
    public void put(String name, String key, String value, Instant expires) {
        Node graph = uris.systemGraph(name);
        Node subject = subject(graph, key);
        remote().replaceSubject(graph, subject, List.of(Triple.create(subject, VALUE, NodeFactory.createLiteralString(value)),
                Triple.create(subject, AT, dateTime(expires))));
    }

    /** Deletes the record {@code key} of {@code name}. */
    public void remove(String name, String key) {
        Node graph = uris.systemGraph(name);
        remote().replaceSubject(graph, subject(graph, key), List.of());
    }

    /** Deletes the records of {@code name} {@linkplain #put put} to expire before {@code now}. */
    public void removeExpired(String name, Instant now) {
        remote().deleteBefore(uris.systemGraph(name), AT, now);
    }

    private static Node subject(Node graph, String key) {
        return NodeFactory.createURI(graph.getURI() + "#" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** Runs {@code listener} when another hub changes a record of {@code name}. */
    public void onChange(String name, Runnable listener) {
        store.onChangeElsewhere(uris.systemGraph(name), listener);
    }

    /** Keeps {@code bytes} as the file {@code key} of {@code name}, whole or not at all (a no-op if it is kept already). */
    public void putFile(String name, String key, byte[] bytes) {
        files(name).put(key, bytes);
    }

    /** The file {@code key} of {@code name}, or null. */
    public byte[] file(String name, String key) {
        return files(name).get(key);
    }

    public boolean hasFile(String name, String key) {
        return files(name).exists(key);
    }

    public void deleteFile(String name, String key) {
        files(name).delete(key);
    }

    private StoredOriginals files(String name) {
        return new StoredOriginals(remote(), uris.systemGraph(name));
    }

    /** An entry of a log: its value and when it happened. */
    public record Entry(Instant at, String value) {
    }

    /** Adds an entry to the log {@code name}, at {@code at}. */
    public void append(String name, Instant at, String value) {
        appendAll(name, List.of(new Entry(at, value)));
    }

    /** Adds entries to the log {@code name}, {@value #PAGE} per update. */
    public void appendAll(String name, List<Entry> entries) {
        for (int from = 0; from < entries.size(); from += PAGE) {
            List<Triple> triples = new ArrayList<>();
            for (Entry e : entries.subList(from, Math.min(entries.size(), from + PAGE))) {
                Node entry = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
                triples.add(Triple.create(entry, AT, dateTime(e.at())));
                triples.add(Triple.create(entry, VALUE, NodeFactory.createLiteralString(e.value())));
            }
            remote().append(uris.systemGraph(name), triples);
        }
    }

    /**
     * Entries of the log {@code name} from {@code from} (inclusive) to {@code to} (exclusive; null
     * bounds do not bound), newest first, {@value #PAGE} from {@code offset}.
     */
    public List<String> page(String name, Instant from, Instant to, int offset) {
        StringBuilder query = new StringBuilder("SELECT ?v WHERE { GRAPH ").append(NodeFmtLib.strNT(uris.systemGraph(name)))
                .append(" { ?e ").append(NodeFmtLib.strNT(AT)).append(" ?at ; ").append(NodeFmtLib.strNT(VALUE)).append(" ?v } ");
        if (from != null) {
            query.append("FILTER(?at >= ").append(NodeFmtLib.strNT(dateTime(from))).append(") ");
        }
        if (to != null) {
            query.append("FILTER(?at < ").append(NodeFmtLib.strNT(dateTime(to))).append(") ");
        }
        query.append("} ORDER BY DESC(?at) ?e LIMIT ").append(PAGE).append(" OFFSET ").append(offset);
        return values(query.toString());
    }

    /** The lexical forms of {@code ?v} in the rows of {@code query}, asked of the remote store or read from the embedded one. */
    private List<String> values(String query) {
        List<String> out = new ArrayList<>();
        Var v = Var.alloc("v");
        if (store.remote().isPresent()) {
            try (RemoteDatasetGraph.Rows rows = remote().select(query, new AtomicBoolean())) {
                rows.forEachRemaining(row -> out.add(row.get(v).getLiteralLexicalForm()));
            }
            return out;
        }
        return store.readAll(d -> {
            try (QueryExec exec = QueryExec.dataset(d).query(query).build()) {
                exec.select().forEachRemaining(row -> out.add(row.get(v).getLiteralLexicalForm()));
            }
            return out;
        });
    }

    /** How many entries {@link #page} gives at most. */
    public static int pageSize() {
        return PAGE;
    }

    private RemoteDatasetGraph remote() {
        return store.remote().orElseThrow(() -> new IllegalStateException("records are kept in the store only when it is remote"));
    }

    private static Node dateTime(Instant instant) {
        return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
    }
}
