package org.knowledgehub.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.Caller;

/**
 * An upload ingested in the background, as its status resource shows it and as the spool keeps it
 * (without the file's bytes, which the spool keeps beside it). Each change makes a new record.
 *
 * @param percent  how much of the text the annotate stage has tagged (0 to 100)
 * @param caller   who sent it, as they were when they sent it: the ingest runs with their rights
 * @param fields   what the sender declared about the file
 * @param outcome  what the ingest did, once committed
 * @param failure  why it failed, once failed
 */
record IngestJob(String id, State state, int percent, Caller caller, Instant submitted, Instant updated,
                 Fields fields, IngestOutcome outcome, Failure failure) {

    /** Where a job has got to; committed and failed are final. */
    enum State {
        QUEUED, PARSING, ANNOTATING, STORING, COMMITTED, FAILED;

        @JsonValue
        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean finished() {
            return this == COMMITTED || this == FAILED;
        }

        /** The state a pipeline stage belongs to. */
        static State ofStage(String stage) {
            return switch (stage) {
                case "parse", "segment", "minutes" -> PARSING;
                case "annotate" -> ANNOTATING;
                default -> STORING;
            };
        }
    }

    /** An upload's declared fields, everything of its {@link IngestRequest} but the bytes. */
    record Fields(String sourceName, String title, String type, String organisation, LocalDate date, String sensitivity,
                  String agent, Set<String> sharedWith, Set<String> sharedWithSectors, ConsentRecord consent, long bytes,
                  String language) {

        static Fields of(IngestRequest r) {
            return new Fields(r.sourceName(), r.title(), r.type() == null ? null : r.type().code(), r.organisation(), r.date(),
                    r.sensitivity().code(), r.agent(), r.sharedWith(), r.sharedWithSectors(), r.consent(), r.bytes().length,
                    r.language());
        }

        IngestRequest request(byte[] bytes) {
            return new IngestRequest(bytes, sourceName, title, type == null ? null : DocumentType.fromCode(type).orElseThrow(),
                    organisation, date, Sensitivity.fromCode(sensitivity).orElseThrow(), agent, sharedWith, sharedWithSectors,
                    consent, null, language);
        }
    }

    /** Why a job failed, as the problem its upload would have been answered with. */
    record Failure(int status, String type, String field, String detail) {
    }

    static IngestJob queued(String id, Caller caller, IngestRequest request) {
        Instant now = Instant.now();
        return new IngestJob(id, State.QUEUED, 0, caller, now, now, Fields.of(request), null, null);
    }

    IngestJob in(State next, int percentDone) {
        return new IngestJob(id, next, percentDone, caller, submitted, Instant.now(), fields, outcome, failure);
    }

    IngestJob committed(IngestOutcome result) {
        return new IngestJob(id, State.COMMITTED, 100, caller, submitted, Instant.now(), fields, result, null);
    }

    IngestJob failed(Failure why) {
        return new IngestJob(id, State.FAILED, percent, caller, submitted, Instant.now(), fields, null, why);
    }
}
