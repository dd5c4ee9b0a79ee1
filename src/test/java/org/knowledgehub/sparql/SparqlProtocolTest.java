package org.knowledgehub.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** The SPARQL 1.1 Protocol at {@code /sparql}: methods, result formats, errors, timeout, text search. */
class SparqlProtocolTest extends HubTest {

    static final String PREFIXES = """
            PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    static final String DOCUMENTS = PREFIXES + "SELECT ?doc ?title WHERE { ?doc a kh:Minutes ; dcterms:title ?title } ORDER BY ?title";

    private Http.Response get(String query, String accept) {
        return http().get("/sparql?query=" + Http.enc(query), "Accept", accept);
    }

    @Test
    void getFormAndDirectPostGiveTheSameAnswer() {
        Http.Response viaGet = get(DOCUMENTS, "application/sparql-results+json");
        Http.Response viaForm = http().postForm("/sparql", Map.of("query", DOCUMENTS), "Accept", "application/sparql-results+json");
        Http.Response direct = http().post("/sparql", "application/sparql-query", DOCUMENTS.getBytes(StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        for (Http.Response r : new Http.Response[]{viaGet, viaForm, direct}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("application/sparql-results+json");
        }
        JsonNode bindings = viaGet.json().get("results").get("bindings");
        assertThat(bindings.size()).isGreaterThanOrEqualTo(5);
        assertThat(viaForm.json()).isEqualTo(viaGet.json());
        assertThat(direct.json()).isEqualTo(viaGet.json());
        assertThat(viaGet.header("Vary")).contains("Accept");
    }

    @Test
    void selectResultsInEveryFormat() {
        assertThat(get(DOCUMENTS, "application/sparql-results+xml").text()).contains("<sparql").contains("<binding name=\"title\">");
        Http.Response csv = get(DOCUMENTS, "text/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).startsWith("doc,title");
        Http.Response tsv = get(DOCUMENTS, "text/tab-separated-values");
        assertThat(tsv.contentType()).startsWith("text/tab-separated-values");
        assertThat(tsv.text()).startsWith("?doc\t?title");
        assertThat(get(DOCUMENTS, "application/json").contentType()).startsWith("application/sparql-results+json");
        assertThat(get(DOCUMENTS, null).contentType()).as("default").startsWith("application/sparql-results+json");
        Http.Response ask = get(PREFIXES + "ASK { ?m a kh:Meeting }", "application/sparql-results+json");
        assertThat(ask.json().get("boolean").asBoolean()).isTrue();
    }

    @Test
    void graphResultsInEveryRdfFormat() {
        String construct = PREFIXES + "CONSTRUCT { ?m a kh:Meeting ; dcterms:date ?d } WHERE { ?m a kh:Meeting ; dcterms:date ?d }";
        Map<String, Lang> formats = Map.of("text/turtle", Lang.TURTLE, "application/n-triples", Lang.NTRIPLES,
                "application/ld+json", Lang.JSONLD, "application/rdf+xml", Lang.RDFXML);
        formats.forEach((accept, lang) -> {
            Http.Response r = get(construct, accept);
            assertThat(r.status()).as(accept + " " + r).isEqualTo(200);
            assertThat(r.contentType()).startsWith(accept);
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.text(), lang).parse(g);
            assertThat(g.size()).as(accept).isGreaterThanOrEqualTo(10);
        });
        String documentUri = get(DOCUMENTS, "application/sparql-results+json").json()
                .get("results").get("bindings").get(0).get("doc").get("value").asString();
        Http.Response described = get("DESCRIBE <" + documentUri + ">", "text/turtle");
        assertThat(described.status()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(described.text(), Lang.TURTLE).parse(g);
        assertThat(described.text()).contains("dcterms:title");
        assertThat(get(construct, null).contentType()).as("default").startsWith("text/turtle");
    }

    @Test
    void errorsAreProblems() {
        Http.Response syntax = get("SELECT ?x WHERE { ?x ?y }", "application/sparql-results+json");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.json().get("field").asString()).isEqualTo("query");
        assertThat(syntax.json().get("detail").asString()).contains("line 1");
        // Without a query, /sparql describes itself, in RDF: a client that wanted results is told the query is missing.
        Http.Response noQuery = http().get("/sparql", "Accept", "application/sparql-results+json");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.json().get("field").asString()).isEqualTo("query");
        assertThat(http().get("/sparql").contentType()).startsWith("text/turtle");
        Http.Response unacceptable = get(DOCUMENTS, "image/png");
        assertThat(unacceptable.status()).isEqualTo(406);
        assertThat(unacceptable.contentType()).startsWith("application/problem+json");
        Http.Response service = get("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "application/json");
        assertThat(service.status()).isEqualTo(400);
        assertThat(service.json().get("detail").asString()).contains("SERVICE");
        // ... wherever it hides: in NOT EXISTS, a subquery, a BIND (EXISTS) or ORDER BY.
        for (String hidden : List.of(
                "SELECT * { ?s ?p ?o FILTER NOT EXISTS { SERVICE SILENT <http://127.0.0.1:9/x> { ?s ?p ?o } } } LIMIT 1",
                "SELECT * { { SELECT ?s { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } } }",
                "SELECT * { ?s ?p ?o BIND(EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } AS ?e) } LIMIT 1",
                "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }) LIMIT 1")) {
            Http.Response refused = get(hidden, "application/json");
            assertThat(refused.status()).as(hidden).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).contains("SERVICE (federated query) is not allowed");
        }
        assertThat(http().post("/sparql", "text/plain", "SELECT * {}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(415);
        Http.Response update = http().postForm("/sparql", Map.of("update", "DROP ALL"));
        assertThat(update.status()).isEqualTo(400);
        assertThat(http().post("/update", "application/sparql-update", "DROP ALL".getBytes(StandardCharsets.UTF_8)).status())
                .as("updates are not open to anonymous users").isEqualTo(401);
    }

    @Test
    void aQueryThatRunsTooLongIsCancelledAndTheServerKeepsServing() {
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        long t0 = System.nanoTime();
        Http.Response r = get(heavy, "application/sparql-results+json");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("type").asString()).endsWith("/timeout");
        assertThat(seconds).isLessThan(30);
        assertThat(get(DOCUMENTS, "application/sparql-results+json").status()).isEqualTo(200);
    }

    @Test
    void fullTextSearchMixesWithGraphPatterns() {
        String q = PREFIXES + """
                SELECT ?passage ?score ?snippet ?date WHERE {
                  (?passage ?score ?snippet) kh:search ("water trucking" 20) .
                  ?passage kh:inDocument ?doc .
                  ?doc a kh:Minutes ; dcterms:date ?date .
                } ORDER BY DESC(?score)""";
        JsonNode bindings = get(q, "application/sparql-results+json").json().get("results").get("bindings");
        assertThat(bindings.size()).isPositive();
        double previous = Double.MAX_VALUE;
        for (JsonNode b : bindings) {
            double score = b.get("score").get("value").asDouble();
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
            assertThat(b.get("snippet").get("value").asString()).contains("<mark>");
            assertThat(b.get("date").get("value").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        Http.Response badText = get(PREFIXES + "SELECT * { ?p kh:search \"water AND\" }", "application/json");
        assertThat(badText.status()).isEqualTo(400);
    }

    @Test
    void protocolGraphParametersChooseTheDataset() {
        JsonNode some = get(DOCUMENTS, "application/sparql-results+json").json().get("results").get("bindings").get(0);
        String doc = some.get("doc").get("value").asString();
        String graph = doc.replace("/id/document/", "/graph/document/");
        String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
        int all = get(count, "application/json").json().get("results").get("bindings").get(0).get("n").get("value").asInt();
        int one = http().get("/sparql?query=" + Http.enc(count) + "&default-graph-uri=" + Http.enc(graph), "Accept", "application/json")
                .json().get("results").get("bindings").get(0).get("n").get("value").asInt();
        assertThat(one).isPositive().isLessThan(all);
        String named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
        JsonNode graphs = http().get("/sparql?query=" + Http.enc(named) + "&named-graph-uri=" + Http.enc(graph), "Accept", "application/json")
                .json().get("results").get("bindings");
        assertThat(graphs.size()).isEqualTo(1);
        assertThat(graphs.get(0).get("g").get("value").asString()).isEqualTo(graph);
    }
}
