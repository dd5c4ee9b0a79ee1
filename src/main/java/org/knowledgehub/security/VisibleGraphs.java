package org.knowledgehub.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;

/** The outcome of the access decision: the named graphs one caller may read. */
public record VisibleGraphs(Set<Node> graphs) {

    public VisibleGraphs {
        graphs = Set.copyOf(graphs);
    }

    public boolean contains(Node graph) {
        return graphs.contains(graph);
    }

    public Set<String> uris() {
        return graphs.stream().map(Node::getURI).collect(Collectors.toUnmodifiableSet());
    }
}
