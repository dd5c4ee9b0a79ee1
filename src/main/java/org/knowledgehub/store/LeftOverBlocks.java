package org.knowledgehub.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.jena.dboe.index.Index;
import org.apache.jena.dboe.trans.bplustree.BPTreeNode;
import org.apache.jena.dboe.trans.bplustree.BPTreeNodeMgr;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * Counts the blocks of a TDB2 storage's B+trees (quad and triple indexes, the node table's index)
 * that no current root reaches: what the commits before left behind, since TDB2 is copy-on-write,
 * and what a compaction would give back. Only the trees' inner nodes are read (a few thousand
 * blocks at a million passages), not their records. Must run inside a read transaction, whose roots
 * it walks.
 */
final class LeftOverBlocks {

    private LeftOverBlocks() {
    }

    /** Bytes held by blocks of the storage's B+trees that no current root reaches. */
    static long bytes(DatasetGraphTDB storage) {
        long leftOver = 0;
        for (BPlusTree tree : trees(storage)) {
            long[] reached = reached(tree);
            leftOver += tree.getNodeManager().allocLimit() - reached[0];
            leftOver += tree.getRecordsMgr().allocLimit() - reached[1];
        }
        return leftOver * SystemTDB.BlockSize;
    }

    private static List<BPlusTree> trees(DatasetGraphTDB storage) {
        List<BPlusTree> trees = new ArrayList<>();
        List<TupleIndex> indexes = new ArrayList<>(List.of(storage.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()));
        indexes.addAll(List.of(storage.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()));
        for (TupleIndex index : indexes) {
            if (index instanceof TupleIndexRecord record && record.getRangeIndex() instanceof BPlusTree tree) {
                trees.add(tree);
            }
        }
        NodeTable nodes = storage.getQuadTable().getNodeTupleTable().getNodeTable().baseNodeTable();
        if (nodes instanceof NodeTableTRDF table) {
            Index index = table.getIndex();
            if (index instanceof BPlusTree tree) {
                trees.add(tree);
            }
        }
        return trees;
    }

    /** Inner-node blocks and record blocks reached from the tree's root in the current transaction. */
    private static long[] reached(BPlusTree tree) {
        BPTreeNodeMgr nodes = tree.getNodeManager();
        long nodeBlocks = 0;
        long recordBlocks = 0;
        Deque<Integer> next = new ArrayDeque<>();
        next.push(tree.getRootId());
        while (!next.isEmpty()) {
            BPTreeNode node = nodes.getRead(next.pop());
            nodeBlocks++;
            int children = node.getPtrBuffer().size();
            if (node.isLeaf()) {
                // The lowest inner nodes point at record blocks.
                recordBlocks += children;
            } else {
                for (int i = 0; i < children; i++) {
                    next.push(node.getPtrBuffer().get(i));
                }
            }
            nodes.release(node);
        }
        return new long[]{nodeBlocks, recordBlocks};
    }
}
