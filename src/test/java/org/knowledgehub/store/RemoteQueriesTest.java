package org.knowledgehub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.FusekiServer;
import org.knowledgehub.Http;
import org.knowledgehub.KnowledgeHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;

/**
 * Every named query of {@code queries/} (and two that read every graph), asked through a hub whose graph is in a real Fuseki and
 * through a hub on the embedded store, both loaded with the demo corpus: the same rows for an
 * anonymous caller and for an admin, in a handful of requests to Fuseki each (the service matches
 * whole patterns, not one triple pattern per row), and the restricted graphs an admin's query read
 * are in the audit trail.
 */
class RemoteQueriesTest {

    private static final String TOKEN = "remote-queries-test-token";
    /** Requests to Fuseki one named query may take; pattern by pattern, some took thousands. */
    private static final int MOST_REQUESTS = 12;

    @TempDir
    static Path work;

    private static FusekiServer fuseki;
    private static ConfigurableApplicationContext remote;
    private static ConfigurableApplicationContext embedded;

    @BeforeAll
    static void start() throws Exception {
        fuseki = new FusekiServer(Files.createDirectories(work.resolve("fuseki")));
        // No other hub shares the store: its changes are not followed, so each query's requests are its own.
        remote = hub(Files.createDirectories(work.resolve("remote")), "--kh.store.url=" + fuseki.dataset(), "--kh.store.follow-interval=1h");
        embedded = hub(Files.createDirectories(work.resolve("embedded")));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable open : new AutoCloseable[]{remote, embedded, fuseki}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                // the next one is still closed
            }
        }
    }

    @Test
    void everyNamedQueryGivesTheSameRowsOnFusekiAsOnTheEmbeddedStoreInAFewRequests() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:queries/*.rq");
        assertThat(files).hasSizeGreaterThan(10);
        Map<String, String> queries = new TreeMap<>(Map.of(
                "graph names", "SELECT ?g WHERE { GRAPH ?g { } }",
                "triples of the default graph, each once", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"));
        for (Resource file : files) {
            queries.put(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> named : queries.entrySet()) {
            String query = named.getValue();
            for (String token : new String[]{null, TOKEN}) {
                String who = named.getKey() + (token == null ? " (anonymous)" : " (admin)");
                long before = fuseki.queriesLogged();
                List<String> overFuseki = rows(caller(remote, token), query, who);
                long requests = fuseki.queriesLogged() - before;
                List<String> embeddedRows = rows(caller(embedded, token), query, who);
                assertThat(overFuseki).as(who).isEqualTo(embeddedRows);
                assertThat(requests).as("requests to Fuseki for " + who).isLessThanOrEqualTo(MOST_REQUESTS);
            }
        }
    }

    @Test
    void theRestrictedGraphsAnAdminsQueryReadAreAuditedAndNoOthers() {
        Http admin = caller(remote, TOKEN);
        String titled = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/title> ?title } }";
        List<String> all = graphs(admin, titled);
        List<String> open = graphs(caller(remote, null), titled);
        String restricted = all.stream().filter(g -> !open.contains(g)).findFirst().orElseThrow();
        String readBefore = "/api/audit?action=read&graph=" + Http.enc(restricted);
        long before = admin.get(readBefore).json().size();

        graphs(admin, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/title> ?title } "
                + "FILTER(?g = <" + open.getFirst() + ">) }");
        assertThat(admin.get(readBefore).json().size()).as("reads of " + restricted + " by a query of another graph").isEqualTo(before);
        graphs(admin, titled);
        JsonNode entries = admin.get(readBefore).json();
        assertThat(entries.size()).as("reads of " + restricted).isEqualTo(before + 1);
        assertThat(entries.get(0).path("channel").asString()).isEqualTo("sparql");
    }

    private static List<String> graphs(Http client, String query) {
        Http.Response response = client.post("/sparql", "application/sparql-query", query.getBytes(StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("results").path("bindings").valueStream().map(b -> b.path("g").path("value").asString()).toList();
    }

    private static ConfigurableApplicationContext hub(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("--kh.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1",
                "--kh.nlp.enabled=false", "--kh.search.embeddings=false", "--kh.security.admin-token=" + TOKEN,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(KnowledgeHubApplication.class).run(args.toArray(String[]::new));
    }

    private static Http caller(ConfigurableApplicationContext hub, String token) {
        Http http = new Http("http://127.0.0.1:" + ((WebServerApplicationContext) hub).getWebServer().getPort());
        return token == null ? http : http.withBearer(token);
    }

    /** The rows, each written with its columns in order, sorted: both stores may give them in any order. */
    private static List<String> rows(Http client, String query, String who) {
        Http.Response response = client.post("/sparql", "application/sparql-query", query.getBytes(StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertThat(response.status()).as(who + ": " + response).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode binding : response.json().path("results").path("bindings")) {
            Map<String, String> row = new TreeMap<>();
            binding.properties().forEach(column -> row.put(column.getKey(), comparable(column.getValue())));
            rows.add(row.toString());
        }
        rows.sort(null);
        return rows;
    }

    /**
     * A value as both hubs should agree on it: the identifiers and times the hubs make when loading
     * (questions, contributed observations) differ between two hubs, and TDB2 writes a decimal it
     * stores in its canonical form (68.0 where Fuseki's in-memory dataset keeps 68).
     */
    private static String comparable(JsonNode value) {
        String text = value.path("value").asString();
        if ("bnode".equals(value.path("type").asString())) {
            return "_:b";
        }
        if (value.path("datatype").asString().endsWith("#decimal")) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>")
                .replaceAll("/question/[0-9a-f]{12}", "/question/<id>")
                .replaceAll("-[0-9a-f]{8}-[0-9a-f]{8}$", "-<id>");
    }
}
