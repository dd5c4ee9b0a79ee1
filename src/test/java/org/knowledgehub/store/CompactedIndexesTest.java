package org.knowledgehub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's compaction keeps its four quad indexes, in the copy and in the storage it switches to,
 * and loses no quad. Jena's own compaction writes TDB2's default six; a store compacted that way
 * (before, or on Windows) removes the two left behind when it is opened again. Reads under way at
 * the compaction's switch keep to the storage they began on.
 */
class CompactedIndexesTest {

    @TempDir
    Path dir;

    @Test
    void theStoresCompactionKeepsItsOwnIndexesWhileItRunsAndAfter() throws IOException {
        PinnedStorage store = new PinnedStorage(KnowledgeStore.open(dir));
        try {
            addQuads(store, 0, 50);
            StoreCompaction.compact(store);
            Path compacted = dir.resolve("Data-0002");
            assertThat(dir.resolve("Data-0001")).doesNotExist();
            assertThat(indexes(compacted)).contains("GSPO.dat", "SPOG.dat", "POSG.dat", "OSPG.dat")
                    .doesNotContain("GPOS.dat", "GOSP.dat");
            assertThat(store.storage().getStoreParams().getQuadIndexes())
                    .as("the indexes the live store writes after the switch").containsExactly("GSPO", "SPOG", "POSG", "OSPG");

            addQuads(store, 50, 60);
            assertThat(Txn.calculateRead(store, () -> Iter.count(store.find()))).isEqualTo(60);
        } finally {
            TDBInternal.expel(store.container());
        }
        whenReopened(reopened -> assertThat(Txn.calculateRead(reopened,
                () -> Iter.count(reopened.find(null, null, SSE.parseNode("<urn:p>"), null)))).isEqualTo(60));
    }

    @Test
    void blocksLeftBehindByCommitsAreCountedAndACompactionGivesThemBack() {
        PinnedStorage store = new PinnedStorage(KnowledgeStore.open(dir));
        try {
            addQuads(store, 0, 2000);
            long afterOneCommit = leftOver(store);
            addQuads(store, 2000, 2010);
            long afterTwo = leftOver(store);
            assertThat(afterTwo).as("blocks the second commit replaced").isGreaterThan(afterOneCommit);
            Txn.executeWrite(store, () -> store.deleteAny(null, null, SSE.parseNode("<urn:p>"), null));
            assertThat(leftOver(store)).as("after deleting every quad").isGreaterThan(afterTwo);
            addQuads(store, 0, 2000);
            StoreCompaction.compact(store);
            // At most the first root and record block of each index, which the copy's first write replaced.
            assertThat(leftOver(store)).as("after a compaction").isLessThanOrEqualTo(2L * 8 * SystemTDB.BlockSize);
            assertThat(Txn.calculateRead(store, () -> Iter.count(store.find()))).isEqualTo(2000);
        } finally {
            TDBInternal.expel(store.container());
        }
    }

    private static long leftOver(PinnedStorage store) {
        return Txn.calculateRead(store, () -> LeftOverBlocks.bytes(store.storage()));
    }

    @Test
    void indexesLeftByJenasCompactionAreRemovedWhenTheStoreOpensAgain() throws IOException {
        DatasetGraph store = KnowledgeStore.open(dir);
        addQuads(store, 0, 50);
        DatabaseMgr.compact(store, true);
        TDBInternal.expel(store);
        Path compacted = dir.resolve("Data-0002");
        assertThat(indexes(compacted)).as("what Jena's compaction writes").contains("GPOS.dat", "GOSP.dat");

        DatasetGraph reopened = KnowledgeStore.open(dir);
        try {
            assertThat(indexes(compacted)).contains("GSPO.dat", "SPOG.dat", "POSG.dat", "OSPG.dat")
                    .doesNotContain("GPOS.dat", "GPOS.idn", "GPOS.bpt", "GOSP.dat", "GOSP.idn", "GOSP.bpt");
            assertThat(Txn.calculateRead(reopened, () -> Iter.count(reopened.find()))).isEqualTo(50);
            assertThat(Txn.calculateRead(reopened, () -> reopened.find(null, null, SSE.parseNode("<urn:p>"), null).hasNext()))
                    .as("read through an index by predicate").isTrue();
        } finally {
            TDBInternal.expel(reopened);
        }
    }

    @Test
    void aReadUnderWayAtTheSwitchCarriesOnWithWhatItBeganOnAndTheOldStorageGoesWhenItEnds() throws Exception {
        VisibleQueryEngine.register();
        PinnedStorage store = new PinnedStorage(KnowledgeStore.open(dir));
        CountDownLatch switched = new CountDownLatch(1);
        Thread reader = null;
        Thread compaction = null;
        try {
            addQuads(store, 0, 50);
            CountDownLatch reading = new CountDownLatch(1);
            AtomicReference<List<Long>> seen = new AtomicReference<>();
            reader = Thread.ofPlatform().start(() -> {
                store.begin(TxnType.READ);
                try {
                    long before = Iter.count(store.find());
                    reading.countDown();
                    switched.await();
                    // Pattern by pattern, and through a caller's view with TDB2's matcher on node ids.
                    VisibleDatasetGraph view = new VisibleDatasetGraph(store, Set.of(SSE.parseNode("<urn:g3>")), Set.of(), new GraphIds());
                    long visible = QueryExec.dataset(view).query("SELECT * { GRAPH ?g { ?s ?p ?o } }").select().rewindable().size();
                    seen.set(List.of(before, Iter.count(store.find()), visible));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    store.end();
                }
            });
            reading.await();
            compaction = Thread.ofPlatform().start(() -> StoreCompaction.compact(store, Duration.ofSeconds(60)));
            while (!Files.exists(dir.resolve("Data-0002"))) {
                Thread.sleep(10); // the copy moved into place; the switch follows, writers held off until then
            }
            addQuads(store, 50, 60);
            assertThat(Txn.calculateRead(store, () -> Iter.count(store.find()))).as("a read begun after the switch").isEqualTo(60);
            assertThat(dir.resolve("Data-0001")).as("kept while a read is under way on it").exists();
            switched.countDown();
            reader.join();
            compaction.join();

            assertThat(seen.get()).as("the read begun before the switch: all of it, after the switch, through a view")
                    .containsExactly(50L, 50L, 1L);
            assertThat(dir.resolve("Data-0001")).as("removed once its read ended").doesNotExist();
            assertThat(Txn.calculateRead(store, () -> Iter.count(store.find()))).isEqualTo(60);
        } finally {
            switched.countDown();
            if (reader != null) {
                reader.join();
            }
            if (compaction != null) {
                compaction.join();
            }
            TDBInternal.expel(store.container());
        }
    }

    @Test
    void aReaderHeldPastTheWaitDoesNotHoldTheCompactionAndTheOldStorageGoesAtTheNextOpening() throws Exception {
        PinnedStorage store = new PinnedStorage(KnowledgeStore.open(dir));
        try {
            addQuads(store, 0, 50);
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch compacted = new CountDownLatch(1);
            Thread reader = Thread.ofPlatform().start(() -> {
                store.begin(TxnType.READ);
                try {
                    reading.countDown();
                    compacted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    store.end();
                }
            });
            reading.await();
            StoreCompaction.compact(store, Duration.ofMillis(500));
            compacted.countDown();
            reader.join();

            assertThat(dir.resolve("Data-0002")).as("the storage now in use").exists();
            assertThat(dir.resolve("Data-0001")).as("left while a reader held it").exists();
            addQuads(store, 50, 60);
            assertThat(Txn.calculateRead(store, () -> Iter.count(store.find()))).isEqualTo(60);
        } finally {
            TDBInternal.expel(store.container());
        }
        whenReopened(reopened -> {
            assertThat(dir.resolve("Data-0001")).as("removed when the store opens again").doesNotExist();
            assertThat(Txn.calculateRead(reopened, () -> Iter.count(reopened.find()))).isEqualTo(60);
        });
    }

    private void whenReopened(Consumer<DatasetGraph> check) {
        DatasetGraph reopened = KnowledgeStore.open(dir);
        try {
            check.accept(reopened);
        } finally {
            TDBInternal.expel(reopened);
        }
    }

    private static void addQuads(DatasetGraph store, int from, int to) {
        Txn.executeWrite(store, () -> {
            for (int i = from; i < to; i++) {
                store.add(Quad.create(SSE.parseNode("<urn:g" + i + ">"), SSE.parseNode("<urn:s" + i + ">"),
                        SSE.parseNode("<urn:p>"), SSE.parseNode("'text " + i + "'")));
            }
        });
    }

    private static List<String> indexes(Path storage) throws IOException {
        try (Stream<Path> files = Files.list(storage)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
