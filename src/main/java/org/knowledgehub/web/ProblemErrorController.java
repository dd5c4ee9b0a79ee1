package org.knowledgehub.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.knowledgehub.Problems;
import org.knowledgehub.search.SearchUnavailableException;
import org.knowledgehub.store.StoreUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (the servlet container, the security filters' firewall) still
 * reach the client as problem details, never as a container error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemPages pages;
    private final DataSize maxUpload;

    ProblemErrorController(ProblemPages pages, @Value("${spring.servlet.multipart.max-request-size}") DataSize maxUpload) {
        this.pages = pages;
        this.maxUpload = maxUpload;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        for (Throwable t = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SearchUnavailableException) {
                // An engine gone while a filter needed it (a shared session in the remote store): 503, as in Spring MVC.
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .header(HttpHeaders.RETRY_AFTER, ProblemHandler.STORE_RETRY_AFTER).body(Problems.unavailable(t.getMessage()).getBody());
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(Problems.TYPE_BASE + switch (status) {
            case NOT_FOUND -> "not-found";
            case BAD_REQUEST -> "bad-request";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case FORBIDDEN -> "forbidden";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        }));
        problem.setDetail(switch (status) {
            case BAD_REQUEST -> "the request was rejected (a method this service does not serve, or malformed or disallowed "
                    + "characters in the URL or headers)";
            // A page the signed-in role may not open (the security filters send the browser here).
            case FORBIDDEN -> "your role does not allow this page; sign in with an account that has it, or ask an admin";
            default -> status.getReasonPhrase();
        });
        String contentType = request.getContentType();
        if (status == HttpStatus.CONTENT_TOO_LARGE && contentType != null && contentType.startsWith("multipart/")) {
            // A page's upload form over the limit: the container refuses it when the security filters read its
            // fields (the CSRF token), before Spring MVC, which names the file for the API, is reached.
            problem = Problems.payloadTooLarge("file", "the upload is larger than the configured limit ("
                    + maxUpload.toMegabytes() + " MB)").getBody();
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        if (pages.wanted(request)) {
            return pages.page(problem, request);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
