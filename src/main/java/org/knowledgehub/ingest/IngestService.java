package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ingests documents: one at a time (HTTP uploads) or in bulk (command line, demo corpus) with
 * parsing in parallel and commits in batches. The same bytes are never ingested twice; a new
 * version of the same source replaces the old one completely.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestPipeline pipeline;
    private final DocumentCommitter committer;
    private final DocumentRecords records;
    private final IngestProperties properties;
    private final Uris uris;
    /** Serialises the check-then-commit step so two uploads of the same bytes cannot both create. */
    private final Object writeLock = new Object();

    IngestService(IngestPipeline pipeline, DocumentCommitter committer, DocumentRecords records, IngestProperties properties,
                  Uris uris) {
        this.uris = uris;
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

    public IngestOutcome ingest(IngestRequest request) {
        String hash = DocumentIds.sha256(request.bytes());
        Optional<IngestOutcome> existing = unchanged(hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = DocumentIds.forSource(request.sourceName());
        DocumentContext doc = pipeline.run(request, id, hash, UUID.randomUUID().toString());
        synchronized (writeLock) {
            existing = unchanged(hash);
            if (existing.isPresent()) {
                return existing.get();
            }
            Optional<String> previous = records.hashOf(id);
            committer.commit(List.of(doc), List.of(), previous.map(h -> Map.of(id, h)).orElse(Map.of()));
            IngestOutcome outcome = outcome(doc, previous.isPresent() ? IngestOutcome.Status.REPLACED : IngestOutcome.Status.CREATED);
            log.info("Ingested {} as {} ({}, {} sections, {} passages, {})", request.sourceName(), id, doc.type.code(),
                    doc.sections.size(), doc.passages.size(), outcome.status().name().toLowerCase());
            return outcome;
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
            log.info("Deleted document {}", id);
            return true;
        }
    }

    /**
     * Ingests many sources: parsed on {@code kh.ingest.threads} threads, committed in batches of
     * {@code kh.ingest.batch-size}. A source that fails is reported and does not stop the rest.
     */
    public BulkReport ingestAll(List<Source> sources, Progress progress) {
        long t0 = System.nanoTime();
        int threads = Math.max(1, properties.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ingest-worker");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Parsed> completion = new ExecutorCompletionService<>(pool);
        Counters counters = new Counters();
        List<BulkReport.Failure> failures = new ArrayList<>();
        List<DocumentContext> batch = new ArrayList<>();
        Set<String> hashesThisRun = new HashSet<>();
        int submitted = 0;
        int finished = 0;
        int inFlight = 0;
        try {
            while (finished < sources.size()) {
                while (submitted < sources.size() && inFlight < threads * 4) {
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
                    counters.unchanged++;
                    progress.done(finished, sources.size(), p.source(), outcome, null);
                } else {
                    batch.add(p.doc());
                    progress.done(finished, sources.size(), p.source(), outcome(p.doc(), IngestOutcome.Status.CREATED), null);
                }
                if (batch.size() >= properties.batchSize() || finished == sources.size() && !batch.isEmpty()) {
                    commitBatch(batch, counters, failures);
                    batch.clear();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        BulkReport report = new BulkReport(counters.created, counters.replaced, counters.unchanged, counters.passages,
                counters.triples, seconds, failures);
        log.info("Bulk ingest: {} documents ({} new, {} replaced, {} unchanged), {} passages, {} failures in {} s",
                report.documents(), report.created(), report.replaced(), report.unchanged(), report.passages(),
                failures.size(), String.format("%.1f", seconds));
        return report;
    }

    private record Parsed(String source, DocumentContext doc, IngestOutcome unchanged, String failure) {
    }

    private static final class Counters {
        int created;
        int replaced;
        int unchanged;
        long passages;
        long triples;
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
            return new Parsed(source.name(), pipeline.run(request, id, hash, UUID.randomUUID().toString()), null, null);
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
            } catch (RuntimeException e) {
                log.error("Commit of a batch of {} documents failed", batch.size(), e);
                batch.forEach(d -> failures.add(new BulkReport.Failure(d.request.sourceName(), "commit failed: " + e)));
                return;
            }
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
        return records.idByHash(hash).flatMap(records::summary).map(s -> new IngestOutcome(IngestOutcome.Status.UNCHANGED,
                s.id(), s.uri(), s.graph(), s.title(), s.type(), s.sections(), s.passages(), 0));
    }

    private IngestOutcome outcome(DocumentContext doc, IngestOutcome.Status status) {
        return new IngestOutcome(status, doc.id, uris.document(doc.id), uris.documentGraph(doc.id).getURI(),
                doc.title, doc.type.code(), doc.sections.size(), doc.passages.size(), doc.graph.size());
    }
}
