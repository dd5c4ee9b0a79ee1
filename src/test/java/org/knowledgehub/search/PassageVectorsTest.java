package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.IngestRequest;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sentence embeddings are made after the commit: a document gets its vectors in the background,
 * a replaced version's vectors never overwrite its successor, and a passage still waiting for its
 * vector is compared with the question all the same.
 */
class PassageVectorsTest extends HubTest {

    @Autowired
    PassageVectors vectors;
    @Autowired
    PassageIndex index;
    @Autowired
    HybridSearch search;
    @Autowired
    IngestService ingest;
    @Autowired
    Uris uris;

    private String ingest(String source, String text) {
        return ingest.ingest(new IngestRequest(text.getBytes(StandardCharsets.UTF_8), source, null, DocumentType.ASSESSMENT,
                "UNHCR", LocalDate.of(2024, 3, 1), Sensitivity.PUBLIC, "test")).id();
    }

    private VisibleGraphs only(String documentId) {
        return new VisibleGraphs(Set.of(uris.documentGraph(documentId)));
    }

    @Test
    void committedPassagesGetTheirVectorsInTheBackground() {
        String id = ingest("vectors/hermel-apiaries.md", """
                # Beekeeping in Hermel

                Refugee households who took up beekeeping in Hermel sold their honey to traders in Baalbek,
                which paid for winter fuel when cash assistance was cut.
                """);
        vectors.awaitIdle();
        assertThat(index.documentsWithoutVectors()).doesNotContain(id);
        assertThat(vectors.pending()).isZero();
        QueryAnalysis a = search.analyse("How did families pay for heating after their assistance ended?", List.of(), List.of());
        List<HybridSearch.Hit> nearest = search.search(a, HybridSearch.Ranker.DENSE, SearchQuery.unfiltered(), only(id), 5);
        assertThat(nearest).as("found by the nearest-passage search, without a shared word").isNotEmpty();
        assertThat(nearest.getFirst().passage().documentId()).isEqualTo(id);
    }

    @Test
    void vectorsOfAReplacedVersionAreNotWritten() {
        String source = "vectors/tyre-fishing.md";
        String id = ingest(source, "# Fishing\n\nFishermen in Tyre reported that refugee crews were paid in kind with sardines.\n");
        vectors.awaitIdle();
        IndexedPassage first = index.byUri(uris.passage(id, 1), only(id)).orElseThrow();
        assertThat(ingest(source, "# Fishing\n\nFishermen in Tyre reported that refugee crews were paid weekly in cash.\n"))
                .isEqualTo(id);
        vectors.awaitIdle();

        assertThat(vectors.store(List.of(List.of(first)))).as("the first version's stamp is gone").isZero();
        assertThat(index.byUri(uris.passage(id, 1), only(id)).orElseThrow().text()).contains("weekly in cash");
        assertThat(index.documentsWithoutVectors()).doesNotContain(id);
    }

    @Test
    void aPassageWaitingForItsVectorIsComparedWithTheQuestion() {
        String id = "waiting-for-vectors-0000bbbb";
        String graph = "http://localhost:8080/graph/document/" + id;
        IndexedPassage waiting = new IndexedPassage("http://localhost:8080/id/document/" + id + "/passage/1", id,
                "http://localhost:8080/id/document/" + id, graph, "stamp", 1,
                "Water trucking to informal settlements in Arsal stopped when the municipality's contract ended.", 0, 96,
                null, null, "Arsal water note", "field-note", LocalDate.of(2023, 5, 1), List.of(), "public", List.of("LB32"),
                List.of(), List.of(), List.of(), List.of(2023), false, false, List.of(2023), List.of(), List.of(), "en", null);
        index.writeLock().lock();
        try {
            index.stageReplace(id, List.of(waiting));
            index.prepareCommit();
            index.commit();
        } finally {
            index.writeLock().unlock();
        }
        try {
            assertThat(index.documentsWithoutVectors()).contains(id);
            QueryAnalysis a = search.analyse("Why did water trucking in Arsal stop?", List.of(), List.of());
            List<HybridSearch.Hit> hits = search.search(a, HybridSearch.Ranker.HYBRID, SearchQuery.unfiltered(),
                    new VisibleGraphs(Set.of(NodeFactory.createURI(graph))), 5);
            assertThat(hits).hasSize(1);
            assertThat(hits.getFirst().similarity()).as("embedded at question time").isNotNull().isGreaterThan(0.6);
        } finally {
            index.writeLock().lock();
            try {
                index.stageDelete(id);
                index.prepareCommit();
                index.commit();
            } finally {
                index.writeLock().unlock();
            }
        }
    }
}
