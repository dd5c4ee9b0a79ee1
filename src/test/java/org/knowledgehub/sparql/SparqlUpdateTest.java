package org.knowledgehub.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** SPARQL Update at {@code /update}: the admin's only, and the index and access decision follow it. */
class SparqlUpdateTest extends HubTest {

    private Http.Response update(Http as, String update) {
        return as.post("/update", "application/sparql-update", update.getBytes(StandardCharsets.UTF_8));
    }

    private String newDocument(String word) {
        byte[] md = ("# Note " + word + "\n\nThe " + word + " committee met the municipality about water trucking.\n")
                .getBytes(StandardCharsets.UTF_8);
        return admin().upload("/api/documents", word + ".md", md, Map.of()).json().get("id").asString();
    }

    @Test
    void onlyTheAdminMayUpdate() {
        String update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }";
        assertThat(update(http(), update).status()).isEqualTo(401);
        assertThat(update(http().withBearer("not-the-token"), update).status()).isEqualTo(401);
        assertThat(http().postForm("/update", Map.of("update", update)).status()).isEqualTo(401);
    }

    @Test
    void anEditedPassageIsReindexed() {
        String word = "zu" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        String id = newDocument(word);
        String replacement = "xy" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        String passage = "<http://localhost:8080/id/document/" + id + "/passage/1>";
        String graph = "<http://localhost:8080/graph/document/" + id + ">";
        Http.Response r = update(admin(), "PREFIX kh: <https://w3id.org/knowledge-hub/ns#>\n"
                + "WITH " + graph + " DELETE { " + passage + " kh:text ?t } INSERT { " + passage + " kh:text ?new } "
                + "WHERE { " + passage + " kh:text ?t BIND(REPLACE(?t, \"" + word + "\", \"" + replacement + "\") AS ?new) }");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode outcome = r.json();
        assertThat(outcome.get("reindexedDocuments").toString()).contains(id);
        JsonNode hit = http().get("/api/search?q=" + replacement).json();
        assertThat(hit.get("total").asInt()).isEqualTo(1);
        assertThat(hit.get("results").get(0).get("text").asString()).contains(replacement).doesNotContain(word);
    }

    @Test
    void raisingADocumentsSensitivityHidesItAtOnce() {
        String word = "zs" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        String id = newDocument(word);
        assertThat(http().get("/api/search?q=" + word).json().get("total").asInt()).isEqualTo(1);
        String doc = "<http://localhost:8080/id/document/" + id + ">";
        Http.Response r = update(admin(), "PREFIX kh: <https://w3id.org/knowledge-hub/ns#>\n"
                + "WITH <http://localhost:8080/graph/document/" + id + "> "
                + "DELETE { " + doc + " kh:sensitivity kh:Public } INSERT { " + doc + " kh:sensitivity kh:Confidential } "
                + "WHERE { " + doc + " kh:sensitivity kh:Public }");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(http().get("/api/search?q=" + word).json().get("total").asInt()).isZero();
        assertThat(http().get("/api/documents/" + id).status()).isEqualTo(404);
        assertThat(admin().get("/api/search?q=" + word).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void droppingADocumentGraphRemovesItFromSearch() {
        String word = "zd" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        String id = newDocument(word);
        Http.Response r = update(admin(), "DROP GRAPH <http://localhost:8080/graph/document/" + id + ">");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("removedDocuments").toString()).contains(id);
        assertThat(admin().get("/api/search?q=" + word).json().get("total").asInt()).isZero();
        assertThat(admin().get("/api/documents/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusedUpdatesChangeNothing() throws IOException {
        Http.Response syntax = update(admin(), "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> } }");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.json().get("field").asString()).isEqualTo("update");
        Http.Response load = update(admin(), "LOAD <http://example.org/data.ttl> INTO GRAPH <urn:g>");
        assertThat(load.status()).isEqualTo(400);
        assertThat(load.json().get("detail").asString()).contains("LOAD");
        // SERVICE would make the server call an address the caller picks: refused before it runs.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1000);
            String endpoint = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
            for (String federated : List.of(
                    "INSERT { GRAPH <urn:g> { ?s ?p ?o } } WHERE { SERVICE <" + endpoint + "> { ?s ?p ?o } }",
                    "DELETE { GRAPH <urn:g> { ?s ?p ?o } } WHERE { GRAPH <urn:g> { ?s ?p ?o } "
                            + "FILTER NOT EXISTS { SERVICE SILENT <" + endpoint + "> { ?s ?p ?o } } }")) {
                Http.Response service = update(admin(), federated);
                assertThat(service.status()).as(federated).isEqualTo(400);
                assertThat(service.json().get("detail").asString()).contains("SERVICE");
            }
            assertThatThrownBy(listener::accept).as("no request reached the endpoint").isInstanceOf(SocketTimeoutException.class);
        }
        Http.Response defaultGraph = update(admin(), "INSERT DATA { <urn:a> <urn:b> <urn:c> }");
        assertThat(defaultGraph.status()).isEqualTo(400);
        assertThat(defaultGraph.json().get("detail").asString()).contains("default graph");
        Http.Response ask = admin().get("/sparql?query=" + Http.enc("ASK { <urn:a> ?p ?o }"), "Accept", "application/json");
        assertThat(ask.json().get("boolean").asBoolean()).isFalse();
        assertThat(admin().post("/update", "text/plain", "DROP ALL".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(415);
    }

    @Test
    void dataXmlCannotWriteIsRefusedInXmlAndServedInTheOtherFormats() {
        String graph = "urn:kh-test:control-" + UUID.randomUUID();
        assertThat(update(admin(), "INSERT DATA { GRAPH <" + graph + "> { <urn:ctl> <urn:says> \"bell\\u0007\" } }").status())
                .isEqualTo(200);
        String construct = Http.enc("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }");
        Http.Response xml = admin().get("/sparql?query=" + construct, "Accept", "application/rdf+xml");
        assertThat(xml.status()).as(xml.toString()).isEqualTo(406);
        assertThat(xml.json().get("detail").asString()).contains("Turtle");
        Http.Response turtle = admin().get("/sparql?query=" + construct, "Accept", "text/turtle");
        assertThat(turtle.status()).isEqualTo(200);
        assertThat(turtle.text()).contains("urn:ctl");
        update(admin(), "DROP GRAPH <" + graph + ">");
    }
}
