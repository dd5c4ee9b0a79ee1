package org.knowledgehub.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

/**
 * The TDB2 node ids of the graph sets that views filter on, for the sets last asked about. Callers
 * of a kind share one visible set until the catalog changes, so sets are told apart by identity,
 * not by their thousands of members; ids are per storage, which a compaction replaces.
 */
final class GraphIds {

    /** Visible and watched sets kept: a few kinds of callers at a time. */
    private static final int SIZE = 16;

    /** The ids of the visible graphs, and of the watched ones with their names. */
    record Ids(Set<NodeId> visible, Map<NodeId, Node> watched) {
    }

    private record Key(Set<Node> visible, Set<Node> watched, DatasetGraphTDB storage) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.visible == visible && k.watched == watched && k.storage == storage;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(visible) + System.identityHashCode(watched)) + System.identityHashCode(storage);
        }
    }

    private final Map<Key, Ids> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Ids> eldest) {
            return size() > SIZE;
        }
    };

    /** Called within a transaction on {@code storage}. */
    Ids of(Set<Node> visible, Set<Node> watched, DatasetGraphTDB storage) {
        Key key = new Key(visible, watched, storage);
        synchronized (known) {
            Ids ids = known.get(key);
            if (ids != null) {
                return ids;
            }
        }
        Ids ids = lookUp(visible, watched, storage);
        synchronized (known) {
            known.put(key, ids);
        }
        return ids;
    }

    private static Ids lookUp(Set<Node> visible, Set<Node> watched, DatasetGraphTDB storage) {
        NodeTable nodes = storage.getQuadTable().getNodeTupleTable().getNodeTable();
        Set<NodeId> visibleIds = new HashSet<>();
        Map<NodeId, Node> watchedIds = new HashMap<>();
        for (Node g : visible) {
            NodeId id = nodes.getNodeIdForNode(g);
            if (!NodeId.isDoesNotExist(id)) {
                visibleIds.add(id);
                if (watched.contains(g)) {
                    watchedIds.put(id, g);
                }
            }
        }
        return new Ids(Set.copyOf(visibleIds), Map.copyOf(watchedIds));
    }
}
