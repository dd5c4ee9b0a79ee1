package org.knowledgehub.ingest;

import org.knowledgehub.search.PassageEmbeddings;

/**
 * embed: gives each passage record its sentence-embedding vector for semantic search. Vectors
 * are derived data, kept in the search index only: repair recomputes them from the graph.
 */
final class EmbedStage implements IngestStage {

    private final PassageEmbeddings embeddings;

    EmbedStage(PassageEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public boolean accepts(DocumentContext doc) {
        return embeddings.enabled();
    }

    @Override
    public void process(DocumentContext doc) {
        doc.indexRecords = embeddings.withVectors(doc.indexRecords);
    }
}
