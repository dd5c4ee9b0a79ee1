package org.knowledgehub.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.Lock;
import org.apache.jena.shared.LockMRSW;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The store's quads held by a SPARQL 1.1 dataset service (Apache Jena Fuseki, for one) at
 * {@code kh.store.url}: its query service at {@code /query}, its update service at {@code /update}.
 * Each read pattern is one query, except that a read transaction fetches a named graph whole the first
 * time it reads from it and answers its later patterns on that graph from memory. A write transaction is kept here, readable by the writing thread,
 * and sent on commit as one update request, which the service applies as one transaction: a document
 * is replaced whole or not at all. The hub serialises its writers; readers on other threads see what
 * the service has committed (no snapshot across several reads). The store holds only named graphs.
 */
final class RemoteDatasetGraph extends DatasetGraphBaseFind {

    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final String queryService;
    private final String updateService;
    private final HttpClient http;
    /** Seconds, as Fuseki's {@code timeout} parameter takes them. */
    private final String queryTimeout;
    private final Lock lock = new LockMRSW();
    private final PrefixMap prefixes = PrefixMapFactory.create();
    private final ThreadLocal<TxnType> transaction = new ThreadLocal<>();
    private final ThreadLocal<Changes> changes = new ThreadLocal<>();
    /** Graphs a read transaction has read, each fetched whole by its first pattern: a page reads a document's graph many times. */
    private final ThreadLocal<GraphsRead> graphsRead = new ThreadLocal<>();
    /** The graph where each commit notes the graphs it changed, for other hubs on the same store; null: not noted. */
    private volatile Node changeLog;
    /** The notes of this hub's own commits not yet read back by {@link ChangeFollower}, which has nothing to do for them. */
    private final Set<Node> ownNotes = ConcurrentHashMap.newKeySet();

    private RemoteDatasetGraph(URI dataset, Duration connectTimeout, Duration queryTimeout) {
        String base = dataset.toString().replaceFirst("/+$", "");
        this.queryService = base + "/query";
        this.updateService = base + "/update";
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.queryTimeout = String.valueOf(queryTimeout.toMillis() / 1000.0);
    }

    /**
     * Connects to the dataset service and asks it one query, so a wrong or unreachable address is
     * reported at start, naming it.
     */
    static RemoteDatasetGraph connect(URI dataset, Duration connectTimeout, Duration queryTimeout) {
        RemoteDatasetGraph remote = new RemoteDatasetGraph(dataset, connectTimeout, queryTimeout);
        try (QueryExecHTTP ask = remote.query("ASK { GRAPH ?g { ?s ?p ?o } }")) {
            ask.ask();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot use the graph store at " + dataset + " (kh.store.url): its query service "
                    + remote.queryService + " did not answer a SPARQL query: " + e.getMessage(), e);
        }
        return remote;
    }

    /**
     * Has every later commit note, in the graph {@code log}, which graphs it changed and when, by the
     * service's clock: how other hubs on the same store learn of this one's writes ({@link #changesSince}).
     */
    void noteChangesIn(Node log) {
        this.changeLog = log;
    }

    /** One commit's note: which graph it changed, and when (the service's clock). */
    record Change(Node id, Node graph, Instant at) {
    }

    private static final Node CHANGED = NodeFactory.createURI("urn:x-kh:changed");
    private static final Node AT = NodeFactory.createURI("urn:x-kh:at");

    /** The service's time now, from which {@link #changesSince} can be followed. */
    Instant serviceTime() {
        try (QueryExecHTTP exec = query("SELECT (NOW() AS ?now) {}")) {
            return instant(exec.select().next().get(Var.alloc("now")));
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(queryService, e);
        }
    }

    /** Whether the note is of this hub's own commit, read back for the first time. */
    boolean ownNote(Node id) {
        return ownNotes.remove(id);
    }

    /** The changes noted at or after {@code from}, oldest first. */
    List<Change> changesSince(Instant from) {
        Var c = Var.alloc("c");
        Var at = Var.alloc("at");
        String query = "SELECT ?c ?g ?at WHERE { GRAPH " + NodeFmtLib.strNT(changeLog) + " { ?c " + NodeFmtLib.strNT(AT)
                + " ?at ; " + NodeFmtLib.strNT(CHANGED) + " ?g } FILTER(?at >= " + NodeFmtLib.strNT(dateTime(from)) + ") } ORDER BY ?at";
        List<Change> out = new ArrayList<>();
        try (QueryExecHTTP exec = query(query)) {
            exec.select().forEachRemaining(row -> out.add(new Change(row.get(c), row.get(G), instant(row.get(at)))));
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(queryService, e);
        }
        return out;
    }

    /** Deletes the notes of changes older than {@code before}: hubs starting later read the catalog whole. */
    void forgetChangesBefore(Instant before) {
        deleteBefore(changeLog, AT, before);
    }

    /** Deletes from {@code graph} every subject whose {@code time} is before {@code before}, at once. */
    void deleteBefore(Node graph, Node time, Instant before) {
        String g = NodeFmtLib.strNT(graph);
        execute("DELETE { GRAPH " + g + " { ?c ?p ?o } } WHERE { GRAPH " + g + " { ?c " + NodeFmtLib.strNT(time) + " ?at ; ?p ?o } "
                + "FILTER(?at < " + NodeFmtLib.strNT(dateTime(before)) + ") }");
    }

    /** Replaces what {@code graph} says about {@code subject} with {@code triples} (none: deletes it), at once, without a note. */
    void replaceSubject(Node graph, Node subject, List<Triple> triples) {
        String g = NodeFmtLib.strNT(graph);
        StringBuilder update = new StringBuilder("DELETE WHERE { GRAPH ").append(g).append(" { ").append(NodeFmtLib.strNT(subject))
                .append(" ?p ?o } }");
        if (!triples.isEmpty()) {
            update.append(" ;\nINSERT DATA { GRAPH ").append(g).append(" {\n");
            triples.forEach(t -> update.append(NodeFmtLib.strNT(t)).append("\n"));
            update.append("} }");
        }
        execute(update.toString());
    }

    /**
     * Writes {@code next} in place of {@code expected} (null: where the triple's subject and
     * predicate have no value yet), in one request, only if the store still holds
     * {@code expected}: the compare-and-set hubs sharing a store need for records several may change
     * at once. The change is noted for the other hubs. Says whether it was written.
     */
    boolean compareAndSet(Node graph, Node subject, Node predicate, Node expected, Node next) {
        Node note = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
        String g = NodeFmtLib.strNT(graph);
        String held = NodeFmtLib.strNT(subject) + " " + NodeFmtLib.strNT(predicate) + " ";
        StringBuilder update = new StringBuilder();
        if (expected != null) {
            update.append("DELETE { GRAPH ").append(g).append(" { ").append(held).append(NodeFmtLib.strNT(expected)).append(" } }\n");
        }
        update.append("INSERT { GRAPH ").append(g).append(" { ").append(held).append(NodeFmtLib.strNT(next)).append(" } ")
                .append(noteTemplate(changeLog, note, Set.of(graph))).append(" }\nWHERE { ");
        if (expected != null) {
            update.append("GRAPH ").append(g).append(" { ").append(held).append(NodeFmtLib.strNT(expected)).append(" } ");
        } else {
            update.append("FILTER NOT EXISTS { GRAPH ").append(g).append(" { ").append(held).append("?any } } ");
        }
        update.append("BIND(NOW() AS ?now) }");
        execute(update.toString());
        return ask("ASK { GRAPH " + NodeFmtLib.strNT(changeLog) + " { " + NodeFmtLib.strNT(note) + " ?p ?o } }");
    }

    boolean ask(String query) {
        try (QueryExecHTTP exec = query(query)) {
            return exec.ask();
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(queryService, e);
        }
    }

    /** Adds the triples to the graph at once, outside any transaction and without a note: for records only ever added. */
    void append(Node graph, List<Triple> triples) {
        StringBuilder update = new StringBuilder("INSERT DATA { GRAPH ").append(NodeFmtLib.strNT(graph)).append(" {\n");
        triples.forEach(t -> update.append(NodeFmtLib.strNT(t)).append("\n"));
        execute(update.append("} }").toString());
    }

    void execute(String update) {
        try {
            UpdateExecHTTP.service(updateService).httpClient(http).updateString(update).execute();
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(updateService, e);
        }
    }

    /** The note's triples, for an INSERT template whose WHERE binds {@code ?now}; empty when nothing is noted. */
    private static String noteTemplate(Node log, Node note, Set<Node> graphs) {
        if (log == null || graphs.isEmpty()) {
            return "";
        }
        StringBuilder template = new StringBuilder("GRAPH ").append(NodeFmtLib.strNT(log)).append(" { ")
                .append(NodeFmtLib.strNT(note)).append(" ").append(NodeFmtLib.strNT(AT)).append(" ?now");
        graphs.forEach(g -> template.append(" ; ").append(NodeFmtLib.strNT(CHANGED)).append(" ").append(NodeFmtLib.strNT(g)));
        return template.append(" }").toString();
    }

    private static Node dateTime(Instant instant) {
        return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
    }

    private static Instant instant(Node dateTime) {
        return OffsetDateTime.parse(dateTime.getLiteralLexicalForm()).toInstant();
    }

    // ---- reads

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        // Only named graphs are stored; the views make their own default graph.
        return Iter.empty();
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return find$(g, s, p, o);
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return find$(Node.ANY, s, p, o);
    }

    private Iterator<Quad> find$(Node graph, Node subject, Node predicate, Node object) {
        Node g = anyIfNull(graph);
        Node s = anyIfNull(subject);
        Node p = anyIfNull(predicate);
        Node o = anyIfNull(object);
        Changes pending = changes.get();
        GraphsRead read = graphsRead.get();
        Graph whole = pending == null && read != null && g.isConcrete() ? read.graph(g, this::wholeGraph) : null;
        if (whole != null) {
            return whole.find(s, p, o).mapWith(t -> Quad.create(g, t)).toList().iterator();
        }
        PredicateQuads withPredicate = pending == null && read != null && !g.isConcrete() && p.isConcrete()
                ? read.predicate(p, (asked, limit) -> select(Node.ANY, Node.ANY, asked, Node.ANY, limit)) : null;
        if (withPredicate != null) {
            return withPredicate.find(s, o);
        }
        if (pending == null && !g.isConcrete() && !s.isConcrete() && !p.isConcrete() && !o.isConcrete()) {
            // Every quad (a backup, a migration): asked graph by graph, so only one graph is held at a time.
            return Iter.flatMap(listGraphNodes(), each -> select(each, Node.ANY, Node.ANY, Node.ANY).iterator());
        }
        if (pending != null && g.isConcrete() && pending.replaced.containsKey(g)) {
            return pending.replaced.get(g).find(s, p, o).mapWith(t -> Quad.create(g, t)).toList().iterator();
        }
        List<Quad> found = select(g, s, p, o);
        if (pending == null) {
            return found.iterator();
        }
        Set<Quad> merged = new LinkedHashSet<>();
        for (Quad q : found) {
            if (!pending.replaced.containsKey(q.getGraph()) && !pending.deleted.contains(q)) {
                merged.add(q);
            }
        }
        for (Map.Entry<Node, Graph> e : pending.replaced.entrySet()) {
            if (!g.isConcrete() || g.equals(e.getKey())) {
                e.getValue().find(s, p, o).forEachRemaining(t -> merged.add(Quad.create(e.getKey(), t)));
            }
        }
        pending.added.stream().filter(q -> q.matches(g, s, p, o)).forEach(merged::add);
        return merged.iterator();
    }

    /**
     * What one read transaction has fetched whole, up to {@link #MOST_QUADS} quads in all: named graphs,
     * each on its first pattern, and the quads of a predicate asked for in any graph (a property path, or
     * a filter that looks up each row's value, asks for the same predicate again and again). A
     * transaction that reads every document of a large store one by one does not hold the store in
     * memory; past the bound its patterns go to the service one by one.
     */
    private static final class GraphsRead {
        static final long MOST_QUADS = 200_000;
        private final Map<Node, Graph> graphs = new HashMap<>();
        private final Map<Node, PredicateQuads> predicates = new HashMap<>();
        private long quads;

        /**
         * The quads with the predicate in any graph, fetched on first use; null when they would pass the
         * bound (the service is asked for one more than what is left, so a large predicate is not read whole).
         */
        PredicateQuads predicate(Node p, BiFunction<Node, Long, List<Quad>> fetch) {
            if (predicates.containsKey(p) || quads >= MOST_QUADS) {
                return predicates.get(p);
            }
            long left = MOST_QUADS - quads;
            List<Quad> found = fetch.apply(p, left + 1);
            PredicateQuads held = found.size() > left ? null : new PredicateQuads(found);
            predicates.put(p, held);
            quads += held == null ? 0 : found.size();
            return held;
        }

        /** The whole graph, fetched on first use; null once the bound is reached. */
        Graph graph(Node name, Function<Node, Graph> fetch) {
            Graph held = graphs.get(name);
            if (held == null && quads < MOST_QUADS) {
                held = fetch.apply(name);
                graphs.put(name, held);
                quads += held.size();
            }
            return held;
        }
    }

    private Graph wholeGraph(Node g) {
        Graph whole = GraphFactory.createDefaultGraph();
        select(g, Node.ANY, Node.ANY, Node.ANY).forEach(q -> whole.add(q.asTriple()));
        return whole;
    }

    /** The quads of one predicate, found by subject or object. */
    private static final class PredicateQuads {
        private final List<Quad> all;
        private final Map<Node, List<Quad>> bySubject = new HashMap<>();
        private final Map<Node, List<Quad>> byObject = new HashMap<>();

        PredicateQuads(List<Quad> all) {
            this.all = all;
            for (Quad q : all) {
                bySubject.computeIfAbsent(q.getSubject(), k -> new ArrayList<>(2)).add(q);
                byObject.computeIfAbsent(q.getObject(), k -> new ArrayList<>(2)).add(q);
            }
        }

        int size() {
            return all.size();
        }

        Iterator<Quad> find(Node s, Node o) {
            List<Quad> candidates = s.isConcrete() ? bySubject.getOrDefault(s, List.of())
                    : o.isConcrete() ? byObject.getOrDefault(o, List.of()) : all;
            return candidates.stream().filter(q -> q.matches(Node.ANY, s, q.getPredicate(), o)).iterator();
        }
    }

    private List<Quad> select(Node g, Node s, Node p, Node o) {
        return select(g, s, p, o, 0);
    }

    /** The quads matching, at most {@code limit} of them when it is over 0. */
    private List<Quad> select(Node g, Node s, Node p, Node o, long limit) {
        String query = "SELECT * WHERE { GRAPH " + term(g, G) + " { " + term(s, S) + " " + term(p, P) + " " + term(o, O) + " } }"
                + (limit > 0 ? " LIMIT " + limit : "");
        List<Quad> quads = new ArrayList<>();
        try (QueryExecHTTP exec = query(query)) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                quads.add(Quad.create(value(row, G, g), value(row, S, s), value(row, P, p), value(row, O, o)));
            }
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(queryService, e);
        }
        return quads;
    }

    /**
     * The rows of a SELECT query, asked of the service as it is, read as they come. Closing them ends
     * the request without reading the rest; so does {@code cancelled} once set (the caller's query ran
     * out of time or was cancelled), so a query the service is slow to answer does not hold a SPARQL
     * worker past its time.
     */
    Rows select(String query, AtomicBoolean cancelled) {
        return new Rows(query(query), cancelled);
    }

    /** Rows of one request, streamed. */
    final class Rows implements Iterator<Binding>, AutoCloseable {
        private final QueryExecHTTP exec;
        private final AtomicBoolean cancelled;
        private final ScheduledFuture<?> watch;
        private final RowSet rows;

        private Rows(QueryExecHTTP exec, AtomicBoolean cancelled) {
            this.exec = exec;
            this.cancelled = cancelled;
            this.watch = CANCELLATIONS.scheduleWithFixedDelay(() -> {
                if (cancelled.get()) {
                    exec.abort();
                }
            }, 50, 50, TimeUnit.MILLISECONDS);
            try {
                this.rows = exec.select();
            } catch (RuntimeException e) {
                close();
                throw failed(e);
            }
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNext();
            } catch (RuntimeException e) {
                close();
                throw failed(e);
            }
        }

        @Override
        public Binding next() {
            return rows.next();
        }

        private RuntimeException failed(RuntimeException e) {
            if (cancelled.get()) {
                return new QueryCancelledException();
            }
            return e instanceof HttpException || e instanceof QueryExceptionHTTP ? unavailable(queryService, e) : e;
        }

        @Override
        public void close() {
            watch.cancel(false);
            exec.abort();
            exec.close();
        }
    }

    /** Watches the requests of running queries for their cancellation: one daemon thread for the JVM. */
    private static final ScheduledExecutorService CANCELLATIONS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread watcher = new Thread(r, "remote-store-cancellations");
        watcher.setDaemon(true);
        return watcher;
    });

    /** Whether the calling thread has written in its transaction: only the pattern reads here see that. */
    boolean holdsChanges() {
        return changes.get() != null;
    }

    private static Node anyIfNull(Node node) {
        return node == null ? Node.ANY : node;
    }

    /**
     * The service could not be reached or failed (no status, or 5xx): worth a retry. A 4xx means the hub
     * sent something the service does not take, which a retry does not mend.
     */
    private static RuntimeException unavailable(String service, RuntimeException e) {
        int status = e instanceof HttpException http ? http.getStatusCode() : ((QueryExceptionHTTP) e).getStatusCode();
        if (status >= 400 && status < 500) {
            return new IllegalStateException("the graph store at " + service + " refused the hub's request (" + status + "): "
                    + e.getMessage(), e);
        }
        return new StoreUnavailableException("the graph store at " + service + " cannot be reached or failed"
                + (status > 0 ? " (" + status + ")" : "") + "; try again shortly", e);
    }

    private static String term(Node node, Var variable) {
        return node.isConcrete() ? NodeFmtLib.strNT(node) : variable.toString();
    }

    private static Node value(Binding row, Var variable, Node given) {
        return given.isConcrete() ? given : row.get(variable);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> names = new LinkedHashSet<>();
        try (QueryExecHTTP exec = query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")) {
            exec.select().forEachRemaining(row -> names.add(row.get(G)));
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(queryService, e);
        }
        Changes pending = changes.get();
        if (pending != null) {
            pending.replaced.forEach((name, content) -> {
                if (content.isEmpty()) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            pending.added.forEach(q -> names.add(q.getGraph()));
        }
        return names.iterator();
    }

    /** Quads per graph, counted by the service in one query. */
    Map<Node, Long> quadsPerGraph() {
        Map<Node, Long> counts = new HashMap<>();
        try (QueryExecHTTP exec = query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")) {
            exec.select().forEachRemaining(row -> counts.put(row.get(G), ((Number) row.get(Var.alloc("n")).getLiteralValue()).longValue()));
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(queryService, e);
        }
        return counts;
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return find(graphNode, Node.ANY, Node.ANY, Node.ANY).hasNext();
    }

    private QueryExecHTTP query(String query) {
        return QueryExecHTTP.service(queryService).httpClient(http).query(query).param("timeout", queryTimeout).build();
    }

    // ---- writes, kept per writing thread until commit

    private static final class Changes {
        /** Graphs emptied in this transaction, with what was added to them since. */
        final Map<Node, Graph> replaced = new HashMap<>();
        final Set<Quad> added = new LinkedHashSet<>();
        final Set<Quad> deleted = new LinkedHashSet<>();

        Set<Node> graphs() {
            Set<Node> graphs = new LinkedHashSet<>(replaced.keySet());
            added.forEach(q -> graphs.add(q.getGraph()));
            deleted.forEach(q -> graphs.add(q.getGraph()));
            return graphs;
        }
    }

    private Changes writing() {
        Changes pending = changes.get();
        if (pending == null) {
            throw new JenaTransactionException("the remote store is written in a write transaction only");
        }
        return pending;
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (Quad.isDefaultGraph(g)) {
            throw new IllegalArgumentException("nothing is written to the default graph: the store holds named graphs only");
        }
        change(Quad.create(g, s, p, o), true);
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        change(Quad.create(g, s, p, o), false);
    }

    /** Adds or deletes one quad among the writing thread's changes. */
    private void change(Quad quad, boolean add) {
        Changes pending = writing();
        Graph replaced = pending.replaced.get(quad.getGraph());
        if (replaced != null) {
            if (add) {
                replaced.add(quad.asTriple());
            } else {
                replaced.delete(quad.asTriple());
            }
        } else {
            (add ? pending.deleted : pending.added).remove(quad);
            (add ? pending.added : pending.deleted).add(quad);
        }
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    /** A whole graph emptied is dropped on commit instead of deleted quad by quad. */
    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g != null && g.isConcrete() && isAny(s) && isAny(p) && isAny(o)) {
            Changes pending = writing();
            pending.replaced.put(g, GraphFactory.createDefaultGraph());
            pending.added.removeIf(q -> q.getGraph().equals(g));
            pending.deleted.removeIf(q -> q.getGraph().equals(g));
            return;
        }
        Iter.toList(find(g, s, p, o)).forEach(this::delete);
    }

    private static boolean isAny(Node n) {
        return n == null || n == Node.ANY;
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
        graph.find().forEachRemaining(t -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    /** The update request for the transaction's changes: one request, so one transaction on the service. */
    private static String updateOf(Changes pending) {
        StringBuilder update = new StringBuilder();
        pending.replaced.forEach((g, content) -> {
            update.append("DROP SILENT GRAPH ").append(NodeFmtLib.strNT(g)).append(" ;\n");
            if (!content.isEmpty()) {
                update.append("INSERT DATA { GRAPH ").append(NodeFmtLib.strNT(g)).append(" {\n");
                content.find().forEachRemaining(t -> update.append(NodeFmtLib.strNT(t)).append("\n"));
                update.append("} } ;\n");
            }
        });
        appendData(update, "DELETE DATA", pending.deleted);
        appendData(update, "INSERT DATA", pending.added);
        return update.toString();
    }

    /** {@code operation} (INSERT DATA or DELETE DATA) of the quads, grouped by graph as SPARQL writes them. */
    private static void appendData(StringBuilder update, String operation, Set<Quad> quads) {
        if (quads.isEmpty()) {
            return;
        }
        Map<Node, List<Quad>> byGraph = new LinkedHashMap<>();
        quads.forEach(q -> byGraph.computeIfAbsent(q.getGraph(), g -> new ArrayList<>()).add(q));
        update.append(operation).append(" {\n");
        byGraph.forEach((g, inGraph) -> {
            update.append("GRAPH ").append(NodeFmtLib.strNT(g)).append(" {\n");
            inGraph.forEach(q -> update.append(NodeFmtLib.strNT(q.asTriple())).append("\n"));
            update.append("}\n");
        });
        update.append("} ;\n");
    }

    // ---- transactions

    @Override
    public void begin(TxnType type) {
        if (transaction.get() != null) {
            throw new JenaTransactionException("already in a transaction");
        }
        transaction.set(type);
        if (type == TxnType.READ) {
            graphsRead.set(new GraphsRead());
        } else {
            changes.set(new Changes());
        }
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public boolean promote(Promote mode) {
        if (transaction.get() == null) {
            return false;
        }
        if (changes.get() == null) {
            changes.set(new Changes());
            transaction.set(TxnType.WRITE);
        }
        return true;
    }

    @Override
    public void commit() {
        Changes pending = changes.get();
        if (pending != null) {
            String update = updateOf(pending);
            if (!update.isEmpty()) {
                Node id = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
                String note = noteTemplate(changeLog, id, pending.graphs());
                if (!note.isEmpty()) {
                    ownNotes.add(id);
                }
                execute(note.isEmpty() ? update : update + "INSERT { " + note + " } WHERE { BIND(NOW() AS ?now) }");
            }
            changes.remove();
        }
    }

    @Override
    public void abort() {
        changes.remove();
    }

    @Override
    public void end() {
        changes.remove();
        graphsRead.remove();
        transaction.remove();
    }

    @Override
    public boolean isInTransaction() {
        return transaction.get() != null;
    }

    @Override
    public ReadWrite transactionMode() {
        TxnType type = transaction.get();
        return type == null ? null : changes.get() != null ? ReadWrite.WRITE : ReadWrite.READ;
    }

    @Override
    public TxnType transactionType() {
        return transaction.get();
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return true;
    }

    // ---- the rest of DatasetGraph

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Lock getLock() {
        return lock;
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    @Override
    public long size() {
        return Iter.count(listGraphNodes());
    }

    @Override
    public void close() {
        http.close();
    }
}
