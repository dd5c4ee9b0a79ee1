package org.knowledgehub.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.GraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableWrapper;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTableWrapper;

/**
 * A TDB2 graph for one run of a basic graph pattern, whose index lookups are remembered for that
 * run. TDB2's matcher looks each pattern up once per row coming in, and rows often repeat what a
 * pattern asks: {@code ?p kh:mentions ?c . ?c a kh:Sector} over 10,000 search hits checks the type
 * of the same hundred concepts 60,000 times, and {@code ?p kh:inDocument ?d . ?d dcterms:date ?date}
 * reads a document's date once per passage. A lookup seen before is answered from memory; the run
 * reads one snapshot of the store (a transaction), so its answer cannot have changed. The nodes of
 * node ids are remembered too: each row's binding asks for them again, and the node table's shared
 * cache costs more per call than a map of this run's own; so are the ids of the pattern's constants,
 * looked up again for each row. Bounded: lookups of more than
 * {@value #MOST_ROWS} rows are not kept, and at most {@value #MOST_LOOKUPS} lookups and as many nodes,
 * the least recently used going first.
 */
final class RememberedLookups extends GraphTDB {

    static final int MOST_ROWS = 32;
    static final int MOST_LOOKUPS = 4096;

    private final NodeTupleTable remembering;

    /**
     * @param graphName a named graph, or the union graph
     */
    RememberedLookups(DatasetGraphTDB storage, Node graphName) {
        super(storage, graphName, storage.getStoragePrefixes());
        this.remembering = new Remembering(storage.chooseNodeTupleTable(graphName));
    }

    @Override
    public NodeTupleTable getNodeTupleTable() {
        return remembering;
    }

    private static final class Remembering extends NodeTupleTableWrapper {

        private final Map<Tuple<NodeId>, List<Tuple<NodeId>>> seen = leastRecentlyUsedFirst();

        private final NodeTable nodes;

        Remembering(NodeTupleTable table) {
            super(table);
            this.nodes = new RememberedNodes(table.getNodeTable());
        }

        @Override
        public NodeTable getNodeTable() {
            return nodes;
        }

        @Override
        public Iterator<Tuple<NodeId>> find(Tuple<NodeId> pattern) {
            List<Tuple<NodeId>> known = seen.get(pattern);
            if (known != null) {
                return known.iterator();
            }
            Iterator<Tuple<NodeId>> rows = super.find(pattern);
            List<Tuple<NodeId>> first = new ArrayList<>();
            while (first.size() <= MOST_ROWS && rows.hasNext()) {
                first.add(rows.next());
            }
            if (rows.hasNext()) {
                return Iter.concat(first.iterator(), rows);
            }
            seen.put(pattern, first);
            return first.iterator();
        }
    }

    private static final class RememberedNodes extends NodeTableWrapper {

        private final Map<NodeId, Node> nodes = leastRecentlyUsedFirst();
        private final Map<Node, NodeId> ids = leastRecentlyUsedFirst();

        RememberedNodes(NodeTable table) {
            super(table);
        }

        @Override
        public Node getNodeForNodeId(NodeId id) {
            return nodes.computeIfAbsent(id, super::getNodeForNodeId);
        }

        @Override
        public NodeId getNodeIdForNode(Node node) {
            return ids.computeIfAbsent(node, super::getNodeIdForNode);
        }
    }

    /** A map that drops its least recently used entry beyond {@value #MOST_LOOKUPS}. */
    private static <K, V> Map<K, V> leastRecentlyUsedFirst() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MOST_LOOKUPS;
            }
        };
    }
}
