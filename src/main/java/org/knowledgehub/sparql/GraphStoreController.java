package org.knowledgehub.sparql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.knowledgehub.Problems;
import org.knowledgehub.ingest.IngestFailure;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.knowledgehub.store.VisibleDatasetGraph;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SPARQL 1.1 Graph Store Protocol at {@code /graph-store}: {@code ?graph=IRI} names a named
 * graph, {@code ?default} the default graph, which (as on {@code /sparql}) is the union of the
 * named graphs the caller may see. GET and HEAD for everyone over what they may see (anything else
 * is 404, as if absent). PUT, POST and DELETE of named graphs for admins: each is one SPARQL Update
 * through {@link IngestService#applyUpdate(UpdateRequest)}, so a document graph written here is
 * re-indexed in the same way and the access catalog follows.
 */
@RestController
@Tag(name = "sparql")
class GraphStoreController {

    /** What a PUT or POST may send: one graph. */
    private static final List<ResultFormat> BODY_FORMATS =
            List.of(ResultFormat.TURTLE, ResultFormat.NTRIPLES, ResultFormat.RDFXML, ResultFormat.JSONLD);

    private final KnowledgeStore store;
    private final AccessPolicy access;
    private final IngestService ingest;
    private final AuditTrail audit;
    private final SparqlPool pool;
    private final Uris uris;
    private final GraphStoreProperties properties;

    GraphStoreController(KnowledgeStore store, AccessPolicy access, IngestService ingest, AuditTrail audit, SparqlPool pool,
                         Uris uris, GraphStoreProperties properties) {
        this.store = store;
        this.access = access;
        this.ingest = ingest;
        this.audit = audit;
        this.pool = pool;
        this.uris = uris;
        this.properties = properties;
    }

    @GetMapping("/graph-store")
    @Operation(summary = "Graph Store Protocol: read a graph",
            description = "?graph=IRI (a named graph you may see) or ?default (the union of those); Turtle, N-Triples, N-Quads or TriG by Accept")
    void get(HttpServletRequest request, HttpServletResponse response,
             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        Node graph = target(request);
        Caller caller = CurrentCaller.get();
        if (graph != null && !access.canRead(caller, graph)) {
            throw Problems.notFound("the graph " + graph.getURI());
        }
        ResultFormat format = ResultFormat.negotiate(accept, StreamedRdf.STREAMABLE);
        VisibleGraphs visible = access.visibleTo(caller);
        VisibleDatasetGraph view = store.view(visible.graphs(), audit.protectedGraphs(visible));
        response.setHeader(HttpHeaders.CONTENT_TYPE, format.contentType());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        StreamedRdf.write(response.getOutputStream(), format, uris.base(), view, graph == null ? Node.ANY : graph, true);
        audit.recordRead(caller, "graph-store", graph == null ? "GET default" : "GET <" + graph.getURI() + ">",
                view.watchedGraphsRead());
    }

    @PutMapping("/graph-store")
    @Operation(summary = "Graph Store Protocol: replace a named graph (admin)",
            description = "?graph=IRI; the body in Turtle, N-Triples, RDF/XML or JSON-LD; a document graph is re-indexed")
    ResponseEntity<IngestService.UpdateOutcome> put(HttpServletRequest request) throws IOException {
        Node graph = writable(request);
        Graph content = body(request, graph);
        UpdateRequest update = new UpdateRequest().add(new UpdateDrop(graph, true)).add(insert(graph, content));
        return apply("put", graph, update, request);
    }

    @PostMapping("/graph-store")
    @Operation(summary = "Graph Store Protocol: add to a named graph (admin)",
            description = "?graph=IRI; the body in Turtle, N-Triples, RDF/XML or JSON-LD; a document graph is re-indexed")
    ResponseEntity<IngestService.UpdateOutcome> post(HttpServletRequest request) throws IOException {
        Node graph = writable(request);
        Graph content = body(request, graph);
        return apply("post", graph, new UpdateRequest().add(insert(graph, content)), request);
    }

    @DeleteMapping("/graph-store")
    @Operation(summary = "Graph Store Protocol: delete a named graph (admin)",
            description = "?graph=IRI; a document graph deleted takes the document's passages out of search")
    ResponseEntity<IngestService.UpdateOutcome> delete(HttpServletRequest request) {
        Node graph = writable(request);
        if (!access.canRead(CurrentCaller.get(), graph)) {
            throw Problems.notFound("the graph " + graph.getURI());
        }
        return apply("delete", graph, new UpdateRequest().add(new UpdateDrop(graph, false)), request);
    }

    private ResponseEntity<IngestService.UpdateOutcome> apply(String action, Node graph, UpdateRequest update,
                                                              HttpServletRequest request) {
        Caller caller = CurrentCaller.get();
        boolean existed = access.canRead(caller, graph);
        IngestService.UpdateOutcome outcome;
        try {
            outcome = pool.run(caller, request.getRemoteAddr(), () -> ingest.applyUpdate(update));
        } catch (IngestFailure e) {
            throw Problems.invalid("body", e.getMessage());
        }
        audit.recordWrite(caller, "graph-store." + action, action.toUpperCase() + " <" + graph.getURI() + ">", outcome.graphs());
        return ResponseEntity.status(existed || action.equals("delete") ? HttpStatus.OK : HttpStatus.CREATED).body(outcome);
    }

    /** The graph named by {@code ?graph}, or null for {@code ?default}; exactly one of them. */
    private static Node target(HttpServletRequest request) {
        String[] named = request.getParameterValues("graph");
        boolean isDefault = request.getParameter("default") != null;
        if ((named == null) == !isDefault || named != null && named.length > 1) {
            throw Problems.invalid("graph", "give either graph=IRI (once) or default");
        }
        if (isDefault) {
            return null;
        }
        try {
            IRIx iri = IRIx.create(named[0]);
            if (!iri.isAbsolute()) {
                throw Problems.invalid("graph", "the graph must be named by an absolute IRI");
            }
            return NodeFactory.createURI(iri.str());
        } catch (IRIException e) {
            throw Problems.invalid("graph", "the graph is not named by a valid IRI: " + e.getMessage());
        }
    }

    private static Node writable(HttpServletRequest request) {
        Node graph = target(request);
        if (graph == null) {
            throw Problems.invalid("graph", "the default graph is the union of the named graphs and cannot be written; "
                    + "name a graph with graph=IRI");
        }
        return graph;
    }

    /** The request's graph: at most {@code kh.graph-store.max-body}, in a format of one graph, well-formed. */
    private Graph body(HttpServletRequest request, Node graph) throws IOException {
        ResultFormat format = bodyFormat(request.getContentType());
        long max = properties.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (bytes.length > max) {
            throw tooLarge(max);
        }
        Graph content = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.rdfFormat.getLang()).base(graph.getURI())
                    .parse(content);
        } catch (RiotException e) {
            throw Problems.invalid("body", "the body is not well-formed " + format.rdfFormat.getLang().getLabel() + ": "
                    + e.getMessage());
        }
        return content;
    }

    private static ResultFormat bodyFormat(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            throw Problems.invalid("Content-Type", "the Content-Type header cannot be parsed");
        }
        if (type != null) {
            for (ResultFormat f : BODY_FORMATS) {
                if (f.mediaType.equalsTypeAndSubtype(type)) {
                    return f;
                }
            }
        }
        throw Problems.unsupportedMediaType("Content-Type", "send one graph as "
                + BODY_FORMATS.stream().map(f -> f.mediaType.toString()).toList()
                + (type != null && ResultFormat.FOR_DATASETS.stream().anyMatch(f -> f.mediaType.equalsTypeAndSubtype(type))
                ? "; a dataset (N-Quads, TriG) names its own graphs and cannot be put into one" : ""));
    }

    private static UpdateDataInsert insert(Node graph, Graph content) {
        return new UpdateDataInsert(new QuadDataAcc(content.find().mapWith(t -> new Quad(graph, t)).toList()));
    }

    private static RuntimeException tooLarge(long max) {
        return Problems.payloadTooLarge("body", "the graph sent is larger than kh.graph-store.max-body (" + max + " bytes)");
    }
}
