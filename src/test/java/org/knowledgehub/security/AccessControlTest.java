package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DocumentIds;
import tools.jackson.databind.JsonNode;

/**
 * A restricted and a confidential document of the demo corpus must be invisible to anonymous
 * callers on every channel, and not even their existence may leak; the admin sees them.
 */
class AccessControlTest extends HubTest {

    static final String RESTRICTED = DocumentIds.forSource("field-notes/2023-04-28-protection-flash-west-bekaa-restricted.md");
    static final String CONFIDENTIAL = DocumentIds.forSource("field-notes/2022-11-03-gbv-referral-gap-minieh-confidential.md");
    static final String PREFIXES = "PREFIX kh: <https://w3id.org/knowledge-hub/ns#>\n";

    /** The default base; the test context does not change it. */
    private static String base() {
        return "http://localhost:8080/";
    }

    private String doc(String id) {
        return base() + "id/document/" + id;
    }

    private String graph(String id) {
        return base() + "graph/document/" + id;
    }

    private static Set<String> graphs(Http as, String query) {
        Set<String> out = new HashSet<>();
        as.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json").json()
                .get("results").get("bindings").forEach(b -> out.add(b.get("g").get("value").asString()));
        return out;
    }

    private int rows(Http as, String query, String... params) {
        StringBuilder url = new StringBuilder("/sparql?query=" + Http.enc(query));
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.append('&').append(params[i]).append('=').append(Http.enc(params[i + 1]));
        }
        Http.Response r = as.get(url.toString(), "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(query + " " + r).isEqualTo(200);
        JsonNode json = r.json();
        return json.has("boolean") ? (json.get("boolean").asBoolean() ? 1 : 0) : json.get("results").get("bindings").size();
    }

    @Test
    void theAdminSeesBothDocuments() {
        for (String id : List.of(RESTRICTED, CONFIDENTIAL)) {
            assertThat(admin().get("/api/documents/" + id).status()).as(id).isEqualTo(200);
            assertThat(admin().get("/id/document/" + id, "Accept", "text/turtle").status()).isEqualTo(200);
            assertThat(rows(admin(), "SELECT * { GRAPH <" + graph(id) + "> { ?s ?p ?o } } LIMIT 1")).isEqualTo(1);
        }
        assertThat(admin().get("/api/search?q=JASMINE-7").json().get("total").asInt()).isPositive();
        assertThat(admin().get("/api/search?q=" + Http.enc("\"Kfar Hanoun\"")).json().get("total").asInt()).isPositive();
    }

    @Test
    void searchAndItsCountsShowNothingOfThem() {
        for (String q : List.of("JASMINE-7", Http.enc("\"Kfar Hanoun\""), Http.enc("\"Rana Khaddour\""), Http.enc("curfew AND raids"))) {
            JsonNode page = http().get("/api/search?q=" + q).json();
            assertThat(page.get("total").asInt()).as(q).isZero();
            page.get("facets").properties().forEach(f -> assertThat(f.getValue().properties()).as(q).isEmpty());
        }
        for (String level : List.of("restricted", "confidential")) {
            assertThat(http().get("/api/search?q=refugees&sensitivity=" + level).json().get("total").asInt()).isZero();
        }
        JsonNode anonymous = http().get("/api/search?q=refugees").json();
        JsonNode asAdmin = admin().get("/api/search?q=refugees").json();
        assertThat(anonymous.get("total").asInt()).isLessThan(asAdmin.get("total").asInt());
        assertThat(anonymous.toString()).doesNotContain(RESTRICTED).doesNotContain(CONFIDENTIAL);
    }

    @Test
    void theHomePageListsTheRecentDocumentsOfTheDocumentList() {
        String home = http().get("/").text();
        assertThat(home).doesNotContain(RESTRICTED).doesNotContain(CONFIDENTIAL);
        assertThat(recentDocuments(home)).isNotEmpty().isEqualTo(documentIds(http()));
        assertThat(recentDocuments(admin().get("/").text())).as("the admin's, with the token as on Linked Data pages")
                .isEqualTo(documentIds(admin()));
    }

    private static List<String> recentDocuments(String page) {
        return Pattern.compile("data-document=\"([^\"]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
    }

    private static List<String> documentIds(Http as) {
        return as.get("/api/documents?limit=10").json().valueStream().map(d -> d.get("id").asString()).toList();
    }

    @Test
    void documentEndpointsAnswer404AsIfTheyDidNotExist() {
        for (String id : List.of(RESTRICTED, CONFIDENTIAL)) {
            for (String path : List.of("", "/original", "/text")) {
                Http.Response r = http().get("/api/documents/" + id + path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().get("detail").asString()).as("the same answer as for an id that never existed")
                        .isEqualTo("document " + id + " does not exist or is not visible to you");
            }
            assertThat(http().get("/api/documents?limit=500").text()).doesNotContain(id);
            assertThat(http().withBearer("wrong").get("/api/documents/" + id).status()).isEqualTo(401);
        }
    }

    @Test
    void linkedDataPagesAnswer404() {
        for (String id : List.of(RESTRICTED, CONFIDENTIAL)) {
            for (String path : List.of("", "/section/1", "/passage/1")) {
                for (String accept : List.of("text/turtle", "application/ld+json", "text/html")) {
                    assertThat(http().get("/id/document/" + id + path, "Accept", accept).status()).as(path + " " + accept).isEqualTo(404);
                }
            }
        }
    }

    @Test
    void sparqlCannotReachThemByAnyRoute() {
        for (String id : List.of(RESTRICTED, CONFIDENTIAL)) {
            String g = graph(id);
            String d = doc(id);
            assertThat(rows(http(), "SELECT * { GRAPH <" + g + "> { ?s ?p ?o } }")).as("GRAPH <g>").isZero();
            assertThat(rows(http(), "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } FILTER(?g = <" + g + ">) }")).as("GRAPH ?g").isZero();
            assertThat(rows(http(), "SELECT * FROM <" + g + "> { ?s ?p ?o }")).as("FROM").isZero();
            assertThat(rows(http(), "SELECT * FROM NAMED <" + g + "> { GRAPH ?g { ?s ?p ?o } }")).as("FROM NAMED").isZero();
            assertThat(rows(http(), "SELECT * { ?s ?p ?o }", "default-graph-uri", g)).as("default-graph-uri").isZero();
            assertThat(rows(http(), "SELECT * { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri", g)).as("named-graph-uri").isZero();
            assertThat(rows(http(), "ASK { <" + d + "> ?p ?o }")).as("ASK").isZero();
            assertThat(rows(http(), "ASK { GRAPH <" + g + "> { } }")).as("ASK GRAPH").isZero();
            assertThat(rows(http(), PREFIXES + "SELECT ?x { ?x kh:inDocument+ <" + d + "> }")).as("property path").isZero();
            assertThat(rows(http(), PREFIXES + "SELECT ?x { <" + d + "> (kh:records|kh:sensitivity|^kh:inDocument)+ ?x }"))
                    .as("property path from the document").isZero();
            assertThat(rows(http(), "SELECT ?s { ?s ?p <" + d + "> }")).as("inbound").isZero();
            Http.Response described = http().get("/sparql?query=" + Http.enc("DESCRIBE <" + d + ">"), "Accept", "application/n-triples");
            assertThat(described.text().strip()).as("DESCRIBE").isEmpty();
            Http.Response constructed = http().get("/sparql?query=" + Http.enc("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + g + "> { ?s ?p ?o } }"),
                    "Accept", "application/n-triples");
            assertThat(constructed.text().strip()).as("CONSTRUCT").isEmpty();
        }
        assertThat(rows(http(), PREFIXES + "SELECT * { ?p kh:search \"JASMINE-7\" }")).as("kh:search").isZero();
        assertThat(rows(http(), PREFIXES + "SELECT ?t { ?p kh:text ?t FILTER(CONTAINS(?t, \"JASMINE\")) }")).as("FILTER on text").isZero();
        assertThat(rows(http(), PREFIXES + "SELECT ?d { ?d kh:sensitivity ?level FILTER(?level != kh:Public) }")).as("by level").isZero();
        // Personal graphs (unmasked personal data) are their owners' alone, whatever the document's level.
        // Every graph hidden from anonymous callers is protected: it holds a restricted or confidential
        // level, or follows a document that does (a question's statements about it, an observation's reviews).
        String documentGraphs = "SELECT DISTINCT ?g { GRAPH ?g { } FILTER(!STRENDS(STR(?g), \"/personal\")) }";
        Set<String> anonymousGraphs = graphs(http(), documentGraphs);
        Set<String> hidden = new HashSet<>(graphs(admin(), documentGraphs));
        assertThat(hidden).containsAll(anonymousGraphs);
        hidden.removeAll(anonymousGraphs);
        assertThat(hidden).contains(base() + "graph/document/" + RESTRICTED, base() + "graph/document/" + CONFIDENTIAL);
        for (String g : hidden) {
            String governing = g.replaceAll("/review$", "").replaceAll("^(.*)graph/question/[^/]+/source/(.*)$", "$1graph/document/$2");
            assertThat(rows(admin(), PREFIXES + "ASK { GRAPH <" + governing + "> { ?x kh:sensitivity ?level FILTER(?level != kh:Public) } }"))
                    .as(g + " is hidden, so protected").isEqualTo(1);
        }
    }
}
