package org.knowledgehub.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Originals;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes ingested documents part of the hub atomically: their graphs (the document graph and, with
 * personal data, the personal graph) and their index entries are all there, or none. The index
 * is staged and prepared (first phase) before the store commits, and committed after it; a crash
 * between the two is repaired at start-up from the graph, which is the source of truth. Original
 * files are written by the caller beforehand; they are named by their hash, so one left by a
 * failed commit is harmless and start-up repair removes it. Passages are committed without their
 * sentence embeddings, which {@link PassageVectors} adds afterwards. Metrics: documents committed
 * ({@code kh.ingest.documents}) and the time of each commit, store and index together
 * ({@code kh.ingest.commit}).
 */
@Component
class DocumentCommitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentCommitter.class);

    private final KnowledgeStore store;
    private final PassageIndex index;
    private final Originals originals;
    private final Uris uris;
    private final PassageVectors vectors;
    private final IndexRepair repair;
    private final Counter committedDocuments;
    private final Timer commits;
    /** Analyses index documents while the committing thread writes the store. */
    private final ExecutorService indexStaging = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-staging");
        t.setDaemon(true);
        return t;
    });

    DocumentCommitter(KnowledgeStore store, PassageIndex index, Originals originals, Uris uris, PassageVectors vectors,
                      IndexRepair repair, MeterRegistry meters) {
        this.store = store;
        this.committedDocuments = Counter.builder("kh.ingest.documents")
                .description("Documents committed to the store and the index (new or replaced versions)").register(meters);
        this.commits = Timer.builder("kh.ingest.commit")
                .description("Time to commit a batch of documents to the store and the index").register(meters);
        this.repair = repair;
        this.vectors = vectors;
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
        index.writeLock().lock();
        try {
            commits.record(() -> writeAndCommit(documents, deletions));
            committedDocuments.increment(documents.size());
        } finally {
            index.writeLock().unlock();
        }
        vectors.embedLater(documents.stream().map(doc -> doc.indexRecords).toList());
        removeUnreferenced(replacedHashes.values(), documents);
    }

    private void writeAndCommit(List<DocumentContext> documents, List<String> deletions) {
        long t1 = System.nanoTime();
        long t2;
        long t3;
        long t4;
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            Future<?> staging = indexStaging.submit(() -> {
                documents.forEach(doc -> index.stageReplace(doc.id, doc.indexRecords));
                deletions.forEach(index::stageDelete);
            });
            try {
                for (DocumentContext doc : documents) {
                    tx.replaceGraph(uris.documentGraph(doc.id), doc.graph.getGraph());
                    // A new version without personal data leaves none of the old version's behind.
                    if (doc.personalGraph != null) {
                        tx.replaceGraph(uris.personalGraph(doc.id), doc.personalGraph.getGraph());
                    } else {
                        tx.deleteGraph(uris.personalGraph(doc.id));
                    }
                }
                for (String id : deletions) {
                    tx.deleteGraph(uris.documentGraph(id));
                    tx.deleteGraph(uris.reviewGraph(id));
                    tx.deleteGraph(uris.personalGraph(id));
                }
                if (!deletions.isEmpty()) {
                    // Questions' candidates and reviews of their passages go with them (the audit trail keeps the reviews).
                    tx.deleteGraphs(g -> g.isURI() && deletions.stream().anyMatch(id -> uris.isQuestionSourceGraphOf(g, id)));
                }
                join(staging);
                t2 = System.nanoTime();
                index.prepareCommit();
                t3 = System.nanoTime();
                tx.commit();
                t4 = System.nanoTime();
            } catch (RuntimeException | Error e) {
                // An Error too (out of memory while writing): staged index changes left behind would be
                // committed with the next document and the index would disagree with the store.
                staging.cancel(false);
                awaitQuietly(staging);
                tx.abort();
                index.rollback();
                throw e;
            }
        }
        try {
            index.commit();
            long t5 = System.nanoTime();
            log.debug("Committed {} documents: writing {} ms, index prepare {} ms, store commit {} ms, index commit {} ms",
                    documents.size() + deletions.size(), (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        } catch (RuntimeException | Error e) {
            // The store has the change: the index is rebuilt from it for these documents now, not at the next start.
            log.error("Search index commit failed after the store committed; re-indexing the {} documents from the store",
                    documents.size() + deletions.size(), e);
            try {
                index.rollback();
                repair.reindex(documents.stream().map(doc -> doc.id).toList(), deletions);
            } catch (RuntimeException again) {
                log.error("Re-indexing failed too; the next start repairs the index from the store", again);
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private static void join(Future<?> staging) {
        try {
            staging.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging index changes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(Future<?> staging) {
        try {
            staging.get();
        } catch (Exception ignored) {
            // the commit is being abandoned; the staging outcome no longer matters
        }
    }

    @Override
    public void destroy() {
        indexStaging.shutdown();
    }

    /** Deletes the original files no document refers to any more; documents of other senders may share one. */
    private void removeUnreferenced(Iterable<String> hashes, List<DocumentContext> documents) {
        for (String hash : hashes) {
            boolean stillUsed = documents.stream().anyMatch(d -> d.contentHash.equals(hash)) || store.readAll(d ->
                    d.find(Node.ANY, Node.ANY, KH.contentHash.asNode(), NodeFactory.createLiteralString(hash)).hasNext());
            if (!stillUsed) {
                originals.delete(hash);
            }
        }
    }
}
