package org.knowledgehub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.knowledgehub.Problems;
import org.knowledgehub.TextInput;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * One document upload, whether it comes from {@code POST /api/documents} or the upload page: the
 * fields are checked first (so a bad request never waits for a worker), then the file is ingested
 * at once or, when large, accepted as a background job; either way the write is audited.
 */
@Service
class DocumentUploads {

    private static final int MAX_NAME = 255;
    private static final int MAX_TITLE = 500;

    /** The upload's fields as sent, each optional; named as the API names them. */
    record Fields(String title, String type, String organisation, String date, String sensitivity, List<String> sharedWith,
                  List<String> sharedWithSector, String source, String collectedFromPeople, String informedConsent,
                  String consentPurpose, String personalData, String language) {
    }

    /** What became of an upload: a document, or a background job that will make one. */
    sealed interface Result {
    }

    record Ingested(IngestOutcome outcome) implements Result {
    }

    record Accepted(IngestJob job) implements Result {
    }

    private final IngestJobs jobs;
    private final UploadPolicy uploads;
    private final AuditTrail audit;

    DocumentUploads(IngestJobs jobs, UploadPolicy uploads, AuditTrail audit) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.audit = audit;
    }

    /**
     * Ingests the file, or accepts it as a background job.
     *
     * @throws ErrorResponseException the RFC 9457 problem, naming the field at fault, when the upload is refused;
     *                                nothing is stored then
     */
    Result upload(MultipartFile file, Fields f, Caller caller) {
        if (file == null || file.isEmpty()) {
            throw Problems.invalid("file", file == null ? "the multipart part 'file' is missing" : "the file is empty");
        }
        String owner = uploads.owner(caller, f.organisation());
        boolean named = f.source() != null && !f.source().isBlank();
        String sourceName = uploads.source(caller, owner, sourceName(named ? f.source() : file.getOriginalFilename(),
                named ? "source" : "file"));
        Sensitivity level = f.sensitivity() == null || f.sensitivity().isBlank() ? Sensitivity.PUBLIC
                : Sensitivity.fromCode(f.sensitivity()).orElseThrow(() -> Problems.invalid("sensitivity",
                        "sensitivity must be one of public, restricted, confidential"));
        IngestOutcome outcome;
        try {
            ConsentRecord consent = ConsentRecord.fromFields(f.collectedFromPeople(), f.informedConsent(), f.consentPurpose(),
                    f.personalData()).orElse(null);
            IngestRequest request = new IngestRequest(bytes(file), sourceName, title(f.title()), type(f.type()), owner,
                    date(f.date()), level, caller.name(), uploads.sharedWith(f.sharedWith(), level),
                    uploads.sharedWithSectors(f.sharedWithSector(), level), consent, null, language(f.language()));
            if (jobs.inBackground(request)) {
                IngestJob job = jobs.accept(request, caller);
                audit.recordWrite(caller, "document.upload", "/api/ingests/" + job.id(), List.of(), "accepted");
                return new Accepted(job);
            }
            outcome = jobs.ingestNow(request, caller);
        } catch (IngestFailure e) {
            throw e.problem();
        }
        audit.recordWrite(caller, "document.upload", outcome.uri(), List.of(outcome.graph()), outcome.status().code());
        return new Ingested(outcome);
    }

    /**
     * The file's name without any directory part: a name like {@code ../../etc/passwd} is only a
     * name here (originals are stored by hash), but it must not pretend to be a path.
     */
    static String sourceName(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw Problems.invalid(field, "the file has no name; send a file name or the source parameter");
        }
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw Problems.invalid(field, "the name contains control characters");
        }
        String name = raw.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw Problems.invalid(field, "the name '" + abbreviate(raw) + "' has no file name part");
        }
        if (name.length() > MAX_NAME) {
            throw Problems.invalid(field, "the name is longer than " + MAX_NAME + " characters");
        }
        return name;
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        return TextInput.line("title", title, MAX_TITLE);
    }

    private static DocumentType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return DocumentType.fromCode(type)
                .orElseThrow(() -> Problems.invalid("type", "type must be one of minutes, assessment, field-note, other"));
    }

    /** The declared language's code, or null (empty) to have it guessed from the text. */
    private static String language(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        if (!LanguageGuess.CODES.contains(code)) {
            throw Problems.invalid("language", "language must be one of " + String.join(", ", LanguageGuess.CODES)
                    + " or empty to detect it, got '" + abbreviate(language) + "'");
        }
        return code;
    }

    private static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid("date", "date must be yyyy-mm-dd, got '" + abbreviate(date) + "'");
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
