package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.knowledgehub.DeployedHubs.http;
import static org.knowledgehub.DeployedHubs.upload;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.DeployedHubs;
import org.knowledgehub.Http;
import org.knowledgehub.SolrCloudServer;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * The passages held by a SolrCloud collection ({@code kh.search.url}) instead of the embedded Lucene
 * index: a real two-node SolrCloud in a process of its own, a hub in this JVM (embedded store, NLP
 * and embeddings off). Uploads reach the collection; the search API and SPARQL's kh:search find them
 * with the access rules applied; a deletion and a restart keep the collection and the store
 * agreeing; a collection that is not there stops the start naming it; Solr gone gives 503 problems.
 */
class RemoteSearchTest {

    @TempDir
    Path work;

    @Test
    void passagesGoToSolrAndAreFoundThroughTheHubWithTheAccessRules() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        SolrCloudServer solr = new SolrCloudServer(Files.createDirectories(work.resolve("solr")), 2);
        try (solr) {
            String collection = solr.createCollection("passages", 2);
            String open;
            String restricted;
            try (ConfigurableApplicationContext hub = start(collection, data)) {
                Http anonymous = http(hub);
                Http admin = anonymous.withBearer(DeployedHubs.ADMIN_TOKEN);
                open = upload(admin, "public", "Water trucking in Zahle cost households twice as much after the network failed.");
                restricted = upload(admin, "restricted", "Evictions in Bar Elias followed rent demands in US dollars.");
                assertThat(solrCount(collection, "doc:" + open)).as("the public note's passages in Solr").isPositive();
                assertThat(solrCount(collection, "doc:" + restricted)).as("the restricted note's passages in Solr").isPositive();

                assertThat(documents(anonymous, "water trucking Zahle")).containsExactly(open);
                assertThat(documents(anonymous, "evictions Bar Elias")).as("restricted, anonymous").isEmpty();
                assertThat(documents(admin, "evictions Bar Elias")).containsExactly(restricted);
                JsonNode page = anonymous.get("/api/search?q=" + Http.enc("water trucking")).json();
                assertThat(page.path("results").path(0).path("fragment").asString()).contains("<mark>");
                assertThat(page.path("facets").path("type").path("field-note").asLong()).isEqualTo(page.path("total").asLong());
                Http.Response sparql = anonymous.post("/sparql", "application/sparql-query", ("PREFIX kh: <https://w3id.org/knowledge-hub/ns#> "
                        + "SELECT ?p WHERE { (?p ?s) kh:search \"water OR evictions\" }").getBytes(StandardCharsets.UTF_8),
                        "Accept", "application/sparql-results+json");
                assertThat(sparql.status()).as(sparql.toString()).isEqualTo(200);
                assertThat(sparql.text()).contains(open).doesNotContain(restricted);

                assertThat(admin.delete("/api/documents/" + open).status()).isIn(200, 204);
                assertThat(solrCount(collection, "doc:" + open)).as("the deleted note's passages in Solr").isZero();
                assertThat(documents(anonymous, "water trucking Zahle")).isEmpty();
            }
            try (ConfigurableApplicationContext restarted = start(collection, data)) {
                assertThat(documents(http(restarted).withBearer(DeployedHubs.ADMIN_TOKEN), "evictions Bar Elias")).as("after a restart").containsExactly(restricted);
            }
            assertThatThrownBy(() -> start(solr.nodes().getFirst() + "/no-such-collection", Files.createDirectories(work.resolve("data2"))))
                    .hasStackTraceContaining("kh.search.url").hasStackTraceContaining("no-such-collection");

            try (ConfigurableApplicationContext hub = start(collection, data)) {
                solr.close();
                Http.Response gone = http(hub).get("/api/search?q=evictions");
                assertThat(gone.status()).as(gone.toString()).isEqualTo(503);
                assertThat(gone.json().path("detail").asString()).contains(collection);
            }
        }
    }

    private static ConfigurableApplicationContext start(String collection, Path data) {
        return DeployedHubs.start(data, "--kh.search.url=" + collection);
    }

    private static List<String> documents(Http caller, String words) {
        Http.Response found = caller.get("/api/search?q=" + Http.enc(words));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().path("results").valueStream().map(h -> h.path("document").path("id").asString()).distinct().toList();
    }

    private static long solrCount(String collection, String query) {
        return SolrCloudServer.send(HttpRequest.newBuilder(URI.create(collection + "/select?rows=0&q=" + Http.enc(query))).build())
                .path("response").path("numFound").asLong();
    }
}
