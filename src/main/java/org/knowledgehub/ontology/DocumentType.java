package org.knowledgehub.ontology;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.rdf.model.Resource;

/** The kinds of document the hub distinguishes, each a subclass of {@code kh:Document}. */
public enum DocumentType {
    MINUTES("minutes", KH.Minutes, false),
    ASSESSMENT("assessment", KH.AssessmentReport, false),
    FIELD_NOTE("field-note", KH.FieldNote, true),
    OBSERVATION("observation", KH.FieldObservation, true),
    OTHER("other", KH.OtherDocument, false);

    private final String code;
    private final Resource rdfClass;
    private final boolean requiresConsent;

    DocumentType(String code, Resource rdfClass, boolean requiresConsent) {
        this.code = code;
        this.rdfClass = rdfClass;
        this.requiresConsent = requiresConsent;
    }

    /**
     * Whether a document of this type reports what people said or showed (field notes,
     * observations) and so must carry a consent record: personal data is kept only with the
     * informed consent of the people concerned.
     */
    public boolean requiresConsent() {
        return requiresConsent;
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
