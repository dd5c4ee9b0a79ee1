package org.knowledgehub.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.knowledgehub.store.GraphAccess;
import org.knowledgehub.store.GraphCatalog;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which graphs a caller may read. Search, Linked Data pages,
 * SPARQL, exports and original files all ask it, and see nothing else.
 * <ul>
 *   <li>public: everyone;</li>
 *   <li>restricted: signed-in members; if the graph names organisations or sectors, only the
 *       owner's members, members of those organisations and members working in those sectors;</li>
 *   <li>confidential: members of the owning organisation and of the organisations it is shared with;</li>
 *   <li>admins: everything.</li>
 * </ul>
 */
@Component
public class AccessPolicy {

    private final GraphCatalog catalog;
    /**
     * What callers with the same access attributes see, until the catalog changes; there are few
     * such kinds (one per organisation and set of sectors), however many requests.
     */
    private final Map<Kind, Cached> visible = new ConcurrentHashMap<>();

    /** The attributes of a caller that the decision reads. */
    private record Kind(boolean anonymous, boolean admin, String organisation, Set<String> sectors) {

        static Kind of(Caller caller) {
            return new Kind(caller.isAnonymous(), caller.has(Role.ADMIN), caller.organisation(), caller.sectors());
        }
    }

    private record Cached(long version, VisibleGraphs graphs) {
    }

    public AccessPolicy(GraphCatalog catalog) {
        this.catalog = catalog;
    }

    public VisibleGraphs visibleTo(Caller caller) {
        long version = catalog.version();
        Kind kind = Kind.of(caller);
        Cached cached = visible.get(kind);
        if (cached == null || cached.version() != version) {
            cached = new Cached(version, compute(kind));
            visible.put(kind, cached);
        }
        return cached.graphs();
    }

    public boolean canRead(Caller caller, Node graph) {
        return catalog.get(graph).map(access -> allows(Kind.of(caller), access)).orElse(false);
    }

    private VisibleGraphs compute(Kind caller) {
        Set<Node> graphs = catalog.all().stream()
                .filter(access -> allows(caller, access))
                .map(GraphAccess::graph)
                .collect(Collectors.toSet());
        return new VisibleGraphs(graphs);
    }

    private boolean allows(Kind caller, GraphAccess access) {
        if (caller.admin()) {
            return true;
        }
        if (access.governedBy() != null) {
            // A document that is gone leaves its statements to the admin only.
            return catalog.get(access.governedBy()).map(document -> allows(caller, document)).orElse(false);
        }
        return switch (access.sensitivity()) {
            case PUBLIC -> true;
            case RESTRICTED -> !caller.anonymous() && (access.sharedWith().isEmpty() && access.sharedWithSectors().isEmpty()
                    || isMember(caller, access) || access.sharedWithSectors().stream().anyMatch(caller.sectors()::contains));
            case CONFIDENTIAL -> isMember(caller, access);
        };
    }

    /** Of the owning organisation or of one it shares the graph with. */
    private static boolean isMember(Kind caller, GraphAccess access) {
        return caller.organisation() != null
                && (caller.organisation().equals(access.owner()) || access.sharedWith().contains(caller.organisation()));
    }
}
