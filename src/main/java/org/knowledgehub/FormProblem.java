package org.knowledgehub;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.ErrorResponseException;

/**
 * A problem as a form's page shows it: its detail beside the field it names, or beside the form
 * when the form has no such field. The page answers with the problem's status and headers.
 */
public record FormProblem(String field, String detail) {

    /** @param fields the fields the form shows an error beside; a problem naming another (or none) goes to {@code general} */
    public static FormProblem of(ErrorResponseException e, Set<String> fields, String general, HttpServletResponse response) {
        Object named = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
        response.setStatus(e.getStatusCode().value());
        // 429 and 503 say when to try again.
        e.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        return new FormProblem(named instanceof String f && fields.contains(f) ? f : general,
                Objects.requireNonNullElse(e.getBody().getDetail(), e.getMessage()));
    }

    /** The form's errors: the field to its detail. */
    public Map<String, String> errors() {
        return Map.of(field, detail);
    }

    /** The form's errors in the reader's language (see {@link #inReadersLanguage}). */
    public Map<String, String> errors(MessageSource messages, Locale reader) {
        return Map.of(field, inReadersLanguage(messages, reader, field, detail));
    }

    /**
     * What a page shows beside a refused field: the bundle's {@code form.error.<field>} in the
     * reader's language where it has one (French, Arabic), else the service's own detail, which is
     * English and names the value and the limit (the API's problem JSON keeps that detail).
     */
    public static String inReadersLanguage(MessageSource messages, Locale reader, String field, String detail) {
        return Objects.requireNonNullElse(messages.getMessage("form.error." + field, null, null, reader), detail);
    }
}
