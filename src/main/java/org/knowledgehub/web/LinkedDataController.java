package org.knowledgehub.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.knowledgehub.Problems;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.ingest.MetadataCorrections;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Accounts;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.sparql.ResultFormat;
import org.knowledgehub.store.Descriptions;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.knowledgehub.store.VisibleDatasetGraph;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.context.Context;

/**
 * Linked Data: every IRI the hub mints under {@code {base}id/} dereferences here, to Turtle,
 * JSON-LD, N-Triples or RDF/XML, or to a readable page for browsers (a research question's page is
 * {@code /questions/{id}}, where browsers are sent). Only what the caller may see is described;
 * anything else is 404, as if it did not exist.
 */
@RestController
@Tag(name = "linked data")
class LinkedDataController {

    private final KnowledgeStore store;
    private final AccessPolicy access;
    private final Uris uris;
    private final ResourcePages pages;
    private final ITemplateEngine templates;
    private final MetadataCorrections corrections;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final PageHeader header;

    LinkedDataController(KnowledgeStore store, AccessPolicy access, Uris uris, ResourcePages pages, ITemplateEngine templates,
                          MetadataCorrections corrections,
                         Accounts accounts, AuditTrail audit, PageHeader header) {
        this.header = header;
        this.accounts = accounts;
        this.audit = audit;
        this.store = store;
        this.access = access;
        this.uris = uris;
        this.pages = pages;
        this.templates = templates;
        this.corrections = corrections;
    }

    @GetMapping("/id/**")
    @Operation(summary = "Dereference a resource", description = "Turtle (default), JSON-LD, N-Triples, RDF/XML or HTML by Accept")
    ResponseEntity<byte[]> resource(HttpServletRequest request, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + 1);
        String uri = uris.base() + path;
        VisibleGraphs visible = access.visibleTo(CurrentCaller.get());
        // Watching the restricted and confidential graphs: the audit trail records those the page or description read.
        VisibleDatasetGraph view = store.view(visible.graphs(), audit.protectedGraphs(visible));
        if (wantsHtml(accept)) {
            String[] parts = path.split("/");
            if (parts.length == 3 && parts[1].equals("question")) {
                // A research question's page is a page of its own, with its ranked answers and review forms.
                return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/questions/" + parts[2])
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
            }
            // Rendered here rather than by a view: the reader's language is set on the context by hand.
            Locale reader = RequestContextUtils.getLocale(request);
            Context context = new Context(reader);
            // The page header: who is signed in, the token its sign-out form needs, and the language switch.
            context.setVariable("me", accounts.profile(CurrentCaller.get()));
            context.setVariable("languages", header.languages(request, reader));
            context.setVariable("_csrf", request.getAttribute("_csrf"));
            if (parts.length == 3 && parts[1].equals("document") && DocumentIds.isValid(parts[2])) {
                // The correction form, for the document's owners, and what became of the last correction.
                context.setVariable("mayCorrect", corrections.mayCorrect(CurrentCaller.get(), parts[2]));
                context.setVariable("corrected", request.getParameter("corrected") != null);
                Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
                if (flash != null) {
                    context.setVariable("refusedField", flash.get("refusedField"));
                    context.setVariable("refusedMessage", flash.get("refusedMessage"));
                }
            }
            String html = Txn.calculateRead(view, () -> renderPage(view, context, uri, path));
            audit.recordRead(CurrentCaller.get(), "linked-data-page", uri, view.watchedGraphsRead());
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(html.getBytes(StandardCharsets.UTF_8));
        }
        ResultFormat format = ResultFormat.negotiate(accept, ResultFormat.FOR_GRAPHS);
        Graph description = Txn.calculateRead(view, () -> Descriptions.describe(view, NodeFactory.createURI(uri)));
        if (description.isEmpty()) {
            throw Problems.notFound(uri);
        }
        audit.recordRead(CurrentCaller.get(), "linked-data", uri, view.watchedGraphsRead());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(format.write(description, uris.base()));
    }

    private String renderPage(VisibleDatasetGraph view, Context context, String uri, String path) {
        context.setVariable("uri", uri);
        String[] parts = path.split("/");
        Optional<ResourcePages.DocumentPage> document = parts.length == 3 && parts[1].equals("document")
                ? pages.document(view, parts[2]) : Optional.empty();
        if (document.isPresent()) {
            context.setVariable("doc", document.get());
            return templates.process("document", context);
        }
        Optional<ResourcePages.ResourcePage> resource = pages.resource(view, uri);
        if (resource.isEmpty()) {
            throw Problems.notFound(uri);
        }
        context.setVariable("page", resource.get());
        return templates.process("resource", context);
    }

    /** HTML only when the client asks for it before any RDF type (browsers do; curl and RDF tools do not). */
    static boolean wantsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType t : types) {
            if (t.isWildcardType()) {
                return false;
            }
            if (t.isCompatibleWith(MediaType.TEXT_HTML) || t.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                return !t.isWildcardSubtype();
            }
            if (ResultFormat.FOR_GRAPHS.stream().anyMatch(f -> t.includes(f.mediaType))) {
                return false;
            }
        }
        return false;
    }
}
