package org.knowledgehub.security;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the admin reads the audit trail (the role check is in {@link SecurityConfig}). */
@RestController
@Tag(name = "accounts")
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The audit trail, newest first (admin)",
            description = "Every write (uploads, deletions, SPARQL Update, questions and reviews, indicator imports, accounts, "
                    + "tokens, passwords, sign-ins) and every read of restricted or confidential items, with time, actor, "
                    + "organisation, action, channel, target, graphs and outcome.")
    List<AuditTrail.Entry> entries(
            @Parameter(description = "Account name (or admin-token, anonymous)") @RequestParam(required = false) String actor,
            @Parameter(description = "read, sign-in, document.upload, sparql.update, ...") @RequestParam(required = false) String action,
            @Parameter(description = "A graph's IRI: entries that wrote or read it") @RequestParam(required = false) String graph,
            @Parameter(description = "Earliest time, an ISO-8601 instant (2025-03-01T00:00:00Z)") @RequestParam(required = false) String from,
            @Parameter(description = "Time before which entries end, an ISO-8601 instant") @RequestParam(required = false) String to,
            @Parameter(description = "Most entries to return, 1-1000 (default 100)") @RequestParam(required = false) String limit) {
        return audit.find(new AuditTrail.Filter(blankToNull(actor), blankToNull(action), blankToNull(graph), instant("from", from),
                instant("to", to), limit(limit)));
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, field + " must be an ISO-8601 instant such as 2025-03-01T00:00:00Z");
        }
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
