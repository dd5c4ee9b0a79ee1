package org.knowledgehub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TDB2's compaction writes its copy with TDB2's default six quad indexes, not the store's four;
 * the store, opened again, keeps its four and removes the two left behind, with every quad kept.
 */
class CompactedIndexesTest {

    @TempDir
    Path dir;

    @Test
    void indexesLeftByACompactionAreRemovedWhenTheStoreOpensAgain() throws IOException {
        DatasetGraph store = KnowledgeStore.open(dir);
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 50; i++) {
                store.add(Quad.create(SSE.parseNode("<urn:g" + i + ">"), SSE.parseNode("<urn:s" + i + ">"),
                        SSE.parseNode("<urn:p>"), SSE.parseNode("'text " + i + "'")));
            }
        });
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

    private static List<String> indexes(Path storage) throws IOException {
        try (Stream<Path> files = Files.list(storage)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
