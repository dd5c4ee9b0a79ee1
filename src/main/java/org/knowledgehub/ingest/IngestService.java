package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Originals;
import org.knowledgehub.store.ServiceCalls;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Ingests documents: one at a time (HTTP uploads) or in bulk (command line, demo corpus) with
 * parsing in parallel and commits in batches. The same bytes are not ingested twice for a sender
 * who may read the document they became; a new version of the same source replaces the old one
 * completely.
 */
@Service
public class IngestService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestPipeline pipeline;
    private final DocumentCommitter committer;
    private final DocumentRecords records;
    private final IngestProperties properties;
    private final Uris uris;
    private final Originals originals;
    private final KnowledgeStore store;
    private final IndexRepair indexRepair;
    private final PassageIndex index;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean compacting = new AtomicBoolean();
    /** The background compaction, if one has run; shutting down waits for it. */
    private volatile Thread compaction;
    /** Serialises the check-then-commit step so two uploads of the same bytes cannot both create. */
    private final Object writeLock = new Object();

    IngestService(IngestPipeline pipeline, DocumentCommitter committer, DocumentRecords records, IngestProperties properties,
                  Uris uris, Originals originals, KnowledgeStore store, IndexRepair indexRepair, PassageIndex index,
                  ApplicationEventPublisher events) {
        this.indexRepair = indexRepair;
        this.index = index;
        this.events = events;
        this.uris = uris;
        this.store = store;
        this.originals = originals;
        this.pipeline = pipeline;
        this.committer = committer;
        this.records = records;
        this.properties = properties;
    }

    /** A source for bulk ingest; its bytes are read only when its turn comes. */
    public record Source(String name, Supplier<IngestRequest> request) {
    }

    /** Called after each document of a bulk ingest. */
    public interface Progress {
        void done(int finished, int total, String source, IngestOutcome outcome, String failure);
    }

    /** Ingests a file for a sender who may read every document (the command line, the demo corpus). */
    public IngestOutcome ingest(IngestRequest request) {
        return ingest(request, id -> true);
    }

    /**
     * Ingests a file, unless the sender already may read a document of the same bytes (the answer
     * is then that document, unchanged). The same bytes as documents the sender may not read make a
     * document of the sender's own, as bytes no one sent before would: answering with a document
     * it may not read would tell that the document exists, and its id.
     *
     * @param mayRead whether the sender may read the document of an id
     */
    public IngestOutcome ingest(IngestRequest request, Predicate<String> mayRead) {
        return ingest(request, mayRead, IngestProgress.NONE);
    }

    /** As {@link #ingest(IngestRequest, Predicate)}, telling {@code progress} where it has got to. */
    IngestOutcome ingest(IngestRequest request, Predicate<String> mayRead, IngestProgress progress) {
        String hash = DocumentIds.sha256(request.bytes());
        String id = DocumentIds.forSource(request.sourceName());
        Optional<IngestOutcome> existing = unchanged(hash, id, mayRead);
        if (existing.isPresent()) {
            return existing.get();
        }
        DocumentContext doc = pipeline.run(request, id, hash, UUID.randomUUID().toString(), progress);
        progress.stage("commit");
        synchronized (writeLock) {
            existing = unchanged(hash, id, mayRead);
            if (existing.isPresent()) {
                return existing.get();
            }
            // Under the lock: another document of the same bytes may have been deleted, with the file, meanwhile.
            originals.put(hash, request.bytes());
            Optional<String> previous = records.hashOf(id);
            committer.commit(List.of(doc), List.of(), previous.map(h -> Map.of(id, h)).orElse(Map.of()));
            afterCommit();
            events.publishEvent(new DocumentsCommitted(List.of(id)));
            IngestOutcome outcome = outcome(doc, previous.isPresent() ? IngestOutcome.Status.REPLACED : IngestOutcome.Status.CREATED);
            log.info("Ingested {} as {} ({}, {} sections, {} passages, {})", request.sourceName(), id, doc.type.code(),
                    doc.sections.size(), doc.passages.size(), outcome.status().name().toLowerCase());
            return outcome;
        }
    }

    /** A request of {@link #ingestTogether} the pipeline refused: nothing of the batch was stored. */
    public static final class RequestRefused extends IngestFailure {

        private final int index;

        RequestRefused(int index, IngestFailure cause) {
            super(cause.reason(), cause.field(), cause.getMessage(), cause);
            this.index = index;
        }

        /** The position of the refused request in the list given. */
        public int index() {
            return index;
        }
    }

    /**
     * Ingests documents that stand or fall together, such as the rows of an observation import:
     * the pipeline runs on each (on {@code kh.ingest.threads} threads), then all are committed in
     * one store transaction, or none when the pipeline refuses any. As with
     * {@link #ingest(IngestRequest, Predicate)}, bytes of a document the sender may read are not
     * ingested again (UNCHANGED, with that document's id), bytes of documents it may not read make
     * its own document, and bytes given twice are ingested once.
     *
     * @param mayRead whether the sender may read the document of an id
     * @return the outcome of each request, in the order given
     * @throws RequestRefused naming the first request (by position) the pipeline refused; nothing is stored
     */
    public List<IngestOutcome> ingestTogether(List<IngestRequest> requests, Predicate<String> mayRead) {
        int n = requests.size();
        IngestOutcome[] outcomes = new IngestOutcome[n];
        String[] hashes = new String[n];
        Map<String, Integer> firstWithHash = new HashMap<>();
        Set<String> sources = new HashSet<>();
        List<Integer> toRun = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IngestRequest request = requests.get(i);
            if (!sources.add(request.sourceName())) {
                throw new RequestRefused(i, new IngestFailure(IngestFailure.Reason.INVALID, "file",
                        "the source " + request.sourceName() + " is given twice"));
            }
            hashes[i] = DocumentIds.sha256(request.bytes());
            if (firstWithHash.putIfAbsent(hashes[i], i) == null) {
                Optional<IngestOutcome> existing = unchanged(hashes[i], DocumentIds.forSource(request.sourceName()), mayRead);
                if (existing.isPresent()) {
                    outcomes[i] = existing.get();
                } else {
                    toRun.add(i);
                }
            }
        }
        Map<Integer, DocumentContext> docs = runTogether(requests, toRun, hashes);
        synchronized (writeLock) {
            List<DocumentContext> batch = new ArrayList<>();
            Map<String, String> previous = new HashMap<>();
            for (int i : toRun) {
                DocumentContext doc = docs.get(i);
                // Another upload may have stored the same bytes meanwhile.
                Optional<IngestOutcome> existing = unchanged(hashes[i], doc.id, mayRead);
                if (existing.isPresent()) {
                    outcomes[i] = existing.get();
                    continue;
                }
                // Under the lock, as in ingest: a document of the same bytes may have been deleted, with the file.
                originals.put(doc.contentHash, doc.request.bytes());
                batch.add(doc);
                records.hashOf(doc.id).ifPresent(h -> previous.put(doc.id, h));
            }
            if (!batch.isEmpty()) {
                committer.commit(batch, List.of(), previous);
                afterCommit();
                events.publishEvent(new DocumentsCommitted(batch.stream().map(d -> d.id).toList()));
            }
            for (int i : toRun) {
                if (outcomes[i] == null) {
                    DocumentContext doc = docs.get(i);
                    outcomes[i] = outcome(doc, previous.containsKey(doc.id) ? IngestOutcome.Status.REPLACED
                            : IngestOutcome.Status.CREATED);
                }
            }
            log.info("Ingested {} documents together in one commit; {} of the {} given were already stored", batch.size(),
                    n - batch.size(), n);
        }
        for (int i = 0; i < n; i++) {
            if (outcomes[i] == null) {
                IngestOutcome first = outcomes[firstWithHash.get(hashes[i])];
                outcomes[i] = new IngestOutcome(IngestOutcome.Status.UNCHANGED, first.id(), first.uri(), first.graph(),
                        first.title(), first.type(), first.sections(), first.passages(), 0);
            }
        }
        return List.of(outcomes);
    }

    /** Runs the pipeline on the requests at these positions in parallel; the first refusal stops the rest. */
    private Map<Integer, DocumentContext> runTogether(List<IngestRequest> requests, List<Integer> positions, String[] hashes) {
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, properties.threads()), daemon("ingest-together"));
        try {
            Map<Integer, Future<DocumentContext>> running = new LinkedHashMap<>();
            for (int i : positions) {
                IngestRequest request = requests.get(i);
                String hash = hashes[i];
                running.put(i, workers.submit(() -> pipeline.run(request, DocumentIds.forSource(request.sourceName()), hash,
                        UUID.randomUUID().toString())));
            }
            Map<Integer, DocumentContext> docs = new LinkedHashMap<>();
            for (Map.Entry<Integer, Future<DocumentContext>> e : running.entrySet()) {
                try {
                    docs.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException x) {
                    if (x.getCause() instanceof IngestFailure failure) {
                        throw new RequestRefused(e.getKey(), failure);
                    }
                    throw x.getCause() instanceof RuntimeException r ? r : new IllegalStateException(x.getCause());
                }
            }
            return docs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Deletes a document: its graph, its index entries and its original. */
    public boolean delete(String id) {
        synchronized (writeLock) {
            Optional<String> hash = records.hashOf(id);
            if (hash.isEmpty()) {
                return false;
            }
            committer.commit(List.of(), List.of(id), Map.of(id, hash.get()));
            afterCommit();
            log.info("Deleted document {}", id);
            return true;
        }
    }

    /**
     * Ingests many sources: parsed on {@code kh.ingest.threads} threads while a committing thread
     * writes them in batches of {@code kh.ingest.batch-size} documents or {@code kh.ingest.batch-triples}
     * triples, so parsing and committing overlap. A
     * batch is also written once it is {@code kh.ingest.commit-interval} old and the previous one
     * is done: with NLP a document takes a fraction of a second, and what is ready becomes
     * searchable instead of waiting for hundreds more. A source that fails is reported and does
     * not stop the rest.
     */
    public BulkReport ingestAll(List<Source> sources, Progress progress) {
        long t0 = System.nanoTime();
        int threads = Math.max(1, properties.threads());
        ExecutorService parsers = Executors.newFixedThreadPool(threads, daemon("ingest-worker"));
        ExecutorService committer = Executors.newSingleThreadExecutor(daemon("ingest-committer"));
        ExecutorCompletionService<Parsed> completion = new ExecutorCompletionService<>(parsers);
        Counters counters = new Counters();
        List<BulkReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        List<DocumentContext> batch = new ArrayList<>();
        long batchTriples = 0;
        Set<String> hashesThisRun = new HashSet<>();
        Future<?> pendingCommit = null;
        long batchStarted = 0;
        int submitted = 0;
        int finished = 0;
        int inFlight = 0;
        int maxInFlight = Math.max(threads * 4, properties.batchSize());
        try {
            while (finished < sources.size()) {
                while (submitted < sources.size() && inFlight < maxInFlight) {
                    Source s = sources.get(submitted++);
                    completion.submit(() -> prepare(s));
                    inFlight++;
                }
                Parsed p = take(completion);
                inFlight--;
                finished++;
                if (p.failure() != null) {
                    failures.add(new BulkReport.Failure(p.source(), p.failure()));
                    progress.done(finished, sources.size(), p.source(), null, p.failure());
                } else if (p.unchanged() != null || !hashesThisRun.add(p.doc().contentHash)) {
                    IngestOutcome outcome = p.unchanged() != null ? p.unchanged() : unchanged(p.doc().contentHash)
                            .orElseGet(() -> outcome(p.doc(), IngestOutcome.Status.UNCHANGED));
                    synchronized (counters) {
                        counters.unchanged++;
                    }
                    progress.done(finished, sources.size(), p.source(), outcome, null);
                } else {
                    if (batch.isEmpty()) {
                        batchStarted = System.nanoTime();
                    }
                    batch.add(p.doc());
                    batchTriples += p.doc().graph.size();
                    progress.done(finished, sources.size(), p.source(), outcome(p.doc(), IngestOutcome.Status.CREATED), null);
                }
                boolean due = !batch.isEmpty() && System.nanoTime() - batchStarted >= properties.commitInterval().toNanos()
                        && (pendingCommit == null || pendingCommit.isDone());
                boolean full = batch.size() >= properties.batchSize() || batchTriples >= properties.batchTriples();
                if (full || finished == sources.size() && !batch.isEmpty() || due) {
                    // At most one batch waits behind the one being written: memory stays bounded.
                    await(pendingCommit);
                    List<DocumentContext> toCommit = List.copyOf(batch);
                    pendingCommit = committer.submit(() -> commitBatch(toCommit, counters, failures));
                    batch.clear();
                    batchTriples = 0;
                }
            }
            await(pendingCommit);
        } finally {
            parsers.shutdownNow();
            committer.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        BulkReport report = new BulkReport(counters.created, counters.replaced, counters.unchanged, counters.passages,
                counters.triples, counters.commits, seconds, List.copyOf(failures));
        log.info("Bulk ingest: {} documents ({} new, {} replaced, {} unchanged), {} passages, {} failures in {} s, {} commits",
                report.documents(), report.created(), report.replaced(), report.unchanged(), report.passages(),
                failures.size(), String.format("%.1f", seconds), report.commits());
        return report;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void await(Future<?> future) {
        if (future == null) {
            return;
        }
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch commit failed", e.getCause());
        }
    }

    /**
     * Changes a stored document's graph in place (a metadata correction) and re-indexes it: the
     * change gets a new index stamp in the same transaction, so a crash before the index follows
     * is repaired at start-up. {@code personal} changes its personal graph, when it has one.
     *
     * @return false when there is no such document
     */
    boolean rewrite(String id, Consumer<Model> change, Consumer<Model> personal) {
        synchronized (writeLock) {
            Node graphName = uris.documentGraph(id);
            Model document = ModelFactory.createModelForGraph(store.copyOf(graphName));
            Resource subject = document.getResource(uris.document(id));
            if (!document.contains(subject, RDF.type, KH.Document)) {
                return false;
            }
            change.accept(document);
            subject.removeAll(KH.indexStamp).addProperty(KH.indexStamp, UUID.randomUUID().toString());
            Node personalName = uris.personalGraph(id);
            Model personalGraph = ModelFactory.createModelForGraph(store.copyOf(personalName));
            try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
                tx.replaceGraph(graphName, document.getGraph());
                if (!personalGraph.isEmpty()) {
                    personal.accept(personalGraph);
                    tx.replaceGraph(personalName, personalGraph.getGraph());
                }
                tx.commit();
            }
            indexRepair.reindex(List.of(id), List.of());
            afterCommit();
            events.publishEvent(new DocumentsCommitted(List.of(id)));
            return true;
        }
    }

    /** What a SPARQL Update changed. */
    public record UpdateOutcome(List<String> graphs, List<String> reindexedDocuments, List<String> removedDocuments) {
    }

    /**
     * Applies a SPARQL Update (admin only) and brings the index and the access catalog in line with
     * every document graph it touched. LOAD and SERVICE are refused: they would make the server fetch URLs.
     *
     * @throws IngestFailure INVALID (field "update") when the update cannot be parsed or is refused
     */
    public UpdateOutcome applyUpdate(String updateText) {
        UpdateRequest request;
        try {
            request = UpdateFactory.create(updateText, uris.base(), Syntax.syntaxSPARQL_11);
        } catch (QueryException e) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, "update", "the update is not valid SPARQL 1.1: " + e.getMessage());
        }
        return applyUpdate(request);
    }

    /**
     * Applies an update already parsed or built (the Graph Store Protocol's writes are built as
     * updates), in one transaction, as {@link #applyUpdate(String)}.
     */
    public UpdateOutcome applyUpdate(UpdateRequest request) {
        if (request.getOperations().stream().anyMatch(op -> op instanceof UpdateLoad)) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, "update", "LOAD is not allowed: upload documents to /api/documents");
        }
        if (ServiceCalls.in(request)) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, "update", "SERVICE (federated query) is not allowed in an update");
        }
        synchronized (writeLock) {
            Set<Node> touched;
            try {
                touched = store.update(request);
            } catch (IllegalArgumentException e) {
                throw new IngestFailure(IngestFailure.Reason.INVALID, "update", e.getMessage());
            } catch (QueryException e) {
                throw new IngestFailure(IngestFailure.Reason.INVALID, "update", "the update failed: " + e.getMessage());
            }
            Map<String, String> stamps = records.stamps();
            List<String> documents = touched.stream().map(uris::documentIdOfGraph).flatMap(Optional::stream).sorted().toList();
            List<String> reindexed = documents.stream().filter(stamps::containsKey).toList();
            List<String> removed = documents.stream().filter(id -> !stamps.containsKey(id)).toList();
            indexRepair.reindex(reindexed, removed);
            afterCommit();
            log.info("SPARQL Update touched {} graphs; re-indexed {} documents, removed {}", touched.size(), reindexed.size(),
                    removed.size());
            return new UpdateOutcome(touched.stream().map(Node::getURI).sorted().toList(), reindexed, removed);
        }
    }

    /**
     * Compacts the store if it is worth it ({@link #leftOverShare}) and merges the search index into
     * one segment, holding off writes meanwhile (searches and reads carry on).
     */
    public void compact() {
        synchronized (writeLock) {
            long size = store.sizeOnDisk();
            double share = leftOverShare(size);
            if (share > properties.compactWaste()) {
                store.compact();
            } else {
                log.info("Store not compacted: {} of its {} MB are blocks left by earlier commits, over {} needed",
                        percent(share), size / 1_000_000, percent(properties.compactWaste()));
            }
            index.mergeSegments();
        }
    }

    /**
     * The share of the store that a compaction would give back (0 while it is under {@code
     * kh.ingest.compact-above}, where that costs little to keep). TDB2 is copy-on-write: a commit leaves
     * behind the index blocks it replaced. That share is measured rather than guessed from growth: the
     * five commits of a 100,000-passage bulk ingest leave 10% of the store behind, where copying the
     * whole store would take half as long as the ingest itself.
     */
    private double leftOverShare(long size) {
        if (size <= properties.compactAbove().toBytes()) {
            return 0;
        }
        return (double) store.leftOverBytes() / size;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Compacts the store in the background once blocks left behind are {@code kh.ingest.compact-waste} of it. */
    private void afterCommit() {
        if (compacting.get()) {
            return;
        }
        long size = store.sizeOnDisk();
        double share = leftOverShare(size);
        if (share > properties.compactWaste() && compacting.compareAndSet(false, true)) {
            log.info("{} of the store's {} MB are blocks left by earlier commits; compacting it", percent(share), size / 1_000_000);
            compaction = Thread.ofPlatform().name("store-compaction").daemon().start(() -> {
                try {
                    compact();
                } finally {
                    compacting.set(false);
                }
            });
        }
    }

    /** A compaction stopped half-way would only be redone, but closing the store under it fails it noisily. */
    @Override
    public void destroy() throws InterruptedException {
        Thread running = compaction;
        if (running != null && running.isAlive()) {
            log.info("Waiting for the store's compaction to finish before closing it");
            running.join();
        }
    }

    private record Parsed(String source, DocumentContext doc, IngestOutcome unchanged, String failure) {
    }

    private static final class Counters {
        int created;
        int replaced;
        int unchanged;
        long passages;
        long triples;
        int commits;
    }

    private Parsed prepare(Source source) {
        try {
            IngestRequest request = source.request().get();
            String hash = DocumentIds.sha256(request.bytes());
            Optional<IngestOutcome> existing = unchanged(hash);
            if (existing.isPresent()) {
                return new Parsed(source.name(), null, existing.get(), null);
            }
            String id = DocumentIds.forSource(request.sourceName());
            DocumentContext doc = pipeline.run(request, id, hash, UUID.randomUUID().toString());
            originals.put(hash, request.bytes());
            return new Parsed(source.name(), doc, null, null);
        } catch (IngestFailure e) {
            return new Parsed(source.name(), null, null, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Ingest of {} failed", source.name(), e);
            return new Parsed(source.name(), null, null, "internal error: " + e);
        }
    }

    private void commitBatch(List<DocumentContext> batch, Counters counters, List<BulkReport.Failure> failures) {
        synchronized (writeLock) {
            Map<String, String> previous = new HashMap<>();
            for (DocumentContext doc : batch) {
                records.hashOf(doc.id).ifPresent(h -> previous.put(doc.id, h));
            }
            try {
                committer.commit(batch, List.of(), previous);
                afterCommit();
                events.publishEvent(new DocumentsCommitted(batch.stream().map(d -> d.id).toList()));
            } catch (RuntimeException e) {
                log.error("Commit of a batch of {} documents failed", batch.size(), e);
                batch.forEach(d -> failures.add(new BulkReport.Failure(d.request.sourceName(), "commit failed: " + e)));
                return;
            }
            synchronized (counters) {
                counters.commits++;
                for (DocumentContext doc : batch) {
                    if (previous.containsKey(doc.id)) {
                        counters.replaced++;
                    } else {
                        counters.created++;
                    }
                    counters.passages += doc.passages.size();
                    counters.triples += doc.graph.size();
                }
            }
        }
    }

    private static Parsed take(ExecutorCompletionService<Parsed> completion) {
        try {
            Future<Parsed> f = completion.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Optional<IngestOutcome> unchanged(String hash) {
        return unchanged(hash, null, id -> true);
    }

    /** A document of these bytes the sender may read: the one of its own source first. */
    private Optional<IngestOutcome> unchanged(String hash, String ownId, Predicate<String> mayRead) {
        List<String> ids = records.idsByHash(hash);
        Optional<String> found = ids.contains(ownId) && mayRead.test(ownId) ? Optional.of(ownId)
                : ids.stream().filter(mayRead).findFirst();
        return found.flatMap(records::summary).map(s -> new IngestOutcome(IngestOutcome.Status.UNCHANGED,
                s.id(), s.uri(), s.graph(), s.title(), s.type(), s.sections(), s.passages(), 0));
    }

    private IngestOutcome outcome(DocumentContext doc, IngestOutcome.Status status) {
        return new IngestOutcome(status, doc.id, uris.document(doc.id), uris.documentGraph(doc.id).getURI(),
                doc.title, doc.type.code(), doc.sections.size(), doc.passages.size(), doc.graph.size());
    }
}
