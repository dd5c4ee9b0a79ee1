package org.knowledgehub.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.knowledgehub.security.Accounts;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Problems as pages, for people: someone who follows a stale link or mistypes an address in a
 * browser reads what went wrong on a page of the hub, with its header and a way on. Scripts keep
 * problem+json: HTML only when the request asks for it before any other type (as browsers do, see
 * {@link LinkedDataController#wantsHtml}), and never on the API's own paths.
 */
@Component
class ProblemPages {

    private static final List<String> API_PATHS = List.of("/api/", "/sparql", "/update", "/actuator", "/v3/", "/shapes/");

    private final ITemplateEngine templates;
    private final Accounts accounts;
    private final LocaleResolver languages;

    ProblemPages(ITemplateEngine templates, Accounts accounts, LocaleResolver languages) {
        this.templates = templates;
        this.accounts = accounts;
        this.languages = languages;
    }

    boolean wanted(HttpServletRequest request) {
        // On the container's error dispatch, the path that failed is an attribute.
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String p ? p : request.getRequestURI();
        return API_PATHS.stream().noneMatch(path::startsWith) && LinkedDataController.wantsHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    ResponseEntity<Object> page(ProblemDetail problem, HttpServletRequest request) {
        // The resolver, not the request: on the container's error dispatch no resolver has run yet.
        Context context = new Context(languages.resolveLocale(request));
        context.setVariable("me", accounts.profile(CurrentCaller.get()));
        context.setVariable("_csrf", request.getAttribute("_csrf"));
        context.setVariable("problem", problem);
        return ResponseEntity.status(problem.getStatus()).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(templates.process("problem", context));
    }
}
