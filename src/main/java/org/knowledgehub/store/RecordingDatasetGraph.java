package org.knowledgehub.store;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes through to the store and notes which named graphs they touched, so a SPARQL Update can
 * be followed by re-stamping, re-indexing and re-cataloguing exactly those graphs. Graph-level
 * operations (CLEAR, DROP, COPY) come back through the quad methods, so nothing escapes the record.
 * The hub's own records (the {@code hidden} graphs) are neither read nor written: to an update
 * they do not exist, and naming one to write is refused.
 */
final class RecordingDatasetGraph extends DatasetGraphWrapper {

    private final Set<Node> touched = new HashSet<>();
    private final Predicate<Node> hidden;
    private boolean defaultGraphWritten;

    RecordingDatasetGraph(DatasetGraph base, Predicate<Node> hidden) {
        super(base);
        this.hidden = hidden;
    }

    Set<Node> touched() {
        return touched;
    }

    boolean defaultGraphWritten() {
        return defaultGraphWritten;
    }

    private void record(Node g) {
        if (g == null || g == Node.ANY) {
            Iter.forEach(listGraphNodes(), touched::add);
        } else if (Quad.isDefaultGraph(g)) {
            defaultGraphWritten = true;
        } else if (hidden.test(g)) {
            throw new IllegalArgumentException("the update writes to " + g.getURI() + ", where the hub keeps its own records; "
                    + "no update may write there");
        } else {
            touched.add(g);
        }
    }

    @Override
    public void add(Quad quad) {
        record(quad.getGraph());
        super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        record(g);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        record(quad.getGraph());
        super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        record(g);
        super.delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g == null || g == Node.ANY) {
            // Graph by graph, so the hidden ones are left alone.
            Iter.toList(listGraphNodes()).forEach(each -> deleteAny(each, s, p, o));
            return;
        }
        record(g);
        super.deleteAny(g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g != null && g != Node.ANY && hidden.test(g)) {
            return Iter.empty();
        }
        return Iter.filter(super.find(g, s, p, o), q -> !hidden.test(q.getGraph()));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        if (g != null && g != Node.ANY && hidden.test(g)) {
            return Iter.empty();
        }
        return Iter.filter(super.findNG(g, s, p, o), q -> !hidden.test(q.getGraph()));
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean contains(Quad quad) {
        return find(quad).hasNext();
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return !hidden.test(graphNode) && super.containsGraph(graphNode);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        graph.find().forEachRemaining(t -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        defaultGraphWritten = true;
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return Iter.filter(get().listGraphNodes(), g -> !hidden.test(g));
    }
}
