package org.knowledgehub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.knowledgehub.HubProperties;
import org.knowledgehub.store.SharedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background uploads on disk, under {@code data/ingests}: each job's state as {@code <id>.json} and,
 * until it is committed or failed, the file it ingests as {@code <id>.upload}. A job is accepted
 * only once both are written, so a job acknowledged with 202 survives a crash or restart.
 * <p>
 * With a remote store, which replicas share, the jobs are {@linkplain SharedRecords records of that
 * store} and their files are kept there too, so every replica can show any job and finish one that
 * another replica accepted: each job's record names the replica running it and until when
 * ({@code kh.ingest.job-lease}, renewed while it runs); a job whose lease ran out is taken over by
 * the first replica that {@linkplain #claimExpired claims} it by compare-and-set.
 */
@Component
class IngestSpool {

    private static final Logger log = LoggerFactory.getLogger(IngestSpool.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    /** The records of the jobs, and their files, in a shared store. */
    private static final String JOBS = "ingest-jobs";
    private static final String UPLOADS = "ingest-uploads";

    /** A job as a shared store keeps it: with the replica running it, until when. */
    record Held(String runner, Instant until, IngestJob job) {
    }

    private final Path root;
    private final JsonMapper json;
    /** Null: the jobs are in the data folder. */
    private final SharedRecords shared;
    private final Duration lease;
    /** This process, as the runner of the jobs it holds in a shared store. */
    private final String runner = UUID.randomUUID().toString();

    @Autowired
    IngestSpool(HubProperties hub, JsonMapper json, SharedRecords records, IngestProperties properties) throws IOException {
        this(hub, json, records.inStore() ? records : null, properties.jobLease());
    }

    IngestSpool(HubProperties hub, JsonMapper json, SharedRecords shared, Duration lease) throws IOException {
        if (!lease.isPositive()) {
            throw new IllegalArgumentException("kh.ingest.job-lease must be longer than 0, not " + lease);
        }
        this.root = hub.dataDir().resolve("ingests");
        this.json = json;
        this.shared = shared;
        this.lease = lease;
        if (shared == null) {
            Files.createDirectories(root);
        }
    }

    /** Whether the jobs are shared with other replicas (then {@link #renew} and {@link #claimExpired} apply). */
    boolean isShared() {
        return shared != null;
    }

    /** How long a job stays with its replica without word from it. */
    Duration lease() {
        return lease;
    }

    /** Keeps the job's file, then its state: from then on the job is accepted. */
    void accept(IngestJob job, byte[] bytes) {
        if (shared != null) {
            shared.putFile(UPLOADS, job.id(), bytes);
            if (!shared.compareAndSet(JOBS, job.id(), null, held(job))) {
                throw new IllegalStateException("the store already holds a background ingest " + job.id());
            }
            return;
        }
        write(upload(job.id()), bytes);
        save(job);
    }

    /**
     * Writes the job's state; in a shared store, as held by this replica, unless another replica took
     * the job over (its state is then that replica's to write).
     */
    void save(IngestJob job) {
        if (shared != null) {
            Held held = change(job.id(), h -> h == null || h.runner().equals(runner) ? mine(job) : h);
            if (held != null && !held.runner().equals(runner)) {
                log.info("Background ingest {} is held by replica {} now; its state here ({}) is not written", job.id(), held.runner(),
                        job.state());
            }
            return;
        }
        write(root.resolve(job.id() + ".json"), json.writeValueAsBytes(job));
    }

    /** Keeps the jobs this replica runs with it for another lease; says which it no longer holds. */
    List<String> renew(Collection<String> ids) {
        List<String> lost = new ArrayList<>();
        for (String id : ids) {
            Held now = change(id, h -> h == null || !h.runner().equals(runner) ? h : mine(h.job()));
            if (now == null || !now.runner().equals(runner)) {
                lost.add(id);
            }
        }
        return lost;
    }

    /** Takes over the unfinished jobs whose replica let their lease run out; the jobs taken, oldest first. */
    List<IngestJob> claimExpired() {
        Instant now = Instant.now();
        List<IngestJob> claimed = new ArrayList<>();
        shared.read(JOBS).forEach((id, value) -> {
            Held h = json.readValue(value, Held.class);
            // This replica's own lease run out (its renewal came late) is renewed, not taken over.
            if (!h.job().state().finished() && h.until().isBefore(now)
                    && shared.compareAndSet(JOBS, id, value, held(h.job())) && !h.runner().equals(runner)) {
                log.info("Took over background ingest {} from replica {}, silent since {}", id, h.runner(), h.until());
                claimed.add(h.job());
            }
        });
        claimed.sort(Comparator.comparing(IngestJob::submitted));
        return claimed;
    }

    /** Every job the shared store holds. */
    Map<String, IngestJob> sharedJobs() {
        Map<String, IngestJob> out = new HashMap<>();
        shared.read(JOBS).forEach((id, value) -> out.put(id, json.readValue(value, Held.class).job()));
        return out;
    }

    /** Runs {@code listener} when another replica changes a shared job. */
    void onChange(Runnable listener) {
        shared.onChange(JOBS, listener);
    }

    private Held mine(IngestJob job) {
        return new Held(runner, Instant.now().plus(lease), job);
    }

    private String held(IngestJob job) {
        return json.writeValueAsString(mine(job));
    }

    /** Changes a job's record by compare-and-set, tried again while another replica changes it; the record as it then is. */
    private Held change(String id, UnaryOperator<Held> how) {
        String written = shared.update(JOBS, id, value -> {
            Held current = value == null ? null : json.readValue(value, Held.class);
            Held next = how.apply(current);
            return next == null || next == current ? value : json.writeValueAsString(next);
        });
        return written == null ? null : json.readValue(written, Held.class);
    }

    byte[] bytes(String id) {
        if (shared != null) {
            byte[] bytes = shared.file(UPLOADS, id);
            if (bytes == null) {
                throw new UncheckedIOException(new IOException("the uploaded file of ingest " + id + " is not in the store"));
            }
            return bytes;
        }
        try {
            return Files.readAllBytes(upload(id));
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file of ingest " + id + " cannot be read", e);
        }
    }

    /** Once a job is finished its file is no longer needed: a committed document keeps its original apart. */
    void dropUpload(String id) {
        if (shared != null) {
            shared.deleteFile(UPLOADS, id);
            return;
        }
        delete(upload(id));
    }

    /** Removes a finished job for good. */
    void forget(String id) {
        if (shared != null) {
            shared.remove(JOBS, id);
            shared.deleteFile(UPLOADS, id);
            return;
        }
        delete(root.resolve(id + ".json"));
        delete(upload(id));
    }

    /**
     * Every job kept, after removing what a crash left half-written (a file without its state)
     * and finished jobs last changed before {@code finishedBefore}.
     */
    List<IngestJob> load(Instant finishedBefore) {
        if (shared != null) {
            List<IngestJob> jobs = new ArrayList<>();
            sharedJobs().forEach((id, job) -> {
                if (job.state().finished() && job.updated().isBefore(finishedBefore)) {
                    forget(id);
                } else {
                    jobs.add(job);
                }
            });
            return jobs;
        }
        List<IngestJob> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, Math.max(0, name.lastIndexOf('.')));
                Path state = root.resolve(id + ".json");
                if (!ID.matcher(id).matches() || !Files.exists(state)) {
                    delete(file);
                } else if (name.endsWith(".json")) {
                    read(state).ifPresent(job -> {
                        if (job.state().finished() && job.updated().isBefore(finishedBefore)) {
                            forget(id);
                        } else {
                            jobs.add(job);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return jobs;
    }

    boolean hasUpload(String id) {
        return shared != null ? shared.hasFile(UPLOADS, id) : Files.exists(upload(id));
    }

    private Optional<IngestJob> read(Path state) {
        try {
            return Optional.of(json.readValue(state.toFile(), IngestJob.class));
        } catch (JacksonException e) {
            log.warn("Ignoring the unreadable ingest state {}: {}", state, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private Path upload(String id) {
        return root.resolve(id + ".upload");
    }

    private static void write(Path target, byte[] content) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), "incoming", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
