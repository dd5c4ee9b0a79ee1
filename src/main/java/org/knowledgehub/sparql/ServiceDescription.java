package org.knowledgehub.sparql;

import java.util.Comparator;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.security.VisibleGraphs;

/**
 * The SPARQL 1.1 Service Description of {@code /sparql} for one caller: the endpoint, the language
 * (queries; updates go to {@code /update}), result formats, the {@code kh:search} property function
 * and the default dataset, whose default graph is the union of the named graphs the caller may
 * see, each listed by name.
 */
final class ServiceDescription {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private ServiceDescription() {
    }

    /** @param endpoint the URL the caller reached the endpoint at */
    static Graph of(String endpoint, VisibleGraphs visible) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        Resource service = m.createResource()
                .addProperty(RDF.type, sd("Service"))
                .addProperty(sdp("endpoint"), m.createResource(endpoint))
                .addProperty(sdp("supportedLanguage"), sd("SPARQL11Query"))
                .addProperty(sdp("feature"), sd("UnionDefaultGraph"))
                .addProperty(DCTerms.description, "Knowledge Hub: documents, passages, meetings and indicators as RDF, one named "
                        + "graph per document. SERVICE (federated query) is refused; SPARQL Update is at /update (admins).");
        for (ResultFormat format : ResultFormat.values()) {
            service.addProperty(sdp("resultFormat"), m.createResource(format.formatIri));
        }
        service.addProperty(sdp("propertyFeature"), m.createResource(TextSearchFunction.IRI)
                .addProperty(RDF.type, RDF.Property)
                .addProperty(RDFS.label, "kh:search")
                .addProperty(RDFS.comment, "Full-text search as a property function: (?passage ?score ?snippet) kh:search "
                        + "(\"query text\" [limit] [\"filter\" value]...) binds passages, their BM25 scores and highlighted "
                        + "fragments, over the passages the caller may see; filters as /api/search's (sector, area, population, "
                        + "indicator, year, document, type, organisation, from, to, sensitivity)."));
        Resource dataset = m.createResource()
                .addProperty(RDF.type, sd("Dataset"))
                .addProperty(sdp("defaultGraph"), m.createResource()
                        .addProperty(RDF.type, sd("Graph"))
                        .addProperty(RDFS.comment, "the union of the named graphs listed here: those you may see"));
        visible.graphs().stream().map(g -> g.getURI()).sorted(Comparator.naturalOrder()).forEach(name ->
                dataset.addProperty(sdp("namedGraph"), m.createResource()
                        .addProperty(RDF.type, sd("NamedGraph"))
                        .addProperty(sdp("name"), m.createResource(name))));
        service.addProperty(sdp("defaultDataset"), dataset);
        return m.getGraph();
    }

    private static Resource sd(String local) {
        return ResourceFactory.createResource(SD + local);
    }

    private static Property sdp(String local) {
        return ResourceFactory.createProperty(SD + local);
    }
}
