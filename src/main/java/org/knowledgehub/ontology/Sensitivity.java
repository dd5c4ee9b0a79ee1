package org.knowledgehub.ontology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.rdf.model.Resource;

/** How widely a document or observation may be shared; the levels of {@code kh:Sensitivity}. */
public enum Sensitivity {
    PUBLIC(KH.Public),
    RESTRICTED(KH.Restricted),
    CONFIDENTIAL(KH.Confidential);

    private final Resource concept;

    Sensitivity(Resource concept) {
        this.concept = concept;
    }

    public Resource concept() {
        return concept;
    }

    /** The code used in the HTTP API and the search index: public, restricted, confidential. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sensitivity> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code.trim())).findFirst();
    }

    public static Optional<Sensitivity> fromConcept(String uri) {
        return Arrays.stream(values()).filter(s -> s.concept.getURI().equals(uri)).findFirst();
    }
}
