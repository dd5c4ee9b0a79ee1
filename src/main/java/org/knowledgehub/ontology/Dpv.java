package org.knowledgehub.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C Data Privacy Vocabulary terms a consent record uses (https://w3id.org/dpv). */
public final class Dpv {

    public static final String NS = "https://w3id.org/dpv#";

    public static final Resource Consent = ResourceFactory.createResource(NS + "Consent");
    public static final Resource Purpose = ResourceFactory.createResource(NS + "Purpose");
    public static final Resource ConsentGiven = ResourceFactory.createResource(NS + "ConsentGiven");
    public static final Resource ConsentRefused = ResourceFactory.createResource(NS + "ConsentRefused");
    public static final Resource ConsentUnknown = ResourceFactory.createResource(NS + "ConsentUnknown");
    public static final Resource PersonalData = ResourceFactory.createResource(NS + "PersonalData");
    public static final Property hasConsentStatus = ResourceFactory.createProperty(NS + "hasConsentStatus");
    public static final Property hasPurpose = ResourceFactory.createProperty(NS + "hasPurpose");
    public static final Property hasPersonalData = ResourceFactory.createProperty(NS + "hasPersonalData");

    private Dpv() {
    }
}
