package org.knowledgehub.search;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings for semantic search: all-MiniLM-L6-v2 (quantised, ONNX) running in-process
 * from its Maven Central artifact, so nothing is downloaded at run time. English only, 384
 * dimensions; vectors are unit length, so their dot product is their cosine similarity.
 */
@Component
public class PassageEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(PassageEmbeddings.class);

    public static final String MODEL = "all-MiniLM-L6-v2 (quantised ONNX, LangChain4j 1.20.0-beta30)";
    public static final int DIMENSION = 384;

    private final boolean enabled;
    private volatile EmbeddingModel model;

    PassageEmbeddings(SearchProperties properties) {
        this.enabled = properties.embeddings();
    }

    /** Whether passages get vectors and searches use them (kh.search.embeddings). */
    public boolean enabled() {
        return enabled;
    }

    public float[] embed(String text) {
        return unit(model().embed(text).content().vector());
    }

    /** Several texts at once (the model spreads them over the cores). */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        embeddings.forEach(e -> out.add(unit(e.vector())));
        return out;
    }

    /** The passages with their vectors; unchanged when embeddings are off. */
    public List<IndexedPassage> withVectors(List<IndexedPassage> passages) {
        if (!enabled || passages.isEmpty()) {
            return passages;
        }
        List<float[]> vectors = embedAll(passages.stream().map(IndexedPassage::textForEmbedding).toList());
        List<IndexedPassage> out = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            out.add(passages.get(i).withVector(vectors.get(i)));
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private EmbeddingModel model() {
        if (!enabled) {
            throw new IllegalStateException("embeddings are switched off (kh.search.embeddings=false)");
        }
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    long t0 = System.nanoTime();
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    log.info("Embedding model {} loaded in {} s", MODEL, String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                }
                m = model;
            }
        }
        return m;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
