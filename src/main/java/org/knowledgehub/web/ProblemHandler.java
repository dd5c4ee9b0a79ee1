package org.knowledgehub.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.knowledgehub.Problems;
import org.knowledgehub.search.SearchUnavailableException;
import org.knowledgehub.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as an RFC 9457 problem with a {@code type} per kind and, where a request part is at
 * fault, a {@code field} naming it. Unexpected errors are logged and answered with a 500 that
 * carries no stack trace or internals. A browser asking for a page gets the same problem as a page
 * ({@link ProblemPages}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Pattern PART_HEADERS_TOO_LONG = Pattern.compile("Header section has more than (\\d+) bytes");
    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})\\]");

    /** Seconds a client should wait after the remote store failed a request. */
    static final String STORE_RETRY_AFTER = "5";
    private final ProblemPages pages;

    ProblemHandler(ProblemPages pages) {
        this.pages = pages;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        Matcher header = PART_HEADERS_TOO_LONG.matcher(causeMessages(e));
        if (header.find()) {
            // Tomcat's limit on a part's headers, reported as if the upload were too large.
            return respond(Problems.invalid("file", "the file name (with the part's other headers) is too long: at most "
                    + header.group(1) + " bytes").getBody());
        }
        return respond(Problems.payloadTooLarge("file", "the upload is larger than the configured limit ("
                + describe(e.getMaxUploadSize()) + ")").getBody());
    }

    private static String causeMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e) {
        return respond(Problems.invalid("file", "the multipart request could not be read: " + rootMessage(e)).getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.invalid(e.getName(), e.getName() + " has an invalid value").getBody());
    }

    /**
     * The container could not decode the query string or form (a "%zz", bytes that are not UTF-8,
     * more parameters than allowed). Tomcat names the parameter only in its message, and warns that
     * the name may itself be garbled: it is used when it reads as a name.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(InvalidParameterException e) {
        Matcher m = TOMCAT_PARAMETER.matcher(String.valueOf(e.getMessage()));
        String field = m.find() ? m.group(1) : "query";
        return respond(Problems.invalid(field, "the request's parameters could not be decoded: percent-encode them as UTF-8 ("
                + field + ")").getBody());
    }

    /** The remote store or search index went away: 503 for what needs it; the next request tries it again. */
    @ExceptionHandler({StoreUnavailableException.class, SearchUnavailableException.class})
    ResponseEntity<Object> storeUnavailable(RuntimeException e) {
        log.warn("{}", e.getMessage());
        ResponseEntity<Object> response = respond(Problems.unavailable(e.getMessage()).getBody());
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER).body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed because of an internal error; it has been logged", null).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        Object problemBody = body;
        if (problemBody == null && ex instanceof ErrorResponse response) {
            problemBody = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (problemBody instanceof ProblemDetail problem) {
            refine(problem, ex);
            HttpServletRequest servletRequest = currentRequest();
            if (servletRequest != null && pages.wanted(servletRequest)) {
                return pages.page(problem, servletRequest);
            }
            // Set, not negotiated: an Accept header that cannot be parsed (or asks for something else)
            // must not leave the problem without a body.
            headers = HttpHeaders.copyOf(headers);
            headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.handleExceptionInternal(ex, problemBody, headers, status, request);
    }

    /** Gives Spring's own problems (missing parameter, wrong method, ...) our types and fields. */
    private static void refine(ProblemDetail problem, Exception ex) {
        switch (ex) {
            case MissingServletRequestParameterException m -> {
                problem.setType(URI.create(Problems.TYPE_BASE + "invalid-parameter"));
                problem.setProperty("field", m.getParameterName());
            }
            case MissingServletRequestPartException m -> {
                problem.setType(URI.create(Problems.TYPE_BASE + "invalid-parameter"));
                problem.setProperty("field", m.getRequestPartName());
            }
            case HttpMediaTypeNotSupportedException m -> {
                problem.setType(URI.create(Problems.TYPE_BASE + "unsupported-media-type"));
                problem.setProperty("field", "Content-Type");
                problem.setDetail((m.getContentType() == null ? "the request has no Content-Type" : "Content-Type " + m.getContentType()
                        + " is not accepted here") + "; send one of: " + String.join(", ",
                        m.getSupportedMediaTypes().stream().map(Object::toString).toList()));
            }
            case HttpMediaTypeNotAcceptableException m -> {
                problem.setType(URI.create(Problems.TYPE_BASE + "not-acceptable"));
                problem.setProperty("field", "Accept");
            }
            case HttpRequestMethodNotSupportedException m -> problem.setType(URI.create(Problems.TYPE_BASE + "method-not-allowed"));
            case NoResourceFoundException m -> problem.setType(URI.create(Problems.TYPE_BASE + "not-found"));
            case HttpMessageNotReadableException m -> {
                // A JSON body that does not parse, or a member of the wrong type: name the member.
                problem.setType(URI.create(Problems.TYPE_BASE + "invalid-parameter"));
                String field = m.getCause() instanceof JacksonException j && !j.getPath().isEmpty()
                        ? j.getPath().getLast().getPropertyName() : null;
                problem.setProperty("field", field != null ? field : "body");
                problem.setDetail(field != null ? field + " has the wrong type or shape"
                        : String.valueOf(m.getMessage()).startsWith("Required request body is missing") ? "the request body is missing"
                        // A syntax error or a member named twice: the parser says where, in terms of JSON only.
                        : m.getCause() instanceof StreamReadException r ? "the request body is not valid JSON: "
                                + r.getOriginalMessage().lines().findFirst().orElse("")
                        : "the request body is not JSON of the expected shape");
            }
            default -> {
                if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                    problem.setType(URI.create(Problems.TYPE_BASE + "bad-request"));
                }
            }
        }
    }

    private ResponseEntity<Object> respond(ProblemDetail problem) {
        HttpServletRequest request = currentRequest();
        if (request != null && pages.wanted(request)) {
            return pages.page(problem, request);
        }
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.CONTENT_TYPE, "application/problem+json").body(problem);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static String describe(long bytes) {
        return bytes <= 0 ? "see spring.servlet.multipart.max-file-size" : (bytes / (1024 * 1024)) + " MB";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
