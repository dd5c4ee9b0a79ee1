package org.knowledgehub.ingest;

import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.search.PassageRecords;
import org.knowledgehub.store.Uris;

/**
 * index: derives the search index records from the document's graph, the same way start-up
 * repair does, so what is indexed is always what the graph says.
 */
final class IndexStage implements IngestStage {

    private final Uris uris;
    private final ConceptLabels labels;

    IndexStage(Uris uris, ConceptLabels labels) {
        this.uris = uris;
        this.labels = labels;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public void process(DocumentContext doc) {
        doc.indexRecords = PassageRecords.fromGraph(doc.graph, doc.id, uris.document(doc.id),
                uris.documentGraph(doc.id).getURI(), labels);
    }
}
