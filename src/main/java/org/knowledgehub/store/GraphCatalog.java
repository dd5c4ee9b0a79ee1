package org.knowledgehub.store;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Node;
import org.springframework.stereotype.Component;

/**
 * The access attributes of every named graph in the store, kept in memory so the access decision
 * costs no store read. Filled from the store at start-up and kept current by every commit.
 */
@Component
public class GraphCatalog {

    private final Map<Node, GraphAccess> graphs = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    public Collection<GraphAccess> all() {
        return Collections.unmodifiableCollection(graphs.values());
    }

    public Optional<GraphAccess> get(Node graph) {
        return Optional.ofNullable(graphs.get(graph));
    }

    public void put(GraphAccess access) {
        graphs.put(access.graph(), access);
        version.incrementAndGet();
    }

    public void remove(Node graph) {
        graphs.remove(graph);
        version.incrementAndGet();
    }

    /** Changes on every update, so derived caches know when to recompute. */
    public long version() {
        return version.get();
    }
}
