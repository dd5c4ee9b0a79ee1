package org.knowledgehub.store;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The embedded TDB2 store with each read transaction kept on the storage it began on. A compaction
 * switches TDB2's container to a new storage while readers carry on; the container sends every
 * call to the storage current at the time of the call, so a read that spanned the switch read the
 * new storage, where it had no transaction ("Not in a transaction", a 500 to whoever asked), and
 * left its transaction on the old one open for good. Here a read transaction's calls, its end
 * included, go to the storage it began on, which the compaction removes once its last reader has
 * ended. Writers need no pinning: the container holds them off from the start of a compaction's
 * copy until after the switch, so a write transaction begins and ends on one storage.
 */
final class PinnedStorage extends DatasetGraphWrapper {

    private final DatasetGraphSwitchable container;
    /** Held briefly by readers beginning (read) and by the switch (write): a read begins on the storage it is pinned to. */
    private final ReadWriteLock switching = new ReentrantReadWriteLock();
    /** The storage of this thread's read transaction; none outside one and in a write transaction. */
    private final ThreadLocal<DatasetGraphTDB> reading = new ThreadLocal<>();

    PinnedStorage(DatasetGraph opened) {
        super(opened, opened.getContext());
        this.container = TDBInternal.getDatabaseContainer(opened);
    }

    @Override
    protected DatasetGraph get() {
        DatasetGraphTDB pinned = reading.get();
        return pinned != null ? pinned : container;
    }

    /** TDB2's container of the storages, for what works on the database as a whole (closing it, Jena's own compaction). */
    DatasetGraphSwitchable container() {
        return container;
    }

    /** The storage this thread's transaction reads and writes (the current one outside a transaction). */
    DatasetGraphTDB storage() {
        DatasetGraphTDB pinned = reading.get();
        return pinned != null ? pinned : TDBInternal.getDatasetGraphTDB(container);
    }

    /** Runs {@code change}, which switches the container to another storage, while no read is beginning. */
    void switchStorage(Runnable change) {
        switching.writeLock().lock();
        try {
            change.run();
        } finally {
            switching.writeLock().unlock();
        }
    }

    @Override
    public void begin() {
        begin(TxnType.READ_PROMOTE);
    }

    @Override
    public void begin(ReadWrite readWrite) {
        begin(TxnType.convert(readWrite));
    }

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) {
            container.begin(type);
            return;
        }
        // What the container does for a reader (admission, unless a backup holds the database
        // exclusively), then the transaction on the storage current now, which a switch waits for.
        container.startNonExclusiveMode();
        switching.readLock().lock();
        try {
            DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(container);
            storage.begin(TxnType.READ);
            reading.set(storage);
        } catch (RuntimeException e) {
            container.finishNonExclusiveMode();
            throw e;
        } finally {
            switching.readLock().unlock();
        }
    }

    @Override
    public void commit() {
        finish(DatasetGraph::commit);
    }

    @Override
    public void abort() {
        finish(DatasetGraph::abort);
    }

    @Override
    public void end() {
        finish(DatasetGraph::end);
    }

    /** A step that ends or settles the transaction, on the storage of this thread's read or through the container. */
    private void finish(Consumer<DatasetGraph> step) {
        DatasetGraphTDB pinned = reading.get();
        if (pinned == null) {
            step.accept(container);
            return;
        }
        try {
            step.accept(pinned);
        } finally {
            endRead();
        }
    }

    private void endRead() {
        reading.remove();
        container.finishNonExclusiveMode();
    }
}
