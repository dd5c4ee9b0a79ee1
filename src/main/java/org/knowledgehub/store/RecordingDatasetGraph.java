package org.knowledgehub.store;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

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
 */
final class RecordingDatasetGraph extends DatasetGraphWrapper {

    private final Set<Node> touched = new HashSet<>();
    private boolean defaultGraphWritten;

    RecordingDatasetGraph(DatasetGraph base) {
        super(base);
    }

    Set<Node> touched() {
        return touched;
    }

    boolean defaultGraphWritten() {
        return defaultGraphWritten;
    }

    private void record(Node g) {
        if (g == null || g == Node.ANY) {
            Iter.forEach(get().listGraphNodes(), touched::add);
        } else if (Quad.isDefaultGraph(g)) {
            defaultGraphWritten = true;
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
        record(g);
        super.deleteAny(g, s, p, o);
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
        return get().listGraphNodes();
    }
}
