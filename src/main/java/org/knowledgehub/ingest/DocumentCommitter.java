package org.knowledgehub.ingest;

import java.util.List;
import java.util.Map;

import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Originals;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes ingested documents part of the hub atomically: their graphs and their index entries are
 * both there, or neither. The index is staged and prepared (first phase) before the store commits,
 * and committed after it; a crash between the two is repaired at start-up from the graph, which
 * is the source of truth.
 */
@Component
class DocumentCommitter {

    private static final Logger log = LoggerFactory.getLogger(DocumentCommitter.class);

    private final KnowledgeStore store;
    private final PassageIndex index;
    private final Originals originals;
    private final Uris uris;

    DocumentCommitter(KnowledgeStore store, PassageIndex index, Originals originals, Uris uris) {
        this.store = store;
        this.index = index;
        this.originals = originals;
        this.uris = uris;
    }

    /**
     * Commits documents (replacing earlier versions) and deletions in one transaction.
     *
     * @param replacedHashes content hashes of the versions being replaced or deleted, whose
     *                       original files go once nothing refers to them
     */
    synchronized void commit(List<DocumentContext> documents, List<String> deletions, Map<String, String> replacedHashes) {
        for (DocumentContext doc : documents) {
            originals.put(doc.contentHash, doc.request.bytes());
        }
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            try {
                for (DocumentContext doc : documents) {
                    index.stageReplace(doc.id, doc.indexRecords);
                    tx.replaceGraph(uris.documentGraph(doc.id), doc.graph.getGraph());
                }
                for (String id : deletions) {
                    index.stageDelete(id);
                    tx.deleteGraph(uris.documentGraph(id));
                }
                index.prepareCommit();
                tx.commit();
            } catch (RuntimeException e) {
                tx.abort();
                index.rollback();
                throw e;
            }
        }
        try {
            index.commit();
        } catch (RuntimeException e) {
            // The store has the documents; the index will be repaired from it at the next start.
            log.error("Search index commit failed after the store committed; restart to repair the index", e);
            throw e;
        }
        removeUnreferenced(replacedHashes.values(), documents);
    }

    private void removeUnreferenced(Iterable<String> hashes, List<DocumentContext> documents) {
        for (String hash : hashes) {
            boolean stillUsed = documents.stream().anyMatch(d -> d.contentHash.equals(hash));
            if (!stillUsed) {
                originals.delete(hash);
            }
        }
    }
}
