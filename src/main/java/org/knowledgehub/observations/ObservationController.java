package org.knowledgehub.observations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.knowledgehub.Problems;
import org.knowledgehub.ingest.IngestOutcome;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.store.Uris;
import org.knowledgehub.tables.CsvExport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/observations}: contribute, list, read, review and withdraw field observations; their shapes. */
@RestController
@Tag(name = "observations")
class ObservationController {

    private static final String JSON_LD = "application/ld+json";

    private final Observations observations;
    private final ObservationShapes shapes;
    private final Uris uris;

    ObservationController(Observations observations, ObservationShapes shapes, Uris uris) {
        this.observations = observations;
        this.shapes = shapes;
        this.uris = uris;
    }

    @PostMapping(path = "/api/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contribute a field observation",
            description = "Validated against the SHACL shapes at /shapes/observations: a 400 problem lists every violation "
                    + "(field, value, message). 201 with the observation; with dryRun=true, 200 and nothing stored.")
    ResponseEntity<?> submit(@RequestBody ObservationSubmission body,
                             @Parameter(description = "Only validate") @RequestParam(defaultValue = "false") boolean dryRun) {
        // A body is required on both mappings: with an optional one, Spring leaves the media type
        // unchecked for a request without a body, and both mappings match it.
        return answer(body, dryRun);
    }

    @PostMapping(path = "/api/observations", consumes = JSON_LD)
    @Operation(summary = "Contribute a field observation as JSON-LD (one kh:FieldObservation node)")
    ResponseEntity<?> submitJsonLd(@RequestBody byte[] body, @RequestParam(defaultValue = "false") boolean dryRun) {
        return answer(ObservationJsonLd.read(new String(body, StandardCharsets.UTF_8), uris.base()), dryRun);
    }

    private ResponseEntity<?> answer(ObservationSubmission submission, boolean dryRun) {
        if (dryRun) {
            List<Violation> violations = observations.check(submission, CurrentCaller.get());
            if (!violations.isEmpty()) {
                throw Observations.invalid(violations);
            }
            return ResponseEntity.ok(Map.of("valid", true));
        }
        IngestOutcome outcome = observations.submit(submission, CurrentCaller.get());
        ObservationView view = observations.get(outcome.id(), CurrentCaller.get()).orElseThrow();
        return outcome.status() == IngestOutcome.Status.CREATED
                ? ResponseEntity.created(URI.create("/api/observations/" + outcome.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/observations")
    @Operation(summary = "The observations you may read, most recently observed first",
            description = "As CSV with Accept: text/csv or format=csv (hxl=true adds HXL hashtags): one row per observation.")
    ResponseEntity<?> list(@Parameter(description = "P-code; a governorate includes its districts") @RequestParam(required = false) String area,
                               @RequestParam(required = false) String sector,
                               @Parameter(description = "submitted, verified or disputed") @RequestParam(required = false) String status,
                               @RequestParam(required = false) String organisation,
                               @RequestParam(defaultValue = "100") int limit,
                               HttpServletRequest request) {
        CsvExport export = CsvExport.of(request);
        if (limit < 1 || limit > 1000) {
            throw Problems.invalid("limit", "limit must be between 1 and 1000");
        }
        if (status != null && !List.of("submitted", "verified", "disputed").contains(status)) {
            throw Problems.invalid("status", "status must be submitted, verified or disputed");
        }
        List<ObservationView> list = observations.list(CurrentCaller.get(), blank(area), blank(sector), status, blank(organisation), limit);
        return export.answer(list, "observations", ObservationCsv.COLUMNS, list);
    }

    @GetMapping("/api/observations/{id}")
    @Operation(summary = "One observation, with its consent record and reviews")
    ObservationView get(@PathVariable String id) {
        return observations.get(id, CurrentCaller.get()).orElseThrow(() -> Problems.notFound("observation " + id));
    }

    /** @param verdict verified or disputed */
    record ReviewRequest(String verdict, String note) {
    }

    @PostMapping(path = "/api/observations/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an observation verified or disputed (coordinators of its sectors, admin)")
    ObservationView review(@PathVariable String id, @RequestBody(required = false) ReviewRequest body) {
        if (body == null) {
            throw Problems.invalid("verdict", "send {\"verdict\": \"verified\" or \"disputed\", \"note\": ...}");
        }
        return observations.review(id, body.verdict(), body.note(), CurrentCaller.get());
    }

    @DeleteMapping("/api/observations/{id}")
    @Operation(summary = "Withdraw an observation of your organisation: removed from every channel")
    ResponseEntity<Void> withdraw(@PathVariable String id) {
        observations.withdraw(id, CurrentCaller.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = {"/shapes/observations", "/shapes/observations.ttl"}, produces = "text/turtle")
    @Operation(summary = "The SHACL shapes every observation is validated with")
    ResponseEntity<byte[]> shapes() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/turtle;charset=UTF-8")).body(shapes.turtle());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
