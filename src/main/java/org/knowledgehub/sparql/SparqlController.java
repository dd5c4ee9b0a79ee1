package org.knowledgehub.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.knowledgehub.Problems;
import org.knowledgehub.ingest.IngestFailure;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.store.Uris;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SPARQL 1.1 Protocol at {@code /sparql} (queries, for everyone, over what they may see) and
 * {@code /update} (updates, for the admin). Queries: GET with {@code query}, POST as
 * a form or with the query as the body ({@code application/sparql-query}); {@code
 * default-graph-uri} and {@code named-graph-uri} as in the protocol. Results as JSON, XML, CSV or
 * TSV; graphs as Turtle, JSON-LD, N-Triples, RDF/XML, N-Quads or TriG (the default graph), by Accept.
 * GET without parameters answers the {@link ServiceDescription}.
 */
@RestController
@Tag(name = "sparql")
class SparqlController {

    private static final MediaType SPARQL_QUERY = MediaType.parseMediaType("application/sparql-query");
    private static final MediaType SPARQL_UPDATE = MediaType.parseMediaType("application/sparql-update");
    private static final List<ResultFormat> DESCRIPTION_FORMATS =
            List.of(ResultFormat.TURTLE, ResultFormat.JSONLD, ResultFormat.RDFXML, ResultFormat.NTRIPLES);

    private final SparqlService sparql;
    private final IngestService ingest;
    private final Uris uris;
    private final AuditTrail audit;
    private final SparqlPool pool;
    private final AccessPolicy access;

    SparqlController(SparqlService sparql, IngestService ingest, Uris uris, AuditTrail audit, SparqlPool pool, AccessPolicy access) {
        this.access = access;
        this.pool = pool;
        this.audit = audit;
        this.sparql = sparql;
        this.ingest = ingest;
        this.uris = uris;
    }

    @GetMapping("/sparql")
    @Operation(summary = "SPARQL query (GET)", description = "Parameters: query, default-graph-uri, named-graph-uri. "
            + "Without parameters: the SPARQL 1.1 service description (Turtle, JSON-LD, RDF/XML, N-Triples by Accept)")
    ResponseEntity<byte[]> get(HttpServletRequest request, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String query = single(request, "query");
        if (query == null) {
            return description(request, accept);
        }
        return answer(query, request, accept);
    }

    /**
     * Without a query and without other parameters: the service description, or for a person
     * opening the endpoint in a browser, the query page. A client that accepts no description
     * format (it wanted results) is told the query is missing.
     */
    private ResponseEntity<byte[]> description(HttpServletRequest request, String accept) {
        if (!request.getParameterMap().isEmpty()) {
            throw Problems.invalid("query", "the query parameter is missing");
        }
        if (accept != null && accept.contains("text/html")) {
            return ResponseEntity.status(303).location(URI.create("/query")).build();
        }
        ResultFormat format = ResultFormat.acceptable(accept, DESCRIPTION_FORMATS).orElseThrow(() -> Problems.invalid("query",
                "the query parameter is missing; without one, /sparql answers its service description as "
                        + DESCRIPTION_FORMATS.stream().map(f -> f.mediaType.toString()).toList()));
        Graph description = ServiceDescription.of(request.getRequestURL().toString(), access.visibleTo(CurrentCaller.get()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(format.write(description, uris.base()));
    }

    @PostMapping("/sparql")
    @Operation(summary = "SPARQL query (POST)",
            description = "As a form (application/x-www-form-urlencoded, parameter query) or with the query as the body (application/sparql-query)")
    ResponseEntity<byte[]> post(HttpServletRequest request, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
            throws IOException {
        MediaType type = contentType(request);
        String query;
        if (type != null && SPARQL_QUERY.isCompatibleWith(type)) {
            query = StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8);
        } else if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            if (request.getParameter("update") != null) {
                throw Problems.invalid("update", "updates go to /update, not /sparql");
            }
            query = single(request, "query");
        } else {
            throw Problems.unsupportedMediaType("Content-Type",
                    "send the query as application/sparql-query or as an application/x-www-form-urlencoded form");
        }
        return answer(query, request, accept);
    }

    @PostMapping("/update")
    @Operation(summary = "SPARQL Update (admin)",
            description = "As the body (application/sparql-update) or a form parameter update. Every document graph the update "
                    + "touches is re-indexed; LOAD and writes to the default graph (the union of the named graphs) are refused.")
    IngestService.UpdateOutcome update(HttpServletRequest request) throws IOException {
        MediaType type = contentType(request);
        String update;
        if (type != null && SPARQL_UPDATE.isCompatibleWith(type)) {
            update = StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8);
        } else if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            update = single(request, "update");
        } else {
            throw Problems.unsupportedMediaType("Content-Type",
                    "send the update as application/sparql-update or as an application/x-www-form-urlencoded form");
        }
        if (update == null || update.isBlank()) {
            throw Problems.invalid("update", "the update is empty");
        }
        try {
            Caller caller = CurrentCaller.get();
            IngestService.UpdateOutcome outcome = pool.run(caller, request.getRemoteAddr(), () -> ingest.applyUpdate(update));
            audit.recordWrite(caller, "sparql.update", "UPDATE " + AuditTrail.digest(update), outcome.graphs());
            return outcome;
        } catch (IngestFailure e) {
            throw Problems.badQuery(e.field(), e.getMessage());
        }
    }

    private ResponseEntity<byte[]> answer(String queryString, HttpServletRequest request, String accept) {
        if (queryString == null) {
            throw Problems.invalid("query", "the query parameter is missing");
        }
        Query query = sparql.parse(queryString);
        List<ResultFormat> offered = query.isConstructType() || query.isDescribeType()
                ? ResultFormat.FOR_GRAPHS : ResultFormat.FOR_RESULTS;
        ResultFormat format = ResultFormat.negotiate(accept, offered);
        SparqlResult result = sparql.execute(query, values(request, "default-graph-uri"), values(request, "named-graph-uri"),
                CurrentCaller.get(), request.getRemoteAddr());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (result) {
            case SparqlResult.Rows rows -> ResultsWriter.create().lang(format.resultsLang)
                    .write(out, RowSetStream.create(rows.vars(), rows.rows().iterator()));
            case SparqlResult.Bool bool -> ResultsWriter.create().lang(format.resultsLang).write(out, bool.value());
            case SparqlResult.Triples triples -> out.writeBytes(format.write(triples.graph(), uris.base()));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(out.toByteArray());
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw Problems.invalid(name, "give " + name + " once");
        }
        return values[0];
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (RuntimeException e) {
            throw Problems.invalid("Content-Type", "the Content-Type header cannot be parsed");
        }
    }
}
