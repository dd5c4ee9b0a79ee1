package org.knowledgehub.ingest;

import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.store.Uris;

/**
 * Links an organisation's name to its resource in the organisations scheme; a name the scheme
 * does not know becomes a new organisation in the document's graph, flagged as unreviewed,
 * rather than being dropped.
 */
final class OrganisationLinker {

    private final OrganisationDirectory directory;
    private final Uris uris;

    OrganisationLinker(OrganisationDirectory directory, Uris uris) {
        this.directory = directory;
        this.uris = uris;
    }

    /** The organisation of the scheme with this name, if there is exactly one. */
    Optional<Resource> known(String name) {
        return directory.resolve(name);
    }

    /**
     * Names in the graph an organisation reviewers accepted from the proposals, which the
     * ontology does not describe, so that the graph alone says what its passages mention.
     */
    void describeAccepted(Model graph, String iri) {
        directory.accepted(iri).ifPresent(a -> graph.createResource(iri)
                .addProperty(RDF.type, ORG.Organization)
                .addProperty(RDFS.label, directory.shortName(graph.createResource(iri))));
    }

    Resource link(Model graph, String name) {
        String cleaned = name.strip();
        return known(cleaned).map(r -> graph.createResource(r.getURI())).orElseGet(() -> {
            Resource created = graph.createResource(uris.organisation(cleaned));
            created.addProperty(RDF.type, ORG.Organization)
                    .addProperty(RDFS.label, cleaned)
                    .addProperty(KH.mentionedName, cleaned)
                    .addLiteral(KH.unreviewed, true);
            return created;
        });
    }
}
