package org.knowledgehub.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * Standard clients against the running hub, unmodified: Jena's RDFConnection for the SPARQL
 * Protocol and the Graph Store Protocol, plain HTTP for the service description, N-Quads and TriG,
 * the dataset export and CORS. What a caller may not see stays out of every one of them.
 */
class StandardClientsTest extends HubTest {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String RESTRICTED_GRAPH = "http://localhost:8080/graph/document/"
            + DocumentIds.forSource("field-notes/2023-04-28-protection-flash-west-bekaa-restricted.md");
    private static final String MINUTES = SparqlProtocolTest.PREFIXES
            + "SELECT ?g ?doc ?title WHERE { GRAPH ?g { ?doc a kh:Minutes ; dcterms:title ?title } } ORDER BY ?title";

    private String base() {
        return http().base();
    }

    private RDFConnection jena() {
        return RDFConnectionRemote.newBuilder().destination(base()).queryEndpoint("sparql").gspEndpoint("graph-store").build();
    }

    private String publicMinutesGraph() {
        try (RDFConnection conn = jena()) {
            List<String> graphs = new ArrayList<>();
            conn.querySelect(MINUTES, row -> graphs.add(row.getResource("g").getURI()));
            assertThat(graphs).isNotEmpty();
            return graphs.getFirst();
        }
    }

    private static Graph parse(Http.Response r, Lang lang) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.text(), lang).parse(g);
        return g;
    }

    private static DatasetGraph parseDataset(Http.Response r, Lang lang) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(r.text(), lang).parse(d);
        return d;
    }

    private Http.Response graphStore(Http as, String method, String graph, String contentType, byte[] body) {
        return as.request(method, "/graph-store?graph=" + Http.enc(graph), contentType, body);
    }

    @Test
    void jenaQueriesTheEndpointAndFetchesOnlyVisibleGraphs() {
        try (RDFConnection conn = jena()) {
            List<String> titles = new ArrayList<>();
            conn.querySelect(MINUTES, row -> titles.add(row.getLiteral("title").getString()));
            assertThat(titles).hasSizeGreaterThanOrEqualTo(5);
            assertThat(conn.queryAsk(SparqlProtocolTest.PREFIXES + "ASK { ?m a kh:Meeting }")).isTrue();

            String graph = publicMinutesGraph();
            Model fetched = conn.fetch(graph);
            assertThat(fetched.size()).isGreaterThan(10);
            assertThat(fetched.listObjectsOfProperty(DCTerms.title).toList()).isNotEmpty();

            assertThatThrownBy(() -> conn.fetch(RESTRICTED_GRAPH))
                    .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        }
        Http.Response missing = http().get("/graph-store?graph=" + Http.enc("http://localhost:8080/graph/document/nothing"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).isEqualTo(http().get("/graph-store?graph=" + Http.enc(RESTRICTED_GRAPH)).text()
                .replace(RESTRICTED_GRAPH, "http://localhost:8080/graph/document/nothing"));
        assertThat(admin().get("/graph-store?graph=" + Http.enc(RESTRICTED_GRAPH)).status()).isEqualTo(200);
        Http.Response head = http().request("HEAD", "/graph-store?graph=" + Http.enc(publicMinutesGraph()), null, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/turtle");

        // The default graph is the union of the graphs the caller may see.
        Graph union = parse(http().get("/graph-store?default", "Accept", "application/n-triples"), Lang.NTRIPLES);
        Node restrictedDocument = NodeFactory.createURI(RESTRICTED_GRAPH.replace("/graph/document/", "/id/document/"));
        Node publicDocument = NodeFactory.createURI(publicMinutesGraph().replace("/graph/document/", "/id/document/"));
        assertThat(union.contains(publicDocument, DCTerms.title.asNode(), Node.ANY)).isTrue();
        assertThat(union.contains(restrictedDocument, Node.ANY, Node.ANY)).isFalse();
        Graph adminUnion = parse(admin().get("/graph-store?default", "Accept", "application/n-triples"), Lang.NTRIPLES);
        assertThat(adminUnion.contains(restrictedDocument, DCTerms.title.asNode(), Node.ANY)).isTrue();
    }

    @Test
    void anAdminPutsAGraphWithJenaReadsItBackAndDeletesIt() {
        String graph = "http://example.org/graph-store-test/" + UUID.randomUUID();
        Model model = ModelFactory.createDefaultModel();
        model.createResource("http://example.org/item/1").addProperty(DCTerms.title, "put through the Graph Store Protocol");
        String gsp = base() + "/graph-store";
        AuthEnv.get().registerBasicAuthModifier(gsp, ADMIN_ACCOUNT, ADMIN_PASSWORD);
        try (RDFConnection conn = jena()) {
            conn.put(graph, model);
            assertThat(conn.fetch(graph).isIsomorphicWith(model)).isTrue();
            Model more = ModelFactory.createDefaultModel();
            more.createResource("http://example.org/item/2").addProperty(DCTerms.title, "posted");
            conn.load(graph, more);
            assertThat(conn.fetch(graph).size()).isEqualTo(2);
            conn.delete(graph);
        } finally {
            AuthEnv.get().unregisterAuthModifier(gsp);
        }
        assertThat(http().get("/graph-store?graph=" + Http.enc(graph)).status()).isEqualTo(404);
        JsonNode audit = admin().get("/api/audit?actor=" + ADMIN_ACCOUNT + "&graph=" + Http.enc(graph)).json();
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("graph-store.put", "graph-store.post", "graph-store.delete");
    }

    @Test
    void aDocumentGraphReplacedThroughTheGraphStoreIsReindexedAndBadWritesChangeNothing() {
        String word = "gs" + UUID.randomUUID().toString().substring(0, 8);
        byte[] md = ("# Note " + word + "\n\nThe " + word + " committee met the municipality about water trucking.\n")
                .getBytes(StandardCharsets.UTF_8);
        String graph = admin().upload("/api/documents", word + ".md", md, Map.of()).json().get("graph").asString();
        Http.Response before = http().get("/graph-store?graph=" + Http.enc(graph), "Accept", "text/turtle");
        Graph original = parse(before, Lang.TURTLE);

        // Refused, each with a problem, and the graph is as it was.
        Members.Member contributor = Members.contributor(http(), admin(), null);
        byte[] turtle = before.bytes();
        assertThat(graphStore(http(), "PUT", graph, "text/turtle", turtle).status()).isEqualTo(401);
        assertThat(graphStore(contributor.http(), "PUT", graph, "text/turtle", turtle).status()).isEqualTo(403);
        assertThat(graphStore(contributor.basic(), "DELETE", graph, null, null).status()).isEqualTo(403);
        Http.Response malformed = graphStore(admin(), "PUT", graph, "text/turtle",
                "<urn:a> <urn:b> \"unterminated .".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().get("field").asString()).isEqualTo("body");
        Http.Response badJsonLd = graphStore(admin(), "PUT", graph, "application/ld+json",
                "{\"@id\": \"urn:a\", ".getBytes(StandardCharsets.UTF_8));
        assertThat(badJsonLd.status()).as(badJsonLd.toString()).isEqualTo(400);
        assertThat(badJsonLd.json().get("field").asString()).isEqualTo("body");
        Http.Response quads = graphStore(admin(), "PUT", graph, "application/n-quads",
                "<urn:a> <urn:b> <urn:c> <urn:g> .\n".getBytes(StandardCharsets.UTF_8));
        assertThat(quads.status()).isEqualTo(415);
        byte[] huge = new byte[32 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        Http.Response tooLarge = graphStore(admin(), "PUT", graph, "text/turtle", huge);
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.json().get("field").asString()).isEqualTo("body");
        Http.Response intoDefault = admin().request("PUT", "/graph-store?default", "text/turtle", turtle);
        assertThat(intoDefault.status()).isEqualTo(400);
        assertThat(intoDefault.json().get("field").asString()).isEqualTo("graph");
        Graph after = parse(http().get("/graph-store?graph=" + Http.enc(graph), "Accept", "text/turtle"), Lang.TURTLE);
        assertThat(after.isIsomorphicWith(original)).isTrue();
        assertThat(http().get("/api/search?q=" + word).json().get("total").asInt()).isEqualTo(1);

        // The admin's replacement is searchable at once; the old wording is gone from the index.
        String replacement = "gr" + UUID.randomUUID().toString().substring(0, 8);
        Graph edited = GraphFactory.createDefaultGraph();
        original.find().forEachRemaining(t -> edited.add(Triple.create(t.getSubject(), t.getPredicate(), replaced(t.getObject(),
                word, replacement))));
        ByteArrayOutputStream turtleOut = new ByteArrayOutputStream();
        RDFDataMgr.write(turtleOut, edited, Lang.TURTLE);
        Http.Response put = graphStore(admin(), "PUT", graph, "text/turtle", turtleOut.toByteArray());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("reindexedDocuments").size()).isEqualTo(1);
        assertThat(http().get("/api/search?q=" + replacement).json().get("total").asInt()).isEqualTo(1);
        assertThat(http().get("/api/search?q=" + word).json().get("total").asInt()).isZero();
    }

    /** The word replaced in a literal (the document's IRIs stay as they are). */
    private static Node replaced(Node object, String word, String replacement) {
        if (!object.isLiteral() || !object.getLiteralLexicalForm().contains(word)) {
            return object;
        }
        String lexical = object.getLiteralLexicalForm().replace(word, replacement);
        return object.getLiteralLanguage().isEmpty() ? NodeFactory.createLiteralDT(lexical, object.getLiteralDatatype())
                : NodeFactory.createLiteralLang(lexical, object.getLiteralLanguage());
    }

    @Test
    void constructAndDescribeAnswerInNQuadsAndTrig() {
        String construct = SparqlProtocolTest.PREFIXES
                + "CONSTRUCT { ?m a kh:Meeting ; dcterms:date ?d } WHERE { ?m a kh:Meeting ; dcterms:date ?d }";
        for (Map.Entry<String, Lang> f : Map.of("application/n-quads", Lang.NQUADS, "application/trig", Lang.TRIG).entrySet()) {
            Http.Response r = http().get("/sparql?query=" + Http.enc(construct), "Accept", f.getKey());
            assertThat(r.contentType()).startsWith(f.getKey());
            DatasetGraph d = parseDataset(r, f.getValue());
            assertThat(d.getDefaultGraph().size()).as(f.getKey()).isGreaterThanOrEqualTo(10);
        }
        String graph = publicMinutesGraph();
        String doc = graph.replace("/graph/document/", "/id/document/");
        DatasetGraph described = parseDataset(http().get("/sparql?query=" + Http.enc("DESCRIBE <" + doc + ">"), "Accept",
                "application/n-quads"), Lang.NQUADS);
        assertThat(described.getDefaultGraph().contains(NodeFactory.createURI(doc), DCTerms.title.asNode(), Node.ANY)).isTrue();
        DatasetGraph linked = parseDataset(http().get(doc.replace("http://localhost:8080", ""), "Accept", "application/trig"),
                Lang.TRIG);
        assertThat(linked.getDefaultGraph().contains(NodeFactory.createURI(doc), DCTerms.title.asNode(), Node.ANY)).isTrue();
    }

    @Test
    void theServiceDescriptionNamesTheEndpointTheSearchFunctionAndOnlyVisibleGraphs() {
        Graph anonymous = parse(http().get("/sparql", "Accept", "text/turtle"), Lang.TURTLE);
        Node endpoint = anonymous.find(Node.ANY, NodeFactory.createURI(SD + "endpoint"), Node.ANY).next().getObject();
        assertThat(endpoint.getURI()).isEqualTo(base() + "/sparql");
        assertThat(anonymous.contains(Node.ANY, NodeFactory.createURI(SD + "propertyFeature"),
                NodeFactory.createURI("https://w3id.org/knowledge-hub/ns#search"))).isTrue();
        assertThat(anonymous.contains(Node.ANY, NodeFactory.createURI(SD + "resultFormat"),
                NodeFactory.createURI("http://www.w3.org/ns/formats/SPARQL_Results_JSON"))).isTrue();
        Node name = NodeFactory.createURI(SD + "name");
        assertThat(anonymous.contains(Node.ANY, name, NodeFactory.createURI(publicMinutesGraph()))).isTrue();
        assertThat(anonymous.contains(Node.ANY, name, NodeFactory.createURI(RESTRICTED_GRAPH))).isFalse();
        Graph asAdmin = parse(admin().get("/sparql", "Accept", "application/ld+json"), Lang.JSONLD);
        assertThat(asAdmin.contains(Node.ANY, name, NodeFactory.createURI(RESTRICTED_GRAPH))).isTrue();
        assertThat(parse(http().get("/sparql", "Accept", "application/rdf+xml"), Lang.RDFXML).isIsomorphicWith(anonymous)).isTrue();

        Http.Response withoutQuery = http().get("/sparql?named-graph-uri=" + Http.enc(RESTRICTED_GRAPH));
        assertThat(withoutQuery.status()).isEqualTo(400);
        assertThat(withoutQuery.json().get("field").asString()).isEqualTo("query");
    }

    @Test
    void theExportHoldsExactlyTheGraphsTheCallerMaySee() {
        Http.Response anonymous = http().get("/api/export");
        assertThat(anonymous.contentType()).startsWith("application/n-quads");
        assertThat(anonymous.header("Content-Disposition")).startsWith("attachment").contains("knowledge-hub.nq");
        DatasetGraph visible = parseDataset(anonymous, Lang.NQUADS);
        List<String> graphs = new ArrayList<>();
        visible.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        assertThat(graphs).contains(publicMinutesGraph()).doesNotContain(RESTRICTED_GRAPH);
        assertThat(visible.getDefaultGraph().isEmpty()).isTrue();

        DatasetGraph all = parseDataset(admin().get("/api/export?format=trig"), Lang.TRIG);
        assertThat(all.containsGraph(NodeFactory.createURI(RESTRICTED_GRAPH))).isTrue();
        JsonNode audit = admin().get("/api/audit?actor=admin-token&graph=" + Http.enc(RESTRICTED_GRAPH)).json();
        List<String> channels = new ArrayList<>();
        audit.forEach(e -> channels.add(e.get("channel").asString()));
        assertThat(channels).contains("export");
        assertThat(http().get("/api/export?format=xml").status()).isEqualTo(400);
    }

    @Test
    void pagesOfOtherOriginsMayQueryButNeverWithCredentials() {
        String origin = "http://notebook.example.org";
        Http.Response preflight = http().request("OPTIONS", "/sparql", null, null, "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        String document = publicMinutesGraph().replace("http://localhost:8080/graph/", "/id/");
        for (String path : List.of("/api/search?q=water", document, "/sparql?query=" + Http.enc("ASK {}"))) {
            Http.Response r = http().get(path, "Origin", origin, "Accept", "application/json");
            assertThat(r.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            assertThat(r.header("Access-Control-Allow-Credentials")).as(path).isNull();
        }
        Http.Response update = http().request("OPTIONS", "/update", null, null, "Origin", origin,
                "Access-Control-Request-Method", "POST");
        assertThat(update.header("Access-Control-Allow-Origin")).as("updates are not offered to other origins").isNull();
    }
}
