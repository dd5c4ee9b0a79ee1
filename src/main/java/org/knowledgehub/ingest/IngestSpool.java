package org.knowledgehub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.knowledgehub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background uploads on disk, under {@code data/ingests}: each job's state as {@code <id>.json} and,
 * until it is committed or failed, the file it ingests as {@code <id>.upload}. A job is accepted
 * only once both are written, so a job acknowledged with 202 survives a crash or restart.
 */
@Component
class IngestSpool {

    private static final Logger log = LoggerFactory.getLogger(IngestSpool.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final Path root;
    private final JsonMapper json;

    IngestSpool(HubProperties hub, JsonMapper json) throws IOException {
        this.root = hub.dataDir().resolve("ingests");
        this.json = json;
        Files.createDirectories(root);
    }

    /** Keeps the job's file, then its state: from then on the job is accepted. */
    void accept(IngestJob job, byte[] bytes) {
        write(upload(job.id()), bytes);
        save(job);
    }

    void save(IngestJob job) {
        write(root.resolve(job.id() + ".json"), json.writeValueAsBytes(job));
    }

    byte[] bytes(String id) {
        try {
            return Files.readAllBytes(upload(id));
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file of ingest " + id + " cannot be read", e);
        }
    }

    /** Once a job is finished its file is no longer needed: a committed document keeps its original apart. */
    void dropUpload(String id) {
        delete(upload(id));
    }

    /** Removes a finished job for good. */
    void forget(String id) {
        delete(root.resolve(id + ".json"));
        delete(upload(id));
    }

    /**
     * Every job on disk, after removing what a crash left half-written (a file without its state)
     * and finished jobs last changed before {@code finishedBefore}.
     */
    List<IngestJob> load(Instant finishedBefore) {
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
        return Files.exists(upload(id));
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
