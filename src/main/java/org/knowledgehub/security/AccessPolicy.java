package org.knowledgehub.security;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.knowledgehub.store.GraphAccess;
import org.knowledgehub.store.GraphCatalog;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which graphs a caller may read. Search, Linked Data pages,
 * SPARQL, exports and original files all ask it, and see nothing else.
 */
@Component
public class AccessPolicy {

    private final GraphCatalog catalog;
    /** The public set is the same for every anonymous caller; recomputed when the catalog changes. */
    private final AtomicReference<Cached> publicGraphs = new AtomicReference<>(new Cached(-1, null));

    private record Cached(long version, VisibleGraphs graphs) {
    }

    public AccessPolicy(GraphCatalog catalog) {
        this.catalog = catalog;
    }

    public VisibleGraphs visibleTo(Caller caller) {
        if (caller.isAnonymous()) {
            long version = catalog.version();
            Cached cached = publicGraphs.get();
            if (cached.version() != version) {
                cached = new Cached(version, compute(caller));
                publicGraphs.set(cached);
            }
            return cached.graphs();
        }
        return compute(caller);
    }

    public boolean canRead(Caller caller, Node graph) {
        return catalog.get(graph).map(access -> allows(caller, access)).orElse(false);
    }

    private VisibleGraphs compute(Caller caller) {
        Set<Node> graphs = catalog.all().stream()
                .filter(access -> allows(caller, access))
                .map(GraphAccess::graph)
                .collect(Collectors.toSet());
        return new VisibleGraphs(graphs);
    }

    private boolean allows(Caller caller, GraphAccess access) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        if (access.governedBy() != null) {
            // A document that is gone leaves its statements to the admin only.
            return catalog.get(access.governedBy()).map(document -> allows(caller, document)).orElse(false);
        }
        return switch (access.sensitivity()) {
            case PUBLIC -> true;
            case RESTRICTED -> !caller.isAnonymous();
            case CONFIDENTIAL -> caller.organisation() != null
                    && (caller.organisation().equals(access.owner()) || access.sharedWith().contains(caller.organisation()));
        };
    }
}
