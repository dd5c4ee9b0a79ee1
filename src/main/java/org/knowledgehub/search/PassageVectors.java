package org.knowledgehub.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Gives committed passages their sentence embeddings on a thread of its own, so that ingest never
 * waits for the model (embedding costs more than the rest of ingest without NLP): a document is
 * searchable by its words once committed and by the nearest-passage search a moment later; until
 * then hybrid search embeds such a passage itself when its words make it a candidate. A
 * document replaced or deleted before its turn keeps what replaced it: vectors are written only
 * for passages whose document still has the index stamp they were queued with. Vectors lost to a
 * stop are made again at the next start (see the ingest repair).
 */
@Component
public class PassageVectors implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PassageVectors.class);
    /** Passages embedded and written per index commit. */
    private static final int BATCH = 256;

    private final PassageEmbeddings embeddings;
    private final PassageIndex index;
    /** Documents waiting for vectors, by id: a newer version queued replaces the older one. Guarded by this. */
    private final Map<String, List<IndexedPassage>> queued = new LinkedHashMap<>();
    /** Passages taken from the queue and not yet written. Guarded by this. */
    private int inProgress;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "passage-vectors");
        t.setDaemon(true);
        return t;
    });

    PassageVectors(PassageEmbeddings embeddings, PassageIndex index) {
        this.embeddings = embeddings;
        this.index = index;
    }

    /**
     * Queues the passages of documents just written to the index without vectors, one list per
     * document; does nothing when embeddings are off.
     */
    public void embedLater(Collection<List<IndexedPassage>> documents) {
        if (!embeddings.enabled()) {
            return;
        }
        synchronized (this) {
            documents.stream().filter(d -> !d.isEmpty()).forEach(d -> queued.put(d.getFirst().documentId(), d));
        }
        worker.execute(this::drain);
    }

    /** Passages committed without their vectors so far (queued or being embedded). */
    public synchronized int pending() {
        return inProgress + queued.values().stream().mapToInt(List::size).sum();
    }

    /** Waits until every passage queued so far has its vector (tests, benchmarks). */
    public void awaitIdle() {
        try {
            worker.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for passage vectors", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void drain() {
        for (List<List<IndexedPassage>> batch = take(); !batch.isEmpty(); batch = take()) {
            try {
                store(batch);
            } catch (RuntimeException e) {
                log.warn("Embedding the passages of {} documents failed; they are searched by their words until the next "
                        + "start makes their vectors: {}", batch.size(), e.toString());
            }
        }
    }

    /** Up to {@link #BATCH} passages' worth of queued documents (at least one document), taken off the queue. */
    private synchronized List<List<IndexedPassage>> take() {
        List<List<IndexedPassage>> batch = new ArrayList<>();
        int size = 0;
        for (Iterator<List<IndexedPassage>> it = queued.values().iterator(); it.hasNext(); ) {
            List<IndexedPassage> next = it.next();
            if (!batch.isEmpty() && size + next.size() > BATCH) {
                break;
            }
            batch.add(next);
            size += next.size();
            it.remove();
        }
        inProgress = size;
        return batch;
    }

    /**
     * Embeds the passages of the documents and writes them with their vectors, for the documents
     * whose index entries still carry the stamp of these passages.
     *
     * @return how many documents got their vectors
     */
    int store(List<List<IndexedPassage>> documents) {
        long t0 = System.nanoTime();
        List<IndexedPassage> vectors = embeddings.withVectors(documents.stream().flatMap(List::stream).toList());
        long t1 = System.nanoTime();
        index.writeLock().lock();
        try {
            Map<String, String> stamps = index.stamps();
            int written = 0;
            int from = 0;
            for (List<IndexedPassage> document : documents) {
                IndexedPassage first = document.getFirst();
                if (first.stamp().equals(stamps.get(first.documentId()))) {
                    index.stageReplace(first.documentId(), vectors.subList(from, from + document.size()));
                    written++;
                }
                from += document.size();
            }
            if (written > 0) {
                index.prepareCommit();
                index.commit();
            }
            log.debug("Vectors for {} passages: embedded in {} ms, written in {} ms", vectors.size(),
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            return written;
        } catch (RuntimeException e) {
            index.rollback();
            throw e;
        } finally {
            index.writeLock().unlock();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
