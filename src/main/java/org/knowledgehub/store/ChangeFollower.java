package org.knowledgehub.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the changes other hubs sharing a remote store note with their commits
 * ({@link RemoteDatasetGraph#changesSince}), so that this hub's catalog and records follow theirs
 * within one interval: a document uploaded through one replica is found through every other.
 */
final class ChangeFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
    /**
     * How far back each poll reads again: a commit's time is taken when its request starts, so a
     * commit that waited for another's may be read after it with an earlier time.
     */
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    /** How long notes are kept in the store: a hub that starts reads the catalog whole instead. */
    private static final Duration KEPT = Duration.ofHours(1);

    private final RemoteDatasetGraph remote;
    private final Consumer<Set<Node>> changed;
    private final ScheduledExecutorService thread;
    /** The notes already applied (within the overlap), by id, with their time. */
    private final Map<Node, Instant> applied = new HashMap<>();
    private Instant readFrom;
    private Instant lastForgotten = Instant.MIN;
    private boolean failing;

    /** Starts following from {@code from} (the service's time before the catalog was read whole). */
    ChangeFollower(RemoteDatasetGraph remote, Instant from, Duration interval, Consumer<Set<Node>> changed) {
        this.remote = remote;
        this.readFrom = from.minus(OVERLAP);
        this.changed = changed;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kh-store-changes");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
            if (failing) {
                log.info("The graph store answers again: following other hubs' changes");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Cannot read other hubs' changes from the graph store (will retry): {}", e.getMessage());
                failing = true;
            }
        }
    }

    /** Applies the notes not applied yet. */
    void poll() {
        Map<Node, List<RemoteDatasetGraph.Change>> notes = new LinkedHashMap<>();
        remote.changesSince(readFrom).forEach(c -> notes.computeIfAbsent(c.id(), id -> new ArrayList<>()).add(c));
        Set<Node> graphs = new LinkedHashSet<>();
        Map<Node, Instant> fresh = new HashMap<>();
        Instant newest = readFrom;
        for (Map.Entry<Node, List<RemoteDatasetGraph.Change>> note : notes.entrySet()) {
            Instant at = note.getValue().getFirst().at();
            newest = at.isAfter(newest) ? at : newest;
            if (applied.containsKey(note.getKey())) {
                continue;
            }
            fresh.put(note.getKey(), at);
            if (!remote.ownNote(note.getKey())) {
                note.getValue().forEach(c -> graphs.add(c.graph()));
            }
        }
        if (!graphs.isEmpty()) {
            changed.accept(graphs);
        }
        applied.putAll(fresh);
        Instant from = newest.minus(OVERLAP);
        if (from.isAfter(readFrom)) {
            readFrom = from;
            applied.values().removeIf(at -> at.isBefore(readFrom));
        }
        if (newest.minus(KEPT).isAfter(lastForgotten.plus(OVERLAP))) {
            lastForgotten = newest.minus(KEPT);
            remote.forgetChangesBefore(lastForgotten);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
