package org.knowledgehub.security;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit}: the admin reads the audit trail as {@code GET /api/audit} gives it, newest first,
 * with its filters; "older" pages on by asking for the entries before the last one shown.
 */
@Controller
class AuditPage {

    private static final Set<String> FIELDS = Set.of("actor", "action", "graph", "from", "to", "limit");

    private final AuditTrail audit;

    AuditPage(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String entries(@RequestParam Map<String, String> query, Model model, HttpServletResponse response) {
        model.addAttribute("values", query);
        try {
            int limit = AuditController.limit(query.get("limit"));
            List<AuditTrail.Entry> entries = audit.find(new AuditTrail.Filter(AuditController.blankToNull(query.get("actor")),
                    AuditController.blankToNull(query.get("action")), AuditController.blankToNull(query.get("graph")),
                    instant("from", query.get("from")), instant("to", query.get("to")), limit));
            model.addAttribute("entries", entries);
            // A full page may have older entries behind it.
            model.addAttribute("olderThan", entries.size() == limit ? entries.getLast().time() : null);
            model.addAttribute("errors", Map.of());
        } catch (ErrorResponseException e) {
            model.addAttribute("entries", List.of());
            model.addAttribute("olderThan", null);
            model.addAttribute("errors", FormProblems.shown(e, FIELDS, response));
        }
        return "audit";
    }

    /** An ISO-8601 instant, or what a datetime-local field sends (read as UTC). */
    private static Instant instant(String field, String value) {
        if (value != null && !value.isBlank() && !value.strip().endsWith("Z")) {
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // answered by the API's own parsing and message
            }
        }
        return AuditController.instant(field, value);
    }
}
