package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.PassageEmbeddings;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Originals;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After an unclean stop the index may lack a commit the store has, or hold entries the store
 * does not: start-up repair brings it back in line with the store and says what it did.
 */
class IndexRepairTest extends HubTest {

    @Autowired
    IndexRepair repair;
    @Autowired
    PassageIndex index;
    @Autowired
    PassageVectors vectors;
    @Autowired
    Uris uris;
    @Autowired
    Originals originals;

    /** Writes to the index directly, as a crash would leave it. */
    private void commitToIndex(Runnable staged) {
        index.writeLock().lock();
        try {
            staged.run();
            index.prepareCommit();
            index.commit();
        } finally {
            index.writeLock().unlock();
        }
    }

    private int hits(String q) {
        return http().get("/api/search?q=" + Http.enc(q)).json().get("total").asInt();
    }

    private List<String> passages(String request) {
        List<String> out = new ArrayList<>();
        http().get(request).json().get("results").forEach(r -> out.add(r.get("passage").asString()));
        return out;
    }

    @Test
    void aDocumentMissingFromTheIndexIsReindexedFromItsGraph() {
        String id = DocumentIds.forSource("field-notes/2019-09-20-akkar-work-permits-kii.txt");
        String phrase = "\"labour inspection\"";
        int before = hits(phrase);
        assertThat(before).isPositive();
        // The store committed but the index lost the document, as after a crash between the two commits.
        commitToIndex(() -> index.stageDelete(id));
        assertThat(hits(phrase)).isLessThan(before);

        IndexRepair.RepairReport report = repair.repair();
        assertThat(report.reindexed()).isEqualTo(1);
        assertThat(hits(phrase)).isEqualTo(before);
        assertThat(repair.repair().reindexed()).as("a second run finds nothing to do").isZero();
    }

    @Test
    void passagesLeftWithoutVectorsByAStopGetThemAtTheNextStart() {
        String id = DocumentIds.forSource("field-notes/2019-09-20-akkar-work-permits-kii.txt");
        vectors.awaitIdle();
        // As if the hub stopped before the background embedding reached the document.
        List<IndexedPassage> withoutVectors = new ArrayList<>();
        for (int n = 1; ; n++) {
            var passage = index.byUri(uris.passage(id, n), new VisibleGraphs(Set.of(uris.documentGraph(id))));
            if (passage.isEmpty()) {
                break;
            }
            withoutVectors.add(passage.get());
        }
        assertThat(withoutVectors).isNotEmpty();
        commitToIndex(() -> index.stageReplace(id, withoutVectors));
        assertThat(index.documentsWithoutVectors()).containsExactly(id);

        assertThat(repair.repair().reindexed()).as("the index entries agree with the store").isZero();
        vectors.awaitIdle();
        assertThat(index.documentsWithoutVectors()).isEmpty();
    }

    @Test
    void indexEntriesWithoutAGraphAreRemovedAndStrayOriginalsDeleted() throws Exception {
        String ghost = "ghost-document-0000aaaa";
        commitToIndex(() -> index.stageReplace(ghost, List.of(new IndexedPassage("http://localhost:8080/id/document/" + ghost + "/passage/1", ghost,
                "http://localhost:8080/id/document/" + ghost, "http://localhost:8080/graph/document/" + ghost, "stamp", 1,
                "a passage about quokkas in Hermel", 0, 33, null, null, "Ghost", "other", LocalDate.of(2020, 1, 1), List.of(),
                "public", List.of("LB22"), List.of(), List.of(), List.of(), List.of(2020), false, false, List.of(2020), List.of(), List.of(), "en", null))));
        String stray = "ab".repeat(32);
        originals.put(stray, "left by an interrupted upload".getBytes(StandardCharsets.UTF_8));

        IndexRepair.RepairReport report = repair.repair();
        assertThat(report.removedFromIndex()).isEqualTo(1);
        assertThat(report.removedFiles()).isEqualTo(1);
        assertThat(originals.exists(stray)).isFalse();
        assertThat(admin().get("/api/search?q=quokkas").json().get("total").asInt()).isZero();
    }

    @Test
    void vectorsOfAnotherEmbeddingModelAreMadeAgainWithThisOne() {
        assertThat(index.vectorsOf()).as("recorded at start-up").contains(PassageEmbeddings.MODEL);
        String question = "/api/search?mode=hybrid&q=" + Http.enc("why do children in Akkar drop out of school in autumn");
        List<String> before = passages(question);
        // As an index written by an earlier release whose model was another one.
        commitToIndex(() -> index.recordVectorsOf("an older model"));

        IndexRepair.RepairReport report = repair.repair();
        assertThat(report.reindexed()).isEqualTo(index.stamps().size()).isPositive();
        assertThat(index.vectorsOf()).contains(PassageEmbeddings.MODEL);
        assertThat(vectors.pending()).as("embedded again in the background").isPositive();
        vectors.awaitIdle();
        assertThat(index.documentsWithoutVectors()).isEmpty();
        assertThat(passages(question)).as("the same vectors again").isNotEmpty().isEqualTo(before);
        assertThat(repair.repair().reindexed()).as("a second run finds nothing to do").isZero();
    }
}
