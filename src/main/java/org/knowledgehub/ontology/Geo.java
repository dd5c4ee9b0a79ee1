package org.knowledgehub.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C Basic Geo (WGS84) terms the localities use for their coordinates. */
public final class Geo {

    public static final String NS = "http://www.w3.org/2003/01/geo/wgs84_pos#";

    public static final Property lat = ResourceFactory.createProperty(NS + "lat");
    public static final Property lon = ResourceFactory.createProperty(NS + "long");

    private Geo() {
    }
}
