package org.knowledgehub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.knowledgehub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who loads the demo data (the corpus, indicator tables, observations, questions) into a store
 * that replicas share: each load's marker file says it was done for a data folder, but a replica
 * started on a new data folder would load it again into the same store. With a remote store, the
 * first replica to start claims each load there by compare-and-set; the others skip it and write
 * their marker, so a backup of any of them says it was done.
 */
@Component
public class DemoLoads {

    private static final Logger log = LoggerFactory.getLogger(DemoLoads.class);
    private static final String RECORDS = "demo-loads";
    /** How the marker files are named: {@code corpus-loaded}, {@code questions-loaded}... */
    private static final String MARKER = "-loaded";

    private final SharedRecords records;

    /** With a remote store, the loads this data folder's markers record are claimed there too (a hub moved into the store). */
    DemoLoads(SharedRecords records, HubProperties hub) throws IOException {
        this.records = records;
        if (records.inStore() && Files.isDirectory(hub.dataDir())) {
            try (Stream<Path> files = Files.list(hub.dataDir())) {
                for (Path marker : files.filter(f -> f.getFileName().toString().endsWith(MARKER)).toList()) {
                    records.compareAndSet(RECORDS, marker.getFileName().toString(), null, "recorded by " + marker);
                }
            }
        }
    }

    /**
     * Whether this process should do the load that {@code marker} records (the caller has seen that
     * the marker file is absent and that there is something to load).
     */
    public boolean claim(Path marker) {
        String name = marker.getFileName().toString();
        if (!records.inStore() || records.compareAndSet(RECORDS, name, null, Instant.now().toString())) {
            return true;
        }
        log.info("The demo load {} was claimed in the shared store by another replica; not loading it again", name);
        try {
            Files.writeString(marker, Instant.now() + " loaded by another replica sharing the store\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        return false;
    }
}
