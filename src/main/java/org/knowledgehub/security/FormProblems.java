package org.knowledgehub.security;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal shown on a form page: the problem's status on the response and its detail keyed by the
 * field it names, or by {@code form} when it names none the form shows.
 */
final class FormProblems {

    static final String FORM = "form";

    private FormProblems() {
    }

    static Map<String, String> shown(ErrorResponseException e, Set<String> fields, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        Object named = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
        String field = named instanceof String f && fields.contains(f) ? f : FORM;
        return Map.of(field, Objects.requireNonNullElse(e.getBody().getDetail(), e.getMessage()));
    }
}
