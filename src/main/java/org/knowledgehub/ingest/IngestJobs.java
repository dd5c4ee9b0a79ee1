package org.knowledgehub.ingest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.knowledgehub.Problems;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Uploads, run on {@code kh.ingest.upload-workers} threads of their own. Admission comes first and
 * answers at once: a caller with {@code kh.ingest.uploads-per-caller} uploads running or waiting gets
 * 429, and when the workers are busy and {@code kh.ingest.upload-queue} more wait, 503, both with
 * Retry-After. A file larger than {@code kh.ingest.background-above} is accepted as a job (202) kept
 * in the {@link IngestSpool} until it is committed, so it survives a restart; smaller ones are
 * answered when committed. Searches, answers and pages never wait for these threads.
 */
@Service
public class IngestJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);

    private final IngestService ingest;
    private final IngestProperties properties;
    private final IngestSpool spool;
    private final AccessPolicy access;
    private final Uris uris;
    private final AuditTrail audit;
    private final ThreadPoolExecutor workers;
    private final Map<String, IngestJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();
    /** The jobs this process runs or queues (with a shared spool, those it holds the lease of). */
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    /** With a shared spool: renews this process's leases and takes over jobs whose replica went silent. */
    private final ScheduledExecutorService leases;
    /** Uploads running or waiting, in the foreground or the background. */
    private final AtomicInteger admitted = new AtomicInteger();
    private volatile boolean stopping;

    IngestJobs(IngestService ingest, IngestProperties properties, IngestSpool spool, AccessPolicy access, Uris uris,
               AuditTrail audit) {
        this.ingest = ingest;
        this.properties = properties;
        this.spool = spool;
        this.access = access;
        this.uris = uris;
        this.audit = audit;
        AtomicInteger count = new AtomicInteger();
        int n = Math.max(1, properties.uploadWorkers());
        this.workers = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().name("ingest-upload-" + count.incrementAndGet()).daemon().unstarted(r));
        spool.load(Instant.now().minus(properties.jobsKept())).forEach(j -> jobs.put(j.id(), j));
        if (spool.isShared()) {
            this.leases = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("ingest-leases").daemon().unstarted(r));
            spool.onChange(this::reloadShared);
        } else {
            this.leases = null;
        }
    }

    /**
     * Jobs a restart interrupted start again from the beginning once the hub is up; with a shared
     * spool, those whose replica let their lease run out (this one's from before its restart too),
     * checked every third of the lease.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        if (leases != null) {
            long every = Math.max(100, spool.lease().toMillis() / 3);
            leases.scheduleWithFixedDelay(this::keepLeases, 0, every, TimeUnit.MILLISECONDS);
            return;
        }
        List<IngestJob> unfinished = jobs.values().stream().filter(j -> !j.state().finished())
                .sorted(Comparator.comparing(IngestJob::submitted)).toList();
        unfinished.forEach(this::resume);
        if (!unfinished.isEmpty()) {
            log.info("Resuming {} background ingest(s) accepted before the restart", unfinished.size());
        }
    }

    private void resume(IngestJob job) {
        runningHere.add(job.id());
        if (!spool.hasUpload(job.id())) {
            fail(job.id(), new IngestJob.Failure(500, Problems.TYPE_BASE + "internal-error", "file",
                    "the uploaded file of this job is missing from the spool"));
            runningHere.remove(job.id());
            return;
        }
        change(job.id(), j -> j.in(IngestJob.State.QUEUED, 0), true);
        admitted.incrementAndGet();
        workers.execute(() -> runInBackground(job.id(), null));
    }

    /** Renews the leases of the jobs this replica runs, and takes over those another replica let lapse. */
    private void keepLeases() {
        if (stopping) {
            return;
        }
        try {
            for (String lost : spool.renew(List.copyOf(runningHere))) {
                log.warn("Background ingest {} was taken over by another replica while this one ran it", lost);
            }
            for (IngestJob job : spool.claimExpired()) {
                if (!runningHere.contains(job.id())) {
                    jobs.put(job.id(), job);
                    resume(job);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Background ingests: the leases could not be renewed or checked: {}", e.toString());
        }
    }

    /** The jobs as the shared store holds them, but for those this replica runs (it knows them better). */
    private void reloadShared() {
        Map<String, IngestJob> all = spool.sharedJobs();
        all.forEach((id, job) -> {
            if (!runningHere.contains(id)) {
                jobs.put(id, job);
            }
        });
        jobs.keySet().removeIf(id -> !all.containsKey(id) && !runningHere.contains(id));
    }

    /** Uploads admitted and not yet finished: running or waiting for a worker. */
    public int admitted() {
        return admitted.get();
    }

    /** Whether an upload of this size is ingested in the background (202) rather than answered when done. */
    public boolean inBackground(IngestRequest request) {
        return request.bytes().length > properties.backgroundAbove().toBytes();
    }

    /**
     * Ingests an upload and answers when it is committed.
     *
     * @throws IngestFailure when the pipeline refuses the file
     * @throws ErrorResponseException 429 or 503 with Retry-After when it cannot be admitted
     */
    public IngestOutcome ingestNow(IngestRequest request, Caller caller) {
        String who = admit(caller);
        try {
            Future<IngestOutcome> done = workers.submit(() -> ingest.ingest(request, mayRead(caller), progress(null)));
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Stopping) {
                throw stopped();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RejectedExecutionException e) {
            throw stopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.unavailable("the upload was interrupted before its document was committed");
        } finally {
            release(who);
        }
    }

    private static ErrorResponseException stopped() {
        return Problems.unavailable("the hub is stopping; send the file again once it is back");
    }

    /**
     * Accepts an upload as a background job: once this returns, the job and its file are on disk.
     *
     * @throws ErrorResponseException 429 or 503 with Retry-After when it cannot be admitted
     */
    public IngestJob accept(IngestRequest request, Caller caller) {
        String who = admit(caller);
        IngestJob job = IngestJob.queued(UUID.randomUUID().toString(), caller, request);
        try {
            spool.accept(job, request.bytes());
        } catch (RuntimeException e) {
            release(who);
            throw e;
        }
        jobs.put(job.id(), job);
        runningHere.add(job.id());
        forgetOldJobs();
        log.info("Accepted {} ({} bytes) from {} as background ingest {}", request.sourceName(), request.bytes().length,
                caller.name(), job.id());
        workers.execute(() -> runInBackground(job.id(), who));
        return job;
    }

    /** Jobs that ended more than {@code kh.ingest.jobs-kept} ago go, from memory and disk. */
    private void forgetOldJobs() {
        Instant before = Instant.now().minus(properties.jobsKept());
        jobs.values().stream().filter(j -> j.state().finished() && j.updated().isBefore(before)).toList().forEach(j -> {
            jobs.remove(j.id());
            spool.forget(j.id());
        });
    }

    /** The job, if the caller sent it or is an admin. */
    public Optional<IngestJob> find(String id, Caller caller) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> mayFollow(caller, j));
    }

    /** The caller's jobs (every job for an admin), newest first. */
    public List<IngestJob> of(Caller caller, int limit) {
        return jobs.values().stream().filter(j -> mayFollow(caller, j))
                .sorted(Comparator.comparing(IngestJob::submitted).reversed()).limit(limit).toList();
    }

    private static boolean mayFollow(Caller caller, IngestJob job) {
        return !caller.isAnonymous() && (caller.has(Role.ADMIN) || caller.name().equals(job.caller().name()));
    }

    private void runInBackground(String id, String who) {
        IngestJob job = jobs.get(id);
        try {
            if (stopping) {
                throw new Stopping(); // waiting when the hub stopped: left for the next start (or another replica)
            }
            IngestRequest request = job.fields().request(spool.bytes(id));
            IngestOutcome outcome = ingest.ingest(request, mayRead(job.caller()), progress(id));
            change(id, j -> j.committed(outcome), true);
            spool.dropUpload(id);
            audit.recordWrite(job.caller(), "document.upload", outcome.uri(), List.of(outcome.graph()), outcome.status().code());
            log.info("Background ingest {} committed {} as {}", id, job.fields().sourceName(), outcome.id());
        } catch (Stopping e) {
            log.info("Background ingest {} stopped by the shutdown; it starts again with the hub", id);
        } catch (IngestFailure e) {
            fail(id, failure(e.problem()));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (stopping) {
                // The hub's parts close under it: the job is left for the next start (or another replica), not failed.
                log.info("Background ingest {} stopped by the shutdown ({}); it starts again with the hub", id, e.toString());
                return;
            }
            log.error("Background ingest {} of {} failed", id, job.fields().sourceName(), e);
            fail(id, new IngestJob.Failure(500, Problems.TYPE_BASE + "internal-error", null,
                    "the ingest failed on the server (" + e.getClass().getSimpleName() + "); the file was not stored"));
        } finally {
            runningHere.remove(id);
            release(who);
        }
    }

    private void fail(String id, IngestJob.Failure why) {
        change(id, j -> j.failed(why), true);
        spool.dropUpload(id);
        log.info("Background ingest {} failed: {}", id, why.detail());
    }

    private static IngestJob.Failure failure(ErrorResponseException problem) {
        var body = problem.getBody();
        Object field = body.getProperties() == null ? null : body.getProperties().get("field");
        return new IngestJob.Failure(body.getStatus(), String.valueOf(body.getType()), field == null ? null : field.toString(),
                body.getDetail());
    }

    /** Follows the pipeline for a job (or for nothing, for an upload answered when done), and stops it when the hub stops. */
    private IngestProgress progress(String id) {
        return new IngestProgress() {
            @Override
            public void stage(String name) {
                if (stopping) {
                    throw new Stopping();
                }
                IngestJob.State state = IngestJob.State.ofStage(name);
                if (id != null && jobs.get(id).state() != state) {
                    change(id, j -> j.in(state, state == IngestJob.State.STORING ? 100 : 0), true);
                }
            }

            @Override
            public void annotated(int percent) {
                if (stopping) {
                    throw new Stopping();
                }
                if (id != null) {
                    change(id, j -> j.in(IngestJob.State.ANNOTATING, percent), false);
                }
            }
        };
    }

    private void change(String id, UnaryOperator<IngestJob> how, boolean keep) {
        IngestJob changed = jobs.computeIfPresent(id, (k, j) -> how.apply(j));
        if (keep && changed != null) {
            spool.save(changed);
        }
    }

    private Predicate<String> mayRead(Caller caller) {
        return id -> access.canRead(caller, uris.documentGraph(id));
    }

    /** Counts the upload in, or refuses it at once; returns whom it was counted for. */
    private String admit(Caller caller) {
        String who = caller.name();
        int limit = properties.uploadsPerCaller();
        if (perCaller.merge(who, 1, Integer::sum) > limit) {
            perCaller.computeIfPresent(who, (k, n) -> n <= 1 ? null : n - 1);
            throw Problems.busy(true, "you already have " + limit + " uploads being ingested or waiting "
                    + "(kh.ingest.uploads-per-caller); retry after the seconds in Retry-After", properties.retryAfter());
        }
        int capacity = Math.max(1, properties.uploadWorkers()) + properties.uploadQueue();
        if (admitted.incrementAndGet() > capacity) {
            release(who);
            throw Problems.busy(false, "all " + properties.uploadWorkers() + " ingest workers are busy and "
                    + properties.uploadQueue() + " uploads are waiting (kh.ingest.upload-workers, kh.ingest.upload-queue); "
                    + "retry after the seconds in Retry-After", properties.retryAfter());
        }
        return who;
    }

    private void release(String who) {
        admitted.decrementAndGet();
        if (who != null) {
            perCaller.computeIfPresent(who, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /**
     * Unfinished jobs stay in the spool and start again with the hub (with a shared spool, on
     * whichever replica claims them first once their lease runs out); running ones stop at their next stage.
     */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        if (leases != null) {
            leases.shutdownNow();
        }
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("Ingest workers still busy after 30 s; the jobs they run start again with the hub");
        }
    }

    /** Thrown into a pipeline when the hub stops. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("the hub is stopping", null, false, false);
        }
    }
}
