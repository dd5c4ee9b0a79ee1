package org.knowledgehub.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.knowledgehub.Problems;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Originals;
import org.knowledgehub.store.Uris;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/documents}: upload, list, describe, download and delete documents. */
@RestController
@Tag(name = "documents")
class DocumentController {

    private final IngestService ingest;
    private final DocumentRecords records;
    private final AccessPolicy access;
    private final Originals originals;
    private final KnowledgeStore store;
    private final Uris uris;
    private final DocumentUploads uploads;
    private final AuditTrail audit;

    DocumentController(IngestService ingest, DocumentRecords records, AccessPolicy access, Originals originals,
                       KnowledgeStore store, Uris uris, DocumentUploads uploads, AuditTrail audit) {
        this.uploads = uploads;
        this.audit = audit;
        this.ingest = ingest;
        this.records = records;
        this.access = access;
        this.originals = originals;
        this.store = store;
        this.uris = uris;
    }

    @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ingest a document",
            description = "Markdown (with embedded HTML), HTML, plain text, PDF or DOCX. 201 for a new document, "
                    + "200 when the same bytes were already ingested as a document you may read (that document) or a new "
                    + "version of the same source replaced the old one. A file larger than kh.ingest.background-above "
                    + "(1 MB) is ingested in the background: 202 with its status resource (/api/ingests/{id}) in Location. "
                    + "429 or 503 with Retry-After when you or the hub have too many uploads in progress. "
                    + "Contributors and coordinators contribute for their own organisation (the owner), under sources of "
                    + "that organisation; the admin for any.")
    ResponseEntity<?> upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String title,
            @Parameter(description = "minutes, assessment, field-note or other") @RequestParam(required = false) String type,
            @Parameter(description = "Owning organisation: acronym, name or IRI; a member's own by default, and only that")
            @RequestParam(required = false) String organisation,
            @Parameter(description = "yyyy-mm-dd") @RequestParam(required = false) String date,
            @Parameter(description = "public (default), restricted or confidential") @RequestParam(required = false) String sensitivity,
            @Parameter(description = "Organisations a restricted or confidential document is shared with (repeat or comma-separate)")
            @RequestParam(required = false) List<String> sharedWith,
            @Parameter(description = "Sector codes whose members may read a restricted document (repeat or comma-separate)")
            @RequestParam(required = false) List<String> sharedWithSector,
            @Parameter(description = "Source name; defaults to the file name. A new file under the same source replaces the old one.")
            @RequestParam(required = false) String source,
            @Parameter(description = "Consent record (field notes): whether the information was collected from people, true or false")
            @RequestParam(required = false) String collectedFromPeople,
            @Parameter(description = "Consent record: whether the people concerned gave informed consent, true, false or unknown")
            @RequestParam(required = false) String informedConsent,
            @Parameter(description = "Consent record: the purpose consent was given for (needed with informedConsent=true)")
            @RequestParam(required = false) String consentPurpose,
            @Parameter(description = "Consent record: whether the document holds personal data of the people it is about, true or false")
            @RequestParam(required = false) String personalData,
            @Parameter(description = "Language of the text: en, fr or ar; detected from the text when left out or empty")
            @RequestParam(required = false) String language) {
        DocumentUploads.Fields fields = new DocumentUploads.Fields(title, type, organisation, date, sensitivity, sharedWith,
                sharedWithSector, source, collectedFromPeople, informedConsent, consentPurpose, personalData, language);
        return switch (uploads.upload(file, fields, CurrentCaller.get())) {
            case DocumentUploads.Accepted(IngestJob job) ->
                    ResponseEntity.accepted().location(URI.create("/api/ingests/" + job.id())).body(IngestStatus.of(job));
            case DocumentUploads.Ingested(IngestOutcome outcome) when outcome.status() == IngestOutcome.Status.CREATED ->
                    ResponseEntity.created(URI.create("/api/documents/" + outcome.id())).body(outcome);
            case DocumentUploads.Ingested(IngestOutcome outcome) -> ResponseEntity.ok(outcome);
        };
    }

    @GetMapping("/api/documents")
    @Operation(summary = "List the documents you may see, newest first")
    List<DocumentSummary> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0) {
            throw Problems.invalid("offset", "offset must not be negative");
        }
        if (limit < 1 || limit > 500) {
            throw Problems.invalid("limit", "limit must be between 1 and 500");
        }
        List<DocumentSummary> page = records.list(access.visibleTo(CurrentCaller.get()), offset, limit);
        audit.recordRead(CurrentCaller.get(), "documents", null, page.stream().map(DocumentSummary::graph).toList());
        return page;
    }

    @GetMapping("/api/documents/{id}")
    @Operation(summary = "Describe a document")
    DocumentSummary get(@PathVariable String id) {
        DocumentSummary doc = visible(id);
        audit.recordRead(CurrentCaller.get(), "document", doc.uri(), List.of(doc.graph()));
        return doc;
    }

    @GetMapping("/api/documents/{id}/original")
    @Operation(summary = "The original file, as it was ingested",
            description = "The original of a document with personal data holds it unmasked: only members of the owning "
                    + "organisation and admins may download it (403 for others, who can read the masked text).")
    ResponseEntity<Resource> original(@PathVariable String id) {
        DocumentSummary doc = visible(id);
        if (records.hasPersonalGraph(id) && !access.canRead(CurrentCaller.get(), uris.personalGraph(id))) {
            throw Problems.forbidden(null, "the original file of this document contains personal data, which only members "
                    + "of the organisation that owns it may read; its text, with the personal data masked, is at /api/documents/"
                    + id + "/text");
        }
        Resource original = originals.resource(doc.contentHash())
                .orElseThrow(() -> Problems.notFound("the original file of document " + id));
        String filename = doc.sourceName().substring(doc.sourceName().lastIndexOf('/') + 1);
        audit.recordRead(CurrentCaller.get(), "original", doc.uri(), List.of(doc.graph()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(doc.mediaType() == null ? "application/octet-stream" : doc.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(original);
    }

    @GetMapping(path = "/api/documents/{id}/text", produces = "text/plain;charset=UTF-8")
    @Operation(summary = "The document's extracted text; all offsets refer to it")
    String text(@PathVariable String id) {
        DocumentSummary summary = visible(id);
        audit.recordRead(CurrentCaller.get(), "text", summary.uri(), List.of(summary.graph()));
        Node graph = uris.documentGraph(id);
        Node doc = NodeFactory.createURI(uris.document(id));
        return store.readAll(d -> {
            var it = d.find(graph, doc, org.knowledgehub.ontology.KH.extractedText.asNode(), Node.ANY);
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : "";
        });
    }

    @DeleteMapping("/api/documents/{id}")
    @Operation(summary = "Delete a document: its graph, index entries and original (admin)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        DocumentSummary doc = visible(id);
        ingest.delete(id);
        audit.recordWrite(CurrentCaller.get(), "document.delete", doc.uri(), List.of(doc.graph()), "deleted");
        return ResponseEntity.noContent().build();
    }

    /** The document, if it exists and the caller may see it; otherwise 404 (never 403: existence is information). */
    private DocumentSummary visible(String id) {
        Caller caller = CurrentCaller.get();
        if (!DocumentIds.isValid(id) || !access.canRead(caller, uris.documentGraph(id))) {
            throw Problems.notFound("document " + DocumentUploads.abbreviate(id));
        }
        return records.summary(id).orElseThrow(() -> Problems.notFound("document " + DocumentUploads.abbreviate(id)));
    }
}
