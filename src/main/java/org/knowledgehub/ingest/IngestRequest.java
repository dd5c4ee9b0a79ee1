package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.util.Objects;

import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;

/**
 * A file to ingest and what its sender declared about it. Null fields are left for the
 * pipeline to work out (type from the content, title and date from the file).
 *
 * @param sourceName   the name the file arrived under; a new version of the same source
 *                     replaces the previous one
 * @param agent        who sent it, for provenance ("admin", "cli", "corpus")
 */
public record IngestRequest(byte[] bytes, String sourceName, String title, DocumentType type,
                            String organisation, LocalDate date, Sensitivity sensitivity, String agent) {

    public IngestRequest {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sourceName, "sourceName");
        sensitivity = sensitivity == null ? Sensitivity.PUBLIC : sensitivity;
        agent = agent == null ? "anonymous" : agent;
    }
}
