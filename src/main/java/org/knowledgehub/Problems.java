package org.knowledgehub;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details, one {@code type} per kind of error, so clients can tell a bad
 * parameter from a query that timed out without parsing prose.
 */
public final class Problems {

    /** Namespace of problem types; documented in the README. */
    public static final String TYPE_BASE = "https://w3id.org/knowledge-hub/problems/";

    private Problems() {
    }

    /** A request parameter or part is missing or invalid; {@code field} names it. */
    public static ErrorResponseException invalid(String field, String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail, field);
    }

    /** A query (search or SPARQL) cannot be parsed or is not allowed. */
    public static ErrorResponseException badQuery(String field, String detail) {
        return problem(HttpStatus.BAD_REQUEST, "bad-query", "Query not accepted", detail, field);
    }

    public static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist or is not visible to you", null);
    }

    /** The caller is known but may not do this (contribute for another organisation, ...). */
    public static ErrorResponseException forbidden(String field, String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, field);
    }

    /** The request clashes with what exists (an account name already taken). */
    public static ErrorResponseException conflict(String field, String detail) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, field);
    }

    public static ErrorResponseException unsupportedMediaType(String field, String detail) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail, field);
    }

    /** The input is well-formed as a request but its content cannot be processed (corrupt file, no text). */
    public static ErrorResponseException unprocessable(String field, String detail) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable-content", "Content cannot be processed", detail, field);
    }

    public static ErrorResponseException payloadTooLarge(String field, String detail) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", detail, field);
    }

    public static ErrorResponseException notAcceptable(String detail) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation", detail, null);
    }

    public static ErrorResponseException timeout(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "timeout", "Timed out", detail, null);
    }

    public static ErrorResponseException unavailable(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail, null);
    }

    /**
     * The service is at its configured capacity (503, or 429 when {@code perCaller}: this caller's
     * share is taken); the client should retry after {@code retryAfter}.
     */
    public static ErrorResponseException busy(boolean perCaller, String detail, Duration retryAfter) {
        ErrorResponseException e = perCaller
                ? problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", detail, null)
                : problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail, null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return e;
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail, String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        if (field != null) {
            body.setProperty("field", field);
        }
        return new ErrorResponseException(status, body, null);
    }
}
