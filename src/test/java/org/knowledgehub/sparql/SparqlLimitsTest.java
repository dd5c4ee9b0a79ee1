package org.knowledgehub.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;

/**
 * The SPARQL endpoint's bounds (defaults: 1 worker, 4 waiting, 2 per anonymous address, 4 per
 * signed-in caller, depth 200; the tests' timeout is 3 s): deep queries, the time and result
 * budgets, and refusals for load.
 */
class SparqlLimitsTest extends HubTest {

    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final String LIGHT = "ASK { ?s ?p ?o }";

    private Http.Response query(Http client, String query, String accept) {
        return client.post("/sparql", "application/sparql-query", query.getBytes(StandardCharsets.UTF_8), "Accept", accept);
    }

    private void assertTooDeep(String query) {
        Http.Response r = query(http(), query, "application/json");
        assertThat(r.status()).as(query.substring(0, 60) + " " + r.status() + " " + r.text().substring(0, Math.min(300, r.text().length()))).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("query");
        assertThat(r.json().get("detail").asString()).contains("kh.sparql.max-depth (200)");
    }

    @Test
    void deepQueriesAreRefusedBeforeTheyRun() {
        // Parses flat, compiles to 3,000 nested unions: refused by the depth check.
        assertTooDeep("SELECT * WHERE { " + "{ ?s ?p 1 } UNION ".repeat(3000) + "{ ?s ?p 2 } }");
        // Nests in the parser itself.
        assertTooDeep("SELECT * WHERE " + "{ ".repeat(5000) + "?s ?p ?o" + " }".repeat(5000));
        assertTooDeep("SELECT * WHERE { ?s ?p ?o FILTER(" + "(".repeat(5000) + "?o" + ")".repeat(5000) + ") }");
        // Parses in a loop, nests as expressions: 1 + 1 + ... is 3,000 nested additions.
        assertTooDeep("SELECT * WHERE { ?s ?p ?o FILTER(?o = 0" + " + 1".repeat(3000) + ") }");
        assertTooDeep("SELECT * WHERE { ?s ?p ?o BIND(" + "1 + ".repeat(3000) + "1 AS ?x) } ORDER BY (?x" + " * 2".repeat(300) + ")");
        assertTooDeep("SELECT * WHERE " + "{ SELECT ?s WHERE ".repeat(300) + "{ ?s ?p ?o }" + " }".repeat(300));
        assertTooDeep("SELECT * WHERE { ?s " + "(".repeat(1000) + "<urn:p>" + ")*".repeat(1000) + " ?o }");
        assertTooDeep("SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(300) + "}".repeat(300) + " }");
    }

    @Test
    void aQueryWithinTheDepthLimitRuns() {
        Http.Response r = query(http(), "SELECT * WHERE { " + "{ ?s ?p 1 } UNION ".repeat(100) + "{ ?s ?p 2 } } LIMIT 1",
                "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void aCancelledQueryFreesTheOnlyWorker() {
        for (String heavy : List.of(
                "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
                "SELECT ?c (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c ORDER BY DESC(?n) LIMIT 1",
                SparqlProtocolTest.PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { (?p ?score) kh:search (\"water\" 10000) ."
                        + " ?a ?b ?c . ?d ?e ?f FILTER(?score > 0) }")) {
            long t0 = System.nanoTime();
            Http.Response r = query(http(), heavy, "application/json");
            assertThat(r.status()).as(heavy + " " + r).isEqualTo(503);
            assertThat(r.json().get("type").asString()).endsWith("/timeout");
            assertThat((System.nanoTime() - t0) / 1_000_000_000).as("seconds for " + heavy).isLessThan(20);
            // With one worker, this answer shows the cancelled query gave the worker back.
            assertThat(query(http(), LIGHT, "application/json").status()).isEqualTo(200);
        }
    }

    @Test
    void theResultBudgetHoldsForEveryFormat() {
        String rows = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 200001";
        for (String accept : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")) {
            assertOverBudget(query(http(), rows, accept), accept);
        }
        // Each row of the outer pattern gives a new triple per (?d ?e) pair, so the budget is passed within
        // a few rows whatever the order of the store; { ?a ?b ?f } repeated itself for every value of a
        // property with many values, and timed out (503) before reaching the budget once the store grew.
        String triples = "CONSTRUCT { ?d ?e ?c } WHERE { ?a ?b ?c . ?d ?e ?f }";
        for (String accept : List.of("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")) {
            assertOverBudget(query(http(), triples, accept), accept);
        }
    }

    private static void assertOverBudget(Http.Response r, String accept) {
        assertThat(r.status()).as(accept + " " + r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("more than 200000 rows or triples");
    }

    @Test
    void anAnonymousAddressMayRunTwoQueriesAtOnce() {
        List<Http.Response> answers = concurrently(List.of(http(), http(), http(), http()));
        List<Http.Response> refused = answers.stream().filter(r -> r.status() == 429).toList();
        assertThat(refused).as(answers.toString()).hasSizeGreaterThanOrEqualTo(2);
        for (Http.Response r : refused) {
            assertThat(r.header("Retry-After")).isEqualTo("5");
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).contains("kh.sparql.per-address");
        }
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(429, 503));
        assertThat(query(http(), LIGHT, "application/json").status()).isEqualTo(200);
    }

    @Test
    void whenTheWorkerAndItsQueueAreFullTheAnswerIs503WithRetryAfter() {
        // 1 worker + 4 waiting places; 2 anonymous and 4 signed-in queries make 6.
        List<Http.Response> answers = concurrently(List.of(http(), http(), admin(), admin(), admin(), admin()));
        List<Http.Response> busy = answers.stream().filter(r -> r.status() == 503 && r.header("Retry-After") != null).toList();
        assertThat(busy).as(answers.toString()).isNotEmpty();
        assertThat(busy).allSatisfy(r -> assertThat(r.json().get("type").asString()).endsWith("/unavailable"));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(503));
        assertThat(query(http(), LIGHT, "application/json").status()).isEqualTo(200);
    }

    /** The heavy query from each client at once. */
    private List<Http.Response> concurrently(List<Http> clients) {
        List<CompletableFuture<Http.Response>> futures = new ArrayList<>();
        for (Http client : clients) {
            futures.add(CompletableFuture.supplyAsync(() -> query(client, HEAVY, "application/json"), r -> Thread.ofPlatform().start(r)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
