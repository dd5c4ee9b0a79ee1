package org.knowledgehub.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The description of a resource: every triple with it as subject, in any graph of the given
 * dataset, plus the descriptions of the blank nodes they reach. Used by Linked Data pages and
 * SPARQL DESCRIBE; given a {@link VisibleDatasetGraph}, it describes only what the caller may see.
 */
public final class Descriptions {

    private Descriptions() {
    }

    public static Graph describe(DatasetGraph dataset, Node resource) {
        Graph out = GraphFactory.createDefaultGraph();
        Deque<Node> todo = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        todo.push(resource);
        while (!todo.isEmpty()) {
            Node subject = todo.pop();
            if (!seen.add(subject)) {
                continue;
            }
            dataset.find(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(q -> {
                out.add(q.asTriple());
                if (q.getObject().isBlank()) {
                    todo.push(q.getObject());
                }
            });
        }
        return out;
    }

    /** Triples in the dataset's visible graphs that point at the resource (for "referenced by"). */
    public static Graph inbound(DatasetGraph dataset, Node resource, int limit) {
        Graph out = GraphFactory.createDefaultGraph();
        var it = dataset.find(Node.ANY, Node.ANY, Node.ANY, resource);
        while (it.hasNext() && out.size() < limit) {
            Quad q = it.next();
            out.add(q.asTriple());
        }
        return out;
    }
}
