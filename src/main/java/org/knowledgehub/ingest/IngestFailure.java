package org.knowledgehub.ingest;

import org.knowledgehub.Problems;
import org.springframework.web.ErrorResponseException;

/**
 * Why a document could not be ingested, in terms a user can act on. Nothing of the document is
 * left behind when this is thrown.
 */
public class IngestFailure extends RuntimeException {

    /** What kind of problem, which decides the HTTP status. */
    public enum Reason {
        /** A parameter is missing or invalid (400). */
        INVALID,
        /** The file's format is not one the hub reads (415). */
        UNSUPPORTED,
        /** The file is in a supported format but cannot be read: corrupt, encrypted, no text (422). */
        UNPROCESSABLE,
        /** The file or its text is over the configured limit (413). */
        TOO_LARGE
    }

    private final Reason reason;
    private final String field;

    public IngestFailure(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public IngestFailure(Reason reason, String field, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field the problem is about (usually "file"). */
    public String field() {
        return field;
    }

    /** The RFC 9457 problem to answer an HTTP request with. */
    public ErrorResponseException problem() {
        return switch (reason) {
            case INVALID -> Problems.invalid(field, getMessage());
            case UNSUPPORTED -> Problems.unsupportedMediaType(field, getMessage());
            case UNPROCESSABLE -> Problems.unprocessable(field, getMessage());
            case TOO_LARGE -> Problems.payloadTooLarge(field, getMessage());
        };
    }
}
