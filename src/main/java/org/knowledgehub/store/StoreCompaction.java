package org.knowledgehub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.CopyDSG;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TDB2 compaction that keeps the store's own settings. Jena 6's {@code DatabaseMgr.compact} builds
 * the compacted copy, and the storage it then switches the live dataset to, with TDB2's default
 * settings (six quad indexes) whatever the store was made with: after a compaction every write also
 * updated two indexes the hub does not keep, until the next restart. This takes the same steps as
 * Jena's {@code DatabaseOps.compaction} (copy into {@code Data-NNNN-tmp} while writers wait, move it
 * into place, hand the transactions over, switch, let the old storage's readers finish, delete it)
 * with the live storage's settings. A copy cut short by a crash is a {@code -tmp} folder, which TDB2
 * removes when it next opens the store. Reads under way at the switch end on the storage they began
 * on ({@link PinnedStorage}).
 */
final class StoreCompaction {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);
    /** How long the old storage's readers may take to finish before it is left for the next opening. */
    private static final Duration OLD_READERS_WAIT = Duration.ofSeconds(30);

    private StoreCompaction() {
    }

    static void compact(PinnedStorage store) {
        compact(store, OLD_READERS_WAIT);
    }

    static void compact(PinnedStorage store, Duration oldReadersWait) {
        DatasetGraphSwitchable container = store.container();
        if (!(container.get() instanceof DatasetGraphTDB current)
                || !container.hasContainerPath() || System.getProperty("os.name", "").startsWith("Windows")) {
            // Windows cannot move a folder with mapped files: Jena's own way, indexes removed on the next open.
            DatabaseMgr.compact(container, true);
            return;
        }
        StoreParams params = current.getStoreParams();
        Location oldLocation = current.getLocation();
        Path oldStorage = Path.of(oldLocation.getDirectoryPath());
        int generation = Integer.parseInt(oldStorage.getFileName().toString().replaceFirst("^Data-", ""));
        Path newStorage = container.getContainerPath().resolve(String.format("Data-%04d", generation + 1));
        Path temporary = newStorage.resolveSibling(newStorage.getFileName() + "-tmp");
        if (Files.exists(newStorage) || Files.exists(temporary)) {
            throw new IllegalStateException("cannot compact the store: " + newStorage + " already exists");
        }
        TransactionCoordinator oldTransactions = current.getTxnSystem().getTxnMgr();
        try {
            Files.createDirectories(temporary);
            // Writers wait on the container until the switch; readers carry on with the old storage.
            container.execReadOnlyDatabase(() -> {
                Location copyLocation = Location.create(temporary);
                CopyDSG.copy(current, StoreConnection.connectCreate(copyLocation, params, null).getDatasetGraphTDB());
                StoreConnection.internalExpel(copyLocation, true);
                move(temporary, newStorage);
                DatasetGraphTDB compacted = StoreConnection.connectCreate(Location.create(newStorage), params, null).getDatasetGraphTDB();
                TransactionCoordinator newTransactions = compacted.getTxnSystem().getTxnMgr();
                store.switchStorage(() -> newTransactions.execExclusive(() -> {
                    newTransactions.takeOverFrom(oldTransactions);
                    newTransactions.modifyConfigDirect(() -> oldTransactions.listExternals().forEach(newTransactions::addExternal));
                    if (!container.change(current, compacted)) {
                        container.set(compacted);
                    }
                }));
            });
        } catch (RuntimeException e) {
            if (Files.exists(temporary)) {
                IO.deleteAll(temporary); // a copy cut short; once moved into place it is complete
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Waits for the old storage's last readers, then removes it. Past the wait (a reader that never
        // ends), the old storage is left for the store's next opening to remove (KnowledgeStore.open).
        long deadline = System.nanoTime() + oldReadersWait.toNanos();
        while (!oldTransactions.tryExclusiveMode(false)) {
            if (System.nanoTime() > deadline) {
                log.warn("The store's previous storage {} still has a reader after {} s; it will be removed when the store "
                        + "is next opened", oldStorage, oldReadersWait.toSeconds());
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        StoreConnection.release(oldLocation);
        IO.deleteAll(oldStorage);
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
