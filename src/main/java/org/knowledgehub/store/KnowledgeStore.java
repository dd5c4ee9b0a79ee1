package org.knowledgehub.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.Sensitivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The embedded TDB2 store: one named graph per document and per imported indicator table, plus
 * the ontology graph, and for documents with personal data their personal graph. Writes go
 * through {@link WriteTransaction}; reads for callers go through {@link #view}, which shows only
 * the graphs the access decision allows.
 */
@Component
public class KnowledgeStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeStore.class);

    private final Path directory;
    private final DatasetGraph dsg;
    private final GraphCatalog catalog;
    private final Uris uris;
    private final GraphIds graphIds = new GraphIds();
    /** With a remote store: follows the writes of other hubs sharing it; null otherwise. */
    private final ChangeFollower follower;
    /** What to run when another hub changes one of the hub's own records (a system graph). */
    private final Map<Node, List<Runnable>> recordListeners = new ConcurrentHashMap<>();

    public KnowledgeStore(HubProperties hub, StoreProperties store, GraphCatalog catalog, Uris uris, Ontology ontology)
            throws IOException {
        this.catalog = catalog;
        this.uris = uris;
        Instant followFrom = null;
        if (store.url() == null) {
            this.directory = hub.dataDir().resolve("tdb2");
            Files.createDirectories(directory);
            this.dsg = new PinnedStorage(open(directory));
        } else {
            this.directory = null;
            RemoteDatasetGraph remote = RemoteDatasetGraph.connect(store.url(), store.connectTimeout(), store.queryTimeout());
            log.info("Store held by the SPARQL dataset service at {}", store.url());
            remote.noteChangesIn(uris.systemGraph("changes"));
            followFrom = remote.serviceTime();
            this.dsg = remote;
        }
        VisibleQueryEngine.register();
        installOntology(ontology);
        loadCatalog();
        this.follower = followFrom == null ? null
                : new ChangeFollower((RemoteDatasetGraph) dsg, followFrom, store.followInterval(), this::changedElsewhere);
    }

    /** The store as a remote one, if it is: where the hub's own records are kept when replicas share it. */
    Optional<RemoteDatasetGraph> remote() {
        return dsg instanceof RemoteDatasetGraph remote ? Optional.of(remote) : Optional.empty();
    }

    /** Runs {@code listener} whenever another hub changes the system graph {@code graph}. */
    void onChangeElsewhere(Node graph, Runnable listener) {
        recordListeners.computeIfAbsent(graph, g -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Brings the catalog (and the listeners of system graphs) up to date with other hubs' writes. */
    private void changedElsewhere(Set<Node> graphs) {
        for (Node g : graphs) {
            if (uris.isSystemGraph(g)) {
                recordListeners.getOrDefault(g, List.of()).forEach(Runnable::run);
            } else {
                recatalog(g);
            }
        }
    }

    /** The graph's catalog entry as the store holds it now: one read (over a remote store, one fetch of the graph). */
    private void recatalog(Node g) {
        Graph head = readAll(d -> d.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext() ? headOf(d, g) : null);
        if (head != null) {
            catalog.put(accessOf(g, head));
        } else {
            catalog.remove(g);
        }
    }

    /**
     * Four quad indexes instead of TDB2's six: every document has a small graph of its own, so a
     * pattern inside one graph is served well by GSPO, and graph-first indexes by predicate or
     * object (GPOS, GOSP) would only cost writes. GSPO comes first so ties go to it. A store made
     * with other indexes keeps them.
     */
    private static final StoreParams STORE_PARAMS = StoreParams.builder("knowledge-hub", StoreParams.getDftStoreParams())
            .quadIndexes(new String[]{"GSPO", "SPOG", "POSG", "OSPG"})
            .build();

    static DatasetGraph open(Path dir) {
        DatasetGraph opened;
        try {
            opened = DatabaseMgr.connectDatasetGraph(dir.toString(), STORE_PARAMS);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the store in " + dir.toAbsolutePath()
                    + " (is another Knowledge Hub process using this data folder?): " + e.getMessage(), e);
        }
        removeStorageNotCurrent(dir);
        removeIndexesNotKept(dir, TDBInternal.getDatasetGraphTDB(opened).getStoreParams());
        return opened;
    }

    /**
     * Deletes the storage folders older than the current one: a compaction leaves the one it replaced
     * when a reader still held it ({@link StoreCompaction}). Called with the store open, so no other
     * process holds it, and TDB2 only ever opens the newest.
     */
    private static void removeStorageNotCurrent(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> storages = entries.filter(p -> p.getFileName().toString().matches("Data-\\d+"))
                    .sorted(Comparator.comparingInt(KnowledgeStore::generation)).toList();
            for (Path old : storages.subList(0, Math.max(0, storages.size() - 1))) {
                IO.deleteAll(old);
                log.info("Removed {}: a storage the store no longer uses, left by a compaction", old);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove old storage folders in {}: {}", dir, e.getMessage());
        }
    }

    /** The number of a storage folder, Data-NNNN: TDB2 opens the highest. */
    private static int generation(Path storage) {
        return Integer.parseInt(storage.getFileName().toString().substring("Data-".length()));
    }

    /**
     * Deletes the index files of the current storage folder that the store's settings do not keep.
     * Jena 6's own compaction (used before {@link StoreCompaction}, and still on Windows) writes the
     * compacted copy with TDB2's default six quad indexes whatever the store was made with; once
     * the store is opened again with its own four, the two others are no longer kept up to date,
     * and only take space (a third of the store after a compaction at 100,000 passages). Called with
     * the store open, so no other process holds it.
     */
    private static void removeIndexesNotKept(Path dir, StoreParams params) {
        Set<String> kept = new HashSet<>(List.of(params.getTripleIndexes()));
        kept.addAll(List.of(params.getQuadIndexes()));
        try (Stream<Path> storages = Files.list(dir)) {
            Optional<Path> current = storages.filter(p -> p.getFileName().toString().matches("Data-\\d+"))
                    .max(Comparator.comparingInt(KnowledgeStore::generation));
            if (current.isEmpty()) {
                return;
            }
            try (Stream<Path> files = Files.list(current.get())) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    String index = name.replaceFirst("\\.(dat|idn|bpt)$", "");
                    if (!index.equals(name) && index.matches("[GSPO]{3,4}") && !kept.contains(index)) {
                        Files.delete(file);
                        log.info("Removed {}: an index the store does not keep, left by a compaction", file);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove stale index files in {}: {}", dir, e.getMessage());
        }
    }

    /** A read-only view containing only the given graphs, its default graph their union. */
    public VisibleDatasetGraph view(Set<Node> visibleGraphs) {
        return new VisibleDatasetGraph(dsg, visibleGraphs, Set.of(), graphIds);
    }

    /**
     * The same view, noting which of the {@code watched} graphs its reads return quads from
     * ({@link VisibleDatasetGraph#watchedGraphsRead()}): the audit trail's record of what was read.
     */
    public VisibleDatasetGraph view(Set<Node> visibleGraphs, Set<Node> watched) {
        return new VisibleDatasetGraph(dsg, visibleGraphs, watched, graphIds);
    }

    /**
     * Reads the whole store, every graph, inside a read transaction. Only for the hub's own
     * bookkeeping (start-up checks, de-duplication), never for answering a caller.
     */
    public <T> T readAll(Function<DatasetGraph, T> work) {
        return Txn.calculateRead(dsg, () -> work.apply(new DatasetGraphReadOnly(dsg)));
    }

    /** A copy of one graph's triples (empty if it does not exist). */
    public Graph copyOf(Node graphName) {
        return readAll(d -> {
            Graph copy = GraphFactory.createDefaultGraph();
            d.find(graphName, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> copy.add(q.asTriple()));
            return copy;
        });
    }

    /** Starts the single write transaction; callers must serialise writes and close it. */
    public WriteTransaction beginWrite() {
        return new WriteTransaction();
    }

    /**
     * A write transaction that replaces or deletes whole graphs and, on commit, brings the
     * graph catalog up to date.
     */
    public final class WriteTransaction implements AutoCloseable {

        private final Map<Node, Graph> replaced = new HashMap<>();
        private boolean finished;

        private WriteTransaction() {
            dsg.begin(TxnType.WRITE);
        }

        public void replaceGraph(Node graphName, Graph content) {
            dsg.deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
            content.find().forEachRemaining(t -> dsg.add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
            replaced.put(graphName, content);
        }

        public void deleteGraph(Node graphName) {
            dsg.deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
            replaced.put(graphName, null);
        }

        /** Deletes every graph whose name passes {@code which}. */
        public void deleteGraphs(Predicate<Node> which) {
            List<Node> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (which.test(g)) {
                    names.add(g);
                }
            });
            names.forEach(this::deleteGraph);
        }

        /** Whether the store holds this graph (as of this transaction). */
        public boolean holds(Node graphName) {
            return dsg.containsGraph(graphName);
        }

        public void commit() {
            dsg.commit();
            dsg.end();
            finished = true;
            replaced.forEach((graph, content) -> {
                if (content == null) {
                    catalog.remove(graph);
                } else {
                    catalog.put(accessOf(graph, content));
                }
            });
        }

        public void abort() {
            if (!finished) {
                finished = true;
                dsg.abort();
                dsg.end();
            }
        }

        @Override
        public void close() {
            abort();
        }
    }

    /**
     * Runs a SPARQL Update on the whole store in one transaction. Every document graph it touches
     * gets a new index stamp in the same transaction (so a crash before re-indexing is repaired at
     * start-up) and its catalog entry is refreshed on commit.
     *
     * @return the named graphs the update touched
     * @throws IllegalArgumentException when the update writes the default graph, which in this
     *                                  store is only the union of the named graphs
     */
    public Set<Node> update(UpdateRequest request) {
        Set<Node> touched;
        dsg.begin(TxnType.WRITE);
        try {
            RecordingDatasetGraph recording = new RecordingDatasetGraph(dsg, uris::isSystemGraph);
            UpdateExec.dataset(recording).update(request).set(ARQ.httpServiceAllowed, false).execute();
            if (recording.defaultGraphWritten()) {
                throw new IllegalArgumentException("the update writes to the default graph, which here is the union of the "
                        + "named graphs; write into a named graph with GRAPH <...> or WITH <...>");
            }
            Set<Node> recorded = new HashSet<>(recording.touched());
            for (Node g : Set.copyOf(recorded)) {
                uris.documentIdOfGraph(g).ifPresent(id -> {
                    Node doc = NodeFactory.createURI(uris.document(id));
                    dsg.deleteAny(g, doc, KH.indexStamp.asNode(), Node.ANY);
                    if (dsg.contains(g, doc, Node.ANY, Node.ANY)) {
                        dsg.add(g, doc, KH.indexStamp.asNode(), NodeFactory.createLiteralString(UUID.randomUUID().toString()));
                    } else {
                        // The document is gone: its personal data goes with it.
                        Node personal = uris.personalGraph(id);
                        if (dsg.find(personal, Node.ANY, Node.ANY, Node.ANY).hasNext()) {
                            dsg.deleteAny(personal, Node.ANY, Node.ANY, Node.ANY);
                            recorded.add(personal);
                        }
                    }
                });
            }
            touched = Set.copyOf(recorded);
            dsg.commit();
        } catch (RuntimeException e) {
            dsg.abort();
            throw e;
        } finally {
            dsg.end();
        }
        touched.forEach(this::recatalog);
        return touched;
    }

    private void installOntology(Ontology ontology) {
        Node graph = uris.ontologyGraph();
        Node versionMarker = NodeFactory.createURI(graph.getURI());
        String current = readAll(d -> {
            Iterator<Quad> it = d.find(graph, versionMarker, OWL.versionInfo.asNode(), Node.ANY);
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        });
        if (ontology.fingerprint().equals(current)) {
            return;
        }
        Graph content = GraphFactory.createDefaultGraph();
        ontology.graph().find().forEachRemaining(content::add);
        content.add(versionMarker, OWL.versionInfo.asNode(), NodeFactory.createLiteralString(ontology.fingerprint()));
        try (WriteTransaction tx = beginWrite()) {
            tx.replaceGraph(graph, content);
            tx.commit();
        }
        log.info("Ontology graph {} (re)installed: {} triples", graph.getURI(), content.size());
    }

    private void loadCatalog() {
        List<Node> graphs = readAll(d -> Iter.toList(d.listGraphNodes()));
        graphs.removeIf(uris::isSystemGraph);
        for (Node g : graphs) {
            catalog.put(accessOf(g, copyOfDocumentHead(g)));
        }
        log.info("Store open: {} named graphs", graphs.size());
    }

    /** The few triples the access decision reads, without copying a whole document (or personal) graph. */
    private Graph copyOfDocumentHead(Node graphName) {
        return readAll(d -> headOf(d, graphName));
    }

    private static Graph headOf(DatasetGraph d, Node graphName) {
        Graph head = GraphFactory.createDefaultGraph();
        for (Node p : List.of(KH.sensitivity.asNode(), DCTerms.publisher.asNode(), KH.sharedWith.asNode(),
                KH.sharedWithSector.asNode())) {
            d.find(graphName, Node.ANY, p, Node.ANY).forEachRemaining(q -> head.add(q.asTriple()));
        }
        return head;
    }

    /** Access attributes of a graph, read from the document (or indicator dataset) description it holds. */
    private GraphAccess accessOf(Node graphName, Graph content) {
        Optional<Node> governing = uris.governingDocumentGraph(graphName);
        if (governing.isPresent()) {
            return GraphAccess.governed(graphName, governing.get());
        }
        Optional<String> personalOf = uris.documentIdOfPersonalGraph(graphName);
        if (personalOf.isPresent()) {
            // The personal graph names its document's publisher itself, so its rule needs no other graph.
            String owner = content.find(NodeFactory.createURI(uris.document(personalOf.get())), DCTerms.publisher.asNode(), Node.ANY)
                    .nextOptional().filter(t -> t.getObject().isURI()).map(t -> t.getObject().getURI()).orElse(null);
            return GraphAccess.personal(graphName, owner);
        }
        String documentId = uris.documentIdOfGraph(graphName).orElse(null);
        Node doc;
        if (documentId != null) {
            doc = NodeFactory.createURI(uris.document(documentId));
        } else if (uris.isIndicatorGraph(graphName)) {
            // An indicator table: its dataset, the one subject with a sensitivity there, says who may read it.
            doc = Node.ANY;
        } else {
            return GraphAccess.system(graphName);
        }
        Sensitivity sensitivity = content.find(doc, KH.sensitivity.asNode(), Node.ANY).nextOptional()
                .flatMap(t -> Sensitivity.fromConcept(t.getObject().getURI()))
                // A document graph without a readable level is treated as the most protected.
                .orElse(Sensitivity.CONFIDENTIAL);
        String owner = content.find(doc, DCTerms.publisher.asNode(), Node.ANY).nextOptional()
                .filter(t -> t.getObject().isURI()).map(t -> t.getObject().getURI()).orElse(null);
        return new GraphAccess(graphName, documentId, sensitivity, owner, iris(content, doc, KH.sharedWith.asNode()),
                iris(content, doc, KH.sharedWithSector.asNode()), null);
    }

    private static Set<String> iris(Graph content, Node subject, Node property) {
        Set<String> out = new HashSet<>();
        content.find(subject, property, Node.ANY)
                .forEachRemaining(t -> { if (t.getObject().isURI()) out.add(t.getObject().getURI()); });
        return out;
    }

    /**
     * Bytes that a compaction would give back: the index blocks that earlier commits replaced (TDB2
     * is copy-on-write) and no current index reaches.
     */
    public long leftOverBytes() {
        if (!(dsg instanceof PinnedStorage embedded)) {
            return 0; // a remote store is compacted by its own service
        }
        return Txn.calculateRead(dsg, () -> LeftOverBlocks.bytes(embedded.storage()));
    }

    /**
     * Rewrites the store without the blocks that earlier transactions left behind. Readers carry on;
     * the caller must hold off writers.
     */
    public void compact() {
        if (!(dsg instanceof PinnedStorage embedded)) {
            return; // a remote store is compacted by its own service
        }
        long before = sizeOnDisk();
        long t0 = System.nanoTime();
        StoreCompaction.compact(embedded);
        log.info("Store compacted in {} s: {} MB -> {} MB", String.format("%.1f", (System.nanoTime() - t0) / 1e9),
                before / 1_000_000, sizeOnDisk() / 1_000_000);
    }

    /**
     * Creates a store in an empty folder, with the settings the hub makes its store with, from an
     * N-Quads file (gzipped when its name ends in {@code .gz}): restoring a backup while no hub runs.
     *
     * @return the quads loaded
     */
    public static long create(Path dir, Path nquads) {
        DatasetGraph created = open(dir);
        try {
            DataLoader loader = LoaderFactory.basicLoader(created, (format, args) -> { });
            loader.startBulk();
            try {
                loader.load(nquads.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return loader.countQuads();
        } finally {
            TDBInternal.expel(created);
        }
    }

    /** Bytes of the embedded store's folder (0 for a remote store). */
    public long sizeOnDisk() {
        if (directory == null) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void destroy() {
        if (follower != null) {
            follower.close();
        }
        if (dsg instanceof PinnedStorage embedded) {
            // Expelled, not only closed: closing keeps the folder's lock until the JVM exits.
            TDBInternal.expel(embedded.container());
        } else {
            dsg.close();
        }
        log.info("Store closed");
    }
}
