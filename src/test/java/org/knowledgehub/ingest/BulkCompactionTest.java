package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.search.LucenePassageIndex;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.store.KnowledgeStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bulk ingest compacts the store as it goes, not only at its end, once the blocks its commits left
 * behind (TDB2 keeps every block a commit replaces) are enough of the store, and keeps every document
 * doing so; a compaction leaves no such block, and none is done when there is none. The hub runs in this JVM with NLP and embeddings off and thresholds small enough
 * for a few hundred notes: TDB2's files are mapped in 8 MB segments, so a new store already measures
 * about 170 MB and a few hundred notes add under a megabyte to it.
 */
class BulkCompactionTest {

    private static final int DOCUMENTS = 300;

    @TempDir
    Path data;

    @Test
    void theStoreIsCompactedDuringABulkIngestWithEveryDocumentKept() throws IOException {
        BulkReport report;
        Path store = data.resolve("tdb2");
        try (ConfigurableApplicationContext hub = start()) {
            List<IngestService.Source> notes = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                notes.add(note(i));
            }
            IngestService ingest = hub.getBean(IngestService.class);
            report = ingest.ingestAll(notes, (done, total, source, outcome, failure) -> { });

            // As bin/kh ingest ends: its compaction waits for one the last commit started, and is not done twice.
            PassageIndex index = hub.getBean(PassageIndex.class);
            KnowledgeStore knowledge = hub.getBean(KnowledgeStore.class);
            int passages = index.count();
            ingest.compact();
            assertThat(knowledge.leftOverBytes()).as("blocks left after a compaction").isLessThan(knowledge.sizeOnDisk() / 1000);
            assertThat(segments(index)).as("index segments after the compaction").isEqualTo(1);
            assertThat(index.count()).as("passages found after the merge").isEqualTo(passages).isEqualTo((int) report.passages());
            List<String> compacted = storages(store);
            ingest.compact();
            assertThat(storages(store)).as("compacted again with nothing written since").isEqualTo(compacted);
            for (int i = 0; i < 5; i++) {
                ingest.ingest(note(DOCUMENTS + i).request().get());
            }
            ingest.compact();
            assertThat(storages(store)).as("compacted after a write").isNotEqualTo(compacted);
            assertThat(knowledge.leftOverBytes()).isLessThan(knowledge.sizeOnDisk() / 1000);
        }

        assertThat(report.created()).isEqualTo(DOCUMENTS);
        assertThat(report.commits()).isGreaterThan(1);
        assertThat(storages(store)).as("the storage generations left after the hub closed")
                .singleElement().isNotEqualTo("Data-0001");
        try (ConfigurableApplicationContext reopened = start()) {
            long documents = reopened.getBean(KnowledgeStore.class)
                    .readAll(dsg -> Iter.count(dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), KH.Document.asNode())));
            assertThat(documents).isEqualTo(DOCUMENTS + 5);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KnowledgeHubApplication.class).run("--kh.data-dir=" + data, "--server.port=0",
                "--server.address=127.0.0.1", "--kh.ingest.load-corpus=false", "--kh.nlp.enabled=false", "--kh.search.embeddings=false",
                "--spring.main.banner-mode=off", "--kh.ingest.batch-size=25", "--kh.ingest.compact-waste=0.001",
                "--kh.ingest.compact-above=1MB");
    }

    private static IngestService.Source note(int i) {
        String name = "compaction/note-" + i + ".md";
        String text = ("# Water trucking in Zahle, visit %d\n\nDuring visit %d, households in Bar Elias and Zahle reported that water"
                + " trucking costs rose by %d percent since the municipal network closed. UNICEF and the WASH sector were told that"
                + " families now share tanks between %d tents.\n\nLandlords in Baalbek asked for rent in US dollars; %d households"
                + " said they would move within the month.\n").formatted(i, i, 10 + i % 40, 2 + i % 5, 3 + i % 17);
        return new IngestService.Source(name, () -> new IngestRequest(text.getBytes(StandardCharsets.UTF_8), name, null,
                DocumentType.FIELD_NOTE, null, null, null, "test"));
    }

    private static int segments(PassageIndex index) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(((LucenePassageIndex) index).directory())) {
            return reader.leaves().size();
        }
    }

    private static List<String> storages(Path store) throws IOException {
        try (Stream<Path> entries = Files.list(store)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).toList();
        }
    }
}
