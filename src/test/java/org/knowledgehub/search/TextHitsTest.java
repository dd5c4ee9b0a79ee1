package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.HubProperties;
import org.knowledgehub.security.VisibleGraphs;

/**
 * SPARQL's {@code kh:search} hits ({@link LucenePassageIndex#searchAll}) carry each passage's IRI
 * and graph, read from doc values several hundred at a time, and from the stored fields for passages
 * an earlier version indexed without their graph in doc values. Both kinds in one index give the
 * same hits, in the same order, as the highlighted hits read from the stored fields.
 */
class TextHitsTest {

    private static final String BASE = "https://example.org/";
    private static final int EACH = 300;

    @TempDir
    Path data;

    @Test
    void hitsOfPassagesIndexedBeforeAndAfterTheGraphHadDocValuesCarryTheirIriAndGraph() throws IOException {
        Set<String> expected = new HashSet<>();
        Set<Node> graphs = new HashSet<>();
        try (IndexWriter earlier = new IndexWriter(FSDirectory.open(data.resolve("index")), new IndexWriterConfig(new EnglishAnalyzer()))) {
            for (int i = 0; i < EACH; i++) {
                earlier.addDocument(indexedEarlier(BASE + "id/document/old" + i + "/passage/1", BASE + "graph/document/old" + i));
                expected.add(BASE + "id/document/old" + i + "/passage/1 " + BASE + "graph/document/old" + i);
                graphs.add(NodeFactory.createURI(BASE + "graph/document/old" + i));
            }
        }
        LucenePassageIndex index = new LucenePassageIndex(new HubProperties(data, URI.create(BASE)),
                new SearchProperties(false, 50, 0.4, 100, 16, 0.5f, 0.5f, 100_000, "", Duration.ofSeconds(30)));
        try {
            index.writeLock().lock();
            try {
                for (int i = 0; i < EACH; i++) {
                    IndexedPassage p = passage("new" + i);
                    index.stageReplace("new" + i, List.of(p));
                    expected.add(p.passageUri() + " " + p.graph());
                    graphs.add(NodeFactory.createURI(p.graph()));
                }
                index.prepareCommit();
                index.commit();
            } finally {
                index.writeLock().unlock();
            }
            SearchQuery water = new SearchQuery(new UserQueryParser(index.queryAnalyzers()).parse("water", "q"),
                    null, null, null, null, null, null, null, null, null, null, null, null, 10, 0);
            VisibleGraphs all = new VisibleGraphs(graphs);

            List<String> fromDocValues = hits(index.searchAll(water, all, 1000, false));
            List<String> fromStoredFields = hits(index.searchAll(water, all, 1000, true));
            assertThat(new HashSet<>(fromDocValues)).isEqualTo(expected);
            assertThat(fromDocValues).hasSize(2 * EACH).isEqualTo(fromStoredFields);
        } finally {
            index.destroy();
        }
    }

    private static List<String> hits(PassageIndex.TextHits hits) {
        List<String> out = new ArrayList<>();
        try (hits) {
            hits.forEachRemaining(h -> out.add(h.passageUri() + " " + h.graph()));
        }
        return out;
    }

    /** A passage as indexed before its graph had doc values: the fields a text search reads. */
    private static Document indexedEarlier(String uri, String graph) {
        FieldType textWithOffsets = new FieldType(TextField.TYPE_NOT_STORED);
        textWithOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        Document d = new Document();
        d.add(new StringField(PassageIndex.ID, uri, Field.Store.YES));
        d.add(new SortedDocValuesField("id_order", new BytesRef(uri)));
        d.add(new StringField(PassageIndex.GRAPH, graph, Field.Store.YES));
        d.add(new StoredField(PassageIndex.TEXT, "Water trucking to the settlement stopped in March."));
        d.add(new Field(PassageIndex.TEXT, "Water trucking to the settlement stopped in March.", textWithOffsets));
        return d;
    }

    private static IndexedPassage passage(String name) {
        String text = "Water trucking to the settlement of " + name + " resumed in April.";
        return new IndexedPassage(BASE + "id/document/" + name + "/passage/1", name, BASE + "id/document/" + name,
                BASE + "graph/document/" + name, "s1", 1, text, 0, text.length(), null, null, "Field note " + name, "field-note",
                LocalDate.of(2024, 4, 2), List.of(), "public", List.of(), List.of(), List.of(), List.of(), List.of(2024), false,
                false, List.of(2024), List.of(), List.of(), "en", null);
    }
}
