package org.knowledgehub.ingest;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The result of ingesting one file.
 *
 * @param status CREATED for a new document, REPLACED for a new version of a known source,
 *               UNCHANGED when the same bytes were already ingested
 */
public record IngestOutcome(Status status, String id, String uri, String graph, String title, String type,
                            int sections, int passages, long triples) {

    public enum Status {
        CREATED, REPLACED, UNCHANGED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
