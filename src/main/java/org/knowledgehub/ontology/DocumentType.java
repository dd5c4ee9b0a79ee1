package org.knowledgehub.ontology;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.rdf.model.Resource;

/** The kinds of document the hub distinguishes, each a subclass of {@code kh:Document}. */
public enum DocumentType {
    MINUTES("minutes", KH.Minutes),
    ASSESSMENT("assessment", KH.AssessmentReport),
    FIELD_NOTE("field-note", KH.FieldNote),
    OBSERVATION("observation", KH.FieldObservation),
    OTHER("other", KH.OtherDocument);

    private final String code;
    private final Resource rdfClass;

    DocumentType(String code, Resource rdfClass) {
        this.code = code;
        this.rdfClass = rdfClass;
    }

    public String code() {
        return code;
    }

    public Resource rdfClass() {
        return rdfClass;
    }

    public static Optional<DocumentType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equalsIgnoreCase(code.trim())).findFirst();
    }

    public static Optional<DocumentType> fromClass(String uri) {
        return Arrays.stream(values()).filter(t -> t.rdfClass.getURI().equals(uri)).findFirst();
    }
}
