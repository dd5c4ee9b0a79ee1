package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The nearest passages by comparing every passage a filter selects: the same as a brute-force
 * ranking of the selected vectors, and unmoved when passages outside the filter are added and the
 * segments merged (which moves what an HNSW walk finds).
 */
class ExactNearestTest {

    private static final int DIMENSIONS = 16;
    private static final int K = 10;

    private final Random random = new Random(7);
    private final List<float[]> visible = new ArrayList<>();

    @Test
    void findsTheBruteForceBestOfTheSelectedPassagesWhateverElseTheIndexHolds() throws IOException {
        float[] query = unit();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(300);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                add(writer, 2000);
                writer.commit();
                List<String> expected = bruteForce(query);
                List<String> first = nearest(directory, query);
                assertThat(first).as("the brute-force best of the visible passages").isEqualTo(expected);

                writer.deleteDocuments(new Term("id", expected.getFirst()));
                writer.commit();
                assertThat(nearest(directory, query)).as("a deleted passage is not found").doesNotContain(expected.getFirst())
                        .containsExactlyElementsOf(bruteForceWithout(query, expected.getFirst()));

                for (int i = 0; i < 6000; i++) {
                    writer.addDocument(passage("hidden-" + i, "b", unit()));
                }
                writer.forceMerge(1);
                writer.commit();
                assertThat(nearest(directory, query)).as("hidden passages added and every segment merged")
                        .containsExactlyElementsOf(bruteForceWithout(query, expected.getFirst()));
            }
        }
    }

    private void add(IndexWriter writer, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            float[] v = unit();
            boolean shown = i % 3 == 0;
            if (shown) {
                visible.add(v);
            }
            writer.addDocument(passage((shown ? "visible-" + (visible.size() - 1) : "other-" + i), shown ? "a" : "b", v));
        }
    }

    private static Document passage(String id, String graph, float[] vector) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        d.add(new StringField("graph", graph, Field.Store.NO));
        d.add(new KnnFloatVectorField("vector", vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    private List<String> nearest(ByteBuffersDirectory directory, float[] query) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = ExactNearest.search(searcher, new TermQuery(new Term("graph", "a")), "vector", query, K);
            List<String> ids = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(searcher.storedFields().document(sd.doc).get("id"));
                assertThat(sd.score).as("the kNN score").isEqualTo(VectorSimilarityFunction.DOT_PRODUCT.compare(query,
                        visible.get(Integer.parseInt(ids.getLast().substring("visible-".length())))));
            }
            return ids;
        }
    }

    private List<String> bruteForce(float[] query) {
        return bruteForceWithout(query, null);
    }

    private List<String> bruteForceWithout(float[] query, String deleted) {
        return IntStream.range(0, visible.size()).mapToObj(i -> "visible-" + i).filter(id -> !id.equals(deleted))
                .sorted(Comparator.comparingDouble((String id) -> -dot(query, visible.get(Integer.parseInt(id.substring(8))))))
                .limit(K).toList();
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    private float[] unit() {
        return UnitVectors.random(random, DIMENSIONS);
    }
}
