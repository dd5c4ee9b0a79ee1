package org.knowledgehub.sparql;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.knowledgehub.Problems;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.knowledgehub.store.VisibleDatasetGraph;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole dataset a caller may see, every visible named graph with its name, streamed as
 * N-Quads or TriG for download. Reads of restricted and confidential graphs are audited as the
 * SPARQL endpoint's are.
 */
@RestController
@Tag(name = "sparql")
class DatasetExportController {

    private static final Map<String, ResultFormat> BY_NAME = Map.of("nquads", ResultFormat.NQUADS, "trig", ResultFormat.TRIG);
    private static final Map<ResultFormat, String> FILE_NAMES =
            Map.of(ResultFormat.NQUADS, "knowledge-hub.nq", ResultFormat.TRIG, "knowledge-hub.trig");

    private final KnowledgeStore store;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Uris uris;

    DatasetExportController(KnowledgeStore store, AccessPolicy access, AuditTrail audit, Uris uris) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.uris = uris;
    }

    @GetMapping("/api/export")
    @Operation(summary = "Export the graphs you may see",
            description = "Every named graph you may see, as N-Quads (default) or TriG: by format (nquads, trig) or Accept")
    void export(HttpServletResponse response, @RequestParam(required = false) String format,
                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        ResultFormat chosen = format == null ? ResultFormat.negotiate(accept, ResultFormat.FOR_DATASETS) : BY_NAME.get(format);
        if (chosen == null) {
            throw Problems.invalid("format", "format is one of " + BY_NAME.keySet().stream().sorted().toList());
        }
        Caller caller = CurrentCaller.get();
        VisibleGraphs visible = access.visibleTo(caller);
        VisibleDatasetGraph view = store.view(visible.graphs(), audit.protectedGraphs(visible));
        response.setHeader(HttpHeaders.CONTENT_TYPE, chosen.contentType());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(FILE_NAMES.get(chosen)).build().toString());
        StreamedRdf.write(response.getOutputStream(), chosen, uris.base(), view, Node.ANY, false);
        audit.recordRead(caller, "export", "dataset " + chosen.mediaType, view.watchedGraphsRead());
    }
}
