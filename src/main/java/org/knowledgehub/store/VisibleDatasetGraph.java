package org.knowledgehub.store;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;

/**
 * A read-only view of the store that contains only the named graphs a caller may see, and whose
 * default graph is the union of exactly those graphs. Every reader of RDF (SPARQL, Linked Data,
 * exports) goes through this view, so {@code GRAPH ?g}, {@code FROM}, property paths and DESCRIBE
 * cannot reach past it.
 *
 * <p>It is a {@link DatasetGraphWrapperView}: ARQ must not unwrap it to the store underneath.
 *
 * <p>It can also note which of some watched graphs its reads returned quads from, so the audit
 * trail knows which restricted or confidential graphs a query or page actually read.
 */
public final class VisibleDatasetGraph extends DatasetGraphReadOnly implements DatasetGraphWrapperView {

    private final DatasetGraph base;
    private final Set<Node> visible;
    private final Set<Node> watched;
    private final Set<Node> read = ConcurrentHashMap.newKeySet();

    private final GraphIds graphIds;

    VisibleDatasetGraph(DatasetGraph base, Set<Node> visible, Set<Node> watched, GraphIds graphIds) {
        super(base);
        this.base = base;
        // An immutable set is kept as it is: graphIds knows it by identity.
        this.visible = Set.copyOf(visible);
        this.watched = Set.copyOf(watched);
        this.graphIds = graphIds;
    }

    public boolean isVisible(Node graph) {
        return visible.contains(graph);
    }

    Set<Node> visibleGraphs() {
        return visible;
    }

    /**
     * The remote store under the view when it can answer a whole pattern for this thread: not while
     * the thread holds changes of its own, which only the store's pattern reads merge in.
     */
    RemoteDatasetGraph remote() {
        return base instanceof RemoteDatasetGraph remote && !remote.holdsChanges() ? remote : null;
    }

    /** The TDB2 storage under the view, or null when the store is another kind; called within a transaction. */
    DatasetGraphTDB storage() {
        return base instanceof PinnedStorage embedded ? embedded.storage() : null;
    }

    /**
     * The test TDB2's own pattern matcher applies to every quad it reads from the indexes: in a
     * visible named graph (the stored default graph is not visible); a watched graph it lets through
     * is noted as read. Graph names are looked up once per set of them and storage ({@link GraphIds}).
     */
    Predicate<Tuple<NodeId>> quadFilter(DatasetGraphTDB storage) {
        QuadFilter filter = quadFilter;
        if (filter == null || filter.storage != storage) {
            filter = new QuadFilter(storage);
            quadFilter = filter;
        }
        return filter;
    }

    private volatile QuadFilter quadFilter;

    private final class QuadFilter implements Predicate<Tuple<NodeId>> {

        private final DatasetGraphTDB storage;
        private final Set<NodeId> visibleIds;
        private final Map<NodeId, Node> watchedIds;

        QuadFilter(DatasetGraphTDB storage) {
            this.storage = storage;
            GraphIds.Ids ids = graphIds.of(visible, watched, storage);
            this.visibleIds = ids.visible();
            this.watchedIds = ids.watched();
        }

        @Override
        public boolean test(Tuple<NodeId> quad) {
            if (quad.len() != 4 || !visibleIds.contains(quad.get(0))) {
                return false;
            }
            Node g = watchedIds.isEmpty() ? null : watchedIds.get(quad.get(0));
            if (g != null) {
                read.add(g);
            }
            return true;
        }
    }

    /** The watched graphs that reads through this view have returned quads from so far. */
    public Set<Node> watchedGraphsRead() {
        return Set.copyOf(read);
    }

    /** Notes a read of a graph made beside the view (a full-text hit inside a query). */
    public void noteRead(Node graph) {
        if (watched.contains(graph)) {
            read.add(graph);
        }
    }

    private Iterator<Quad> noting(Iterator<Quad> quads) {
        return watched.isEmpty() ? quads : new Noting(quads);
    }

    /**
     * Notes the graph of each quad it hands out. Quads mostly come grouped by graph, so a graph
     * just noted is not looked up again: a full scan by an admin costs a comparison per quad.
     */
    private final class Noting implements IteratorCloseable<Quad> {

        private final Iterator<Quad> quads;
        private Node last;

        Noting(Iterator<Quad> quads) {
            this.quads = quads;
        }

        @Override
        public boolean hasNext() {
            return quads.hasNext();
        }

        @Override
        public Quad next() {
            Quad q = quads.next();
            Node g = q.getGraph();
            if (g != last && !g.equals(last)) {
                last = g;
                noteRead(g);
            }
            return q;
        }

        @Override
        public void close() {
            Iter.close(quads);
        }
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g == null || g == Node.ANY) {
            return findInVisibleNamedGraphs(s, p, o);
        }
        if (Quad.isDefaultGraph(g) || Quad.isUnionGraph(g)) {
            return findInUnion(s, p, o);
        }
        if (!visible.contains(g)) {
            return Iter.nullIterator();
        }
        return noting(base.find(g, s, p, o));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        if (g == null || g == Node.ANY) {
            return findInVisibleNamedGraphs(s, p, o);
        }
        if (Quad.isUnionGraph(g)) {
            return findInUnion(s, p, o);
        }
        if (Quad.isDefaultGraph(g) || !visible.contains(g)) {
            return Iter.nullIterator();
        }
        return noting(base.find(g, s, p, o));
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        Iterator<Quad> found = find(g, s, p, o);
        if (!found.hasNext()) {
            return false;
        }
        found.next(); // an existence test reads the graph too: taking the quad lets it be noted
        return true;
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Graph getDefaultGraph() {
        return new GraphReadOnly(GraphView.createDefaultGraph(this));
    }

    @Override
    public Graph getUnionGraph() {
        return getDefaultGraph();
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode)) {
            return getDefaultGraph();
        }
        return new GraphReadOnly(GraphView.createNamedGraph(this, graphNode));
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode)) {
            return true;
        }
        return visible.contains(graphNode) && base.containsGraph(graphNode);
    }

    /** The visible graphs the store holds: on a remote store, its graph names asked once rather than each graph asked for. */
    @Override
    public Iterator<Node> listGraphNodes() {
        if (base instanceof RemoteDatasetGraph) {
            return Iter.filter(base.listGraphNodes(), visible::contains);
        }
        return Iter.filter(visible.iterator(), base::containsGraph);
    }

    @Override
    public long size() {
        return Iter.count(listGraphNodes());
    }

    @Override
    public boolean isEmpty() {
        return !find().hasNext();
    }

    private Iterator<Quad> findInVisibleNamedGraphs(Node s, Node p, Node o) {
        return noting(Iter.filter(base.find(Node.ANY, s, p, o),
                q -> !q.isDefaultGraph() && visible.contains(q.getGraph())));
    }

    /**
     * The union default graph: each visible triple once. When any of s, p, o is bound, TDB2
     * answers from an index that ends in the graph slot, so copies of a triple come one after
     * another and dropping adjacent repeats suffices; a full scan needs a set.
     */
    private Iterator<Quad> findInUnion(Node s, Node p, Node o) {
        Iterator<Triple> triples = Iter.map(findInVisibleNamedGraphs(s, p, o), Quad::asTriple);
        boolean anyBound = isBound(s) || isBound(p) || isBound(o);
        Iterator<Triple> distinct = anyBound ? Iter.distinctAdjacent(triples) : Iter.distinct(triples);
        return Iter.map(distinct, t -> Quad.create(Quad.defaultGraphIRI, t));
    }

    private static boolean isBound(Node n) {
        return n != null && n != Node.ANY && n.isConcrete();
    }
}
