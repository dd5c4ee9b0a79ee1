package org.knowledgehub.observations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.knowledgehub.Problems;
import org.knowledgehub.ingest.ConsentRecord;
import org.knowledgehub.ingest.IngestFailure;
import org.knowledgehub.ingest.IngestOutcome;
import org.knowledgehub.ingest.IngestRequest;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.ingest.UploadPolicy;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.store.Uris;
import org.knowledgehub.tables.CsvText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Bulk import of observations from a KoboToolbox export (XLSX or CSV) or an HXL-tagged CSV: each
 * row becomes a submission, validated exactly as a single one (the same shapes); a dry run
 * reports every row's outcome and stores nothing; a real import stores all rows in one
 * transaction, and only when every row is valid.
 */
@Service
class ObservationImport {

    private static final Logger log = LoggerFactory.getLogger(ObservationImport.class);
    static final int MAX_ROWS = 5_000;
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final ImportRows rows;
    private final ObservationDrafts drafts;
    private final IngestService ingest;
    private final UploadPolicy uploads;
    private final AccessPolicy access;
    private final Uris uris;
    private final AuditTrail audit;

    ObservationImport(ImportRows rows, ObservationDrafts drafts, IngestService ingest, UploadPolicy uploads, AccessPolicy access,
                      Uris uris, AuditTrail audit) {
        this.rows = rows;
        this.drafts = drafts;
        this.ingest = ingest;
        this.uploads = uploads;
        this.access = access;
        this.uris = uris;
        this.audit = audit;
    }

    /**
     * An upload as received.
     *
     * @param mapping  submission field → column heading or HXL hashtag
     * @param defaults submission field → the value it takes where its cell is empty
     */
    record Request(byte[] bytes, String format, String sheet, Map<String, String> mapping, Map<String, String> defaults,
                   boolean dryRun) {
    }

    /**
     * @throws ErrorResponseException 400 for a file, format, mapping or defaults that cannot be
     *                                used, 403 when the caller may not contribute, 413 over the
     *                                limits, 422 when a real import has rows that are not valid
     *                                (the report's rejections in the problem; nothing stored)
     */
    ObservationImportReport run(Request r, Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            uploads.owner(caller, null);
        }
        Map<String, String> defaults = defaults(r.defaults());
        ImportTable table = ImportTable.read(r.bytes(), r.format(), r.sheet(), MAX_BYTES, MAX_ROWS);
        ColumnMapping mapping = ColumnMapping.of(table, r.mapping());
        List<ObservationImportReport.Accepted> accepted = new ArrayList<>();
        List<IngestRequest> requests = new ArrayList<>();
        List<ObservationImportReport.Rejection> rejections = new ArrayList<>();
        Map<String, Integer> rowOfText = new HashMap<>();
        for (CsvText.Row row : table.rows()) {
            ImportRows.Read read = rows.read(table, mapping, defaults, row, caller);
            List<Violation> violations = new ArrayList<>(read.violations());
            String text = read.submission().text() == null ? null : read.submission().text().strip();
            Integer same = text == null || text.isEmpty() ? null : rowOfText.putIfAbsent(text, row.number());
            if (same != null) {
                violations.add(new Violation("text", abbreviate(text), "The same text as row " + same
                        + ": the hub keeps one observation per text; say in each row what was observed there."));
            }
            ObservationDrafts.Draft draft = draft(read.submission(), caller);
            Set<String> reported = violations.stream().map(Violation::field).collect(Collectors.toSet());
            draft.violations().stream().filter(v -> !reported.contains(v.field()))
                    .map(v -> asWritten(v, read.submission())).forEach(violations::add);
            if (violations.isEmpty()) {
                accepted.add(new ObservationImportReport.Accepted(row.number(), draft.request().title(), null, null));
                requests.add(draft.request());
            } else {
                rejections.add(new ObservationImportReport.Rejection(row.number(), List.copyOf(violations)));
            }
        }
        ObservationImportReport checked = report(table, mapping, defaults, r.dryRun(), false, accepted, rejections);
        if (r.dryRun()) {
            return checked;
        }
        if (!rejections.isEmpty()) {
            throw refused(checked, rejections.size() + " of " + table.rows().size() + " rows are not valid observations");
        }
        List<IngestOutcome> outcomes;
        try {
            // As for one observation: identical text sent by an organisation the caller may not read from stays unknown to them.
            outcomes = ingest.ingestTogether(requests, id -> access.canRead(caller, uris.documentGraph(id)));
        } catch (IngestService.RequestRefused e) {
            ObservationImportReport.Accepted row = accepted.get(e.index());
            List<ObservationImportReport.Accepted> others = new ArrayList<>(accepted);
            others.remove(e.index());
            ObservationImportReport report = report(table, mapping, defaults, false, false, others, List.of(
                    new ObservationImportReport.Rejection(row.row(), List.of(new Violation(field(e), null, e.getMessage())))));
            throw refused(report, "row " + row.row() + " could not be stored: " + e.getMessage());
        }
        List<ObservationImportReport.Accepted> stored = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            IngestOutcome o = outcomes.get(i);
            stored.add(new ObservationImportReport.Accepted(accepted.get(i).row(), o.title(), o.id(), o.status().code()));
            audit.recordWrite(caller, "observation.import", o.uri(), List.of(o.graph()), o.status().code());
        }
        log.info("Imported {} rows ({}) for {} ({}): {} new observations", stored.size(), table.format().code(), caller.name(),
                caller.organisation(), stored.stream().filter(a -> "created".equals(a.status())).count());
        return report(table, mapping, defaults, false, true, stored, List.of());
    }

    /**
     * The field a refusal of the ingest chain is about: personal data found in the text that the
     * consent record does not allow, as for one observation; else the text.
     */
    private static String field(IngestFailure e) {
        if (e.reason() == IngestFailure.Reason.INVALID && ConsentRecord.INFORMED_CONSENT.equals(e.field())) {
            return "consent.informedConsent";
        }
        if (e.reason() == IngestFailure.Reason.INVALID && ConsentRecord.PURPOSE.equals(e.field())) {
            return "consent.purpose";
        }
        return "text";
    }

    /** A submission's draft; the upload policy refusing a row (another organisation's) is one of its violations. */
    private ObservationDrafts.Draft draft(ObservationSubmission submission, Caller caller) {
        try {
            return drafts.draft(submission, caller);
        } catch (ErrorResponseException e) {
            Object field = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
            return new ObservationDrafts.Draft(null, List.of(new Violation(field == null ? "observation" : field.toString(),
                    null, e.getBody().getDetail())));
        }
    }

    /** An unknown area as the file wrote it ("Aleppo"), where the shapes name the code made of it ("ALEPPO"). */
    private static Violation asWritten(Violation v, ObservationSubmission s) {
        return v.field().equals("area") && s.area() != null && s.area().equalsIgnoreCase(v.value())
                ? new Violation(v.field(), s.area(), v.message()) : v;
    }

    private static ObservationImportReport report(ImportTable table, ColumnMapping mapping, Map<String, String> defaults, boolean dryRun,
                                       boolean stored, List<ObservationImportReport.Accepted> accepted,
                                       List<ObservationImportReport.Rejection> rejections) {
        return new ObservationImportReport(table.format(), table.sheet(), dryRun, stored, table.rows().size(), accepted.size(),
                rejections.size(), mapping.describe(table), defaults, List.copyOf(accepted), List.copyOf(rejections));
    }

    /** A real import that stores nothing: the report goes in the problem. */
    private static ErrorResponseException refused(ObservationImportReport report, String why) {
        ErrorResponseException e = Problems.unprocessable("file", why + "; nothing was stored. Correct the rows listed in "
                + "rejections (send dryRun=true to check the file without storing).");
        e.getBody().setProperty("rows", report.rows());
        e.getBody().setProperty("ok", report.ok());
        e.getBody().setProperty("rejected", report.rejected());
        e.getBody().setProperty("stored", false);
        e.getBody().setProperty("columns", report.columns());
        e.getBody().setProperty("rejections", report.rejections());
        e.getBody().setProperty("shapes", "/shapes/observations");
        return e;
    }

    private static Map<String, String> defaults(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((field, value) -> {
            if (!ColumnMapping.FIELDS.contains(field)) {
                throw Problems.invalid("defaults", "unknown field '" + abbreviate(field) + "' in defaults; the fields are "
                        + String.join(", ", ColumnMapping.FIELDS));
            }
            if (value != null && !value.isBlank()) {
                out.put(field, value.strip());
            }
        });
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
