package org.knowledgehub.ingest;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.store.Uris;

/**
 * observation: adds what a field observation's contributor declared (method, period, area,
 * sectors, population, the question it answers) to its graph, and makes each passage speak of
 * the declared area, sectors and years, before the index reads the graph.
 */
final class ObservationStage implements IngestStage {

    private final Uris uris;

    ObservationStage(Uris uris) {
        this.uris = uris;
    }

    @Override
    public String name() {
        return "observation";
    }

    @Override
    public boolean accepts(DocumentContext doc) {
        return doc.request.observation() != null;
    }

    @Override
    public void process(DocumentContext doc) {
        FieldObservation observation = doc.request.observation();
        Model m = doc.graph;
        observation.addTo(m, m.getResource(uris.document(doc.id)));
        m.listSubjectsWithProperty(RDF.type, KH.Passage).toList()
                .forEach((Resource passage) -> observation.linkPassage(m, passage));
    }
}
