package org.knowledgehub.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C RDF Data Cube terms the hub writes (Jena ships no Data Cube vocabulary class). */
public final class QB {

    public static final String NS = "http://purl.org/linked-data/cube#";

    public static final Resource DataSet = ResourceFactory.createResource(NS + "DataSet");
    public static final Resource Observation = ResourceFactory.createResource(NS + "Observation");
    public static final Property dataSet = ResourceFactory.createProperty(NS + "dataSet");
    public static final Property structure = ResourceFactory.createProperty(NS + "structure");

    private QB() {
    }
}
