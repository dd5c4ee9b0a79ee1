package org.knowledgehub.ingest;

/**
 * One inferred (or declared) value of a document's metadata and where it came from, so that a
 * reader can judge it and an owner can correct it.
 *
 * @param field      title, publisher, date, type or language
 * @param value      the value as stored (an organisation's IRI for a publisher)
 * @param method     the evidence: declared, front-matter, pdf-properties, cover-heading, file-name, ...
 * @param confidence how far the method is trusted, 0..1 (declared values are 1)
 */
public record MetadataClaim(String field, String value, String method, double confidence) {

    static final String DECLARED = "declared";
}
