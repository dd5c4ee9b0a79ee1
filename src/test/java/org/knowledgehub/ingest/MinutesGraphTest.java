package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** Minutes as they end up in the graph: agencies linked to organisations, owners linked, new organisations flagged. */
class MinutesGraphTest extends HubTest {

    private List<JsonNode> select(String query) {
        Http.Response r = http().get("/sparql?query=" + Http.enc("""
                PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                """ + query), "Accept", "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        r.json().get("results").get("bindings").forEach(rows::add);
        return rows;
    }

    private String meetingOf(String id) {
        return "<http://localhost:8080/id/document/" + id + "/meeting>";
    }

    @Test
    void agenciesAreLinkedAndAnUnknownOneIsFlaggedForReview() {
        String meeting = meetingOf(DocumentIds.forSource("minutes/fss-bekaa-zahle-2020-06-18.md"));
        List<JsonNode> agencies = select("SELECT ?a ?unreviewed WHERE { " + meeting + " kh:representedAgency ?a . "
                + "OPTIONAL { ?a kh:unreviewed ?unreviewed } }");
        assertThat(agencies).hasSize(17);
        List<String> unreviewed = agencies.stream().filter(a -> a.has("unreviewed")).map(a -> a.get("a").get("value").asString()).toList();
        assertThat(unreviewed).containsExactly("http://localhost:8080/id/organisation/nabaa-zahle-youth-network");
        List<JsonNode> owners = select("SELECT ?owner WHERE { " + meeting + " kh:actionPoint/kh:owner ?owner }");
        assertThat(owners.stream().map(o -> o.get("owner").get("value").asString()))
                .contains("http://localhost:8080/id/organisation/wfp", "http://localhost:8080/id/organisation/fao");
    }

    @Test
    void anActionPointOwnedBySeveralAgenciesLinksEachOfThem() {
        String meeting = meetingOf(DocumentIds.forSource("minutes/intersector-beirut-2020-11-26.md"));
        List<JsonNode> owners = select("SELECT ?owner WHERE { " + meeting + " kh:actionPoint ?a . ?a kh:owner ?owner ; kh:order 1 }");
        assertThat(owners.stream().map(o -> o.get("owner").get("value").asString().replace("http://localhost:8080/id/organisation/", "")))
                .containsExactlyInAnyOrder("wfp", "unhcr", "unicef");
    }

    @Test
    void theRealImwgMinutesCarryTheirWholeMeeting() throws Exception {
        Assumptions.assumeTrue(Files.exists(MinutesReaderTest.REAL_MINUTES),
                "SKIPPED: " + MinutesReaderTest.REAL_MINUTES + " not present (the shared folder is not part of the project)");
        Http.Response r = admin().upload("/api/documents", "imwg-beirut-2019-04-04.md", Files.readAllBytes(MinutesReaderTest.REAL_MINUTES), Map.of());
        assertThat(r.status()).isIn(200, 201);
        String meeting = meetingOf(r.json().get("id").asString());
        List<JsonNode> facts = select("SELECT ?date ?place WHERE { " + meeting + " dcterms:date ?date ; dcterms:spatial ?place }");
        assertThat(facts.getFirst().get("date").get("value").asString()).isEqualTo("2019-04-04");
        assertThat(facts.getFirst().get("place").get("value").asString()).endsWith("/id/area/LB1");
        List<JsonNode> agencies = select("SELECT DISTINCT ?a WHERE { " + meeting
                + " kh:representedAgency ?a . ?a skos:inScheme ?scheme . FILTER NOT EXISTS { ?a kh:unreviewed true } }");
        assertThat(agencies).as("all 26 agencies are organisations of the scheme").hasSize(26);
        List<JsonNode> acronyms = select("SELECT ?acronym WHERE { " + meeting + " kh:representedAgency/kh:acronym ?acronym }");
        assertThat(acronyms.stream().map(a -> a.get("acronym").get("value").asString()))
                .contains("UNHCR", "WFP", "NRC", "DRC", "OCHA", "UNICEF");
        List<JsonNode> chairs = select("SELECT ?name ?org WHERE { " + meeting + " kh:chair ?p . ?p <http://xmlns.com/foaf/0.1/name> ?name ; "
                + "<http://www.w3.org/ns/org#memberOf> ?org }");
        assertThat(chairs.getFirst().get("name").get("value").asString()).isEqualTo("Jad Ghosn");
        assertThat(chairs.getFirst().get("org").get("value").asString()).endsWith("/id/organisation/unhcr");
        List<JsonNode> actions = select("SELECT ?order ?text ?ownerLabel WHERE { " + meeting + " kh:actionPoint ?a . "
                + "?a kh:order ?order ; kh:text ?text ; kh:owner ?o . ?o rdfs:label|kh:acronym ?ownerLabel } ORDER BY ?order");
        assertThat(actions.stream().map(a -> a.get("ownerLabel").get("value").asString()))
                .containsExactly("IMWG", "Group 1: Data sharing and data security", "IMWG",
                        "Group 2: Consent", "Group 2: Consent");
        List<JsonNode> agenda = select("SELECT ?n ?section WHERE { " + meeting + " kh:agendaItem ?i . ?i skos:notation ?n . "
                + "OPTIONAL { ?i kh:discussedIn ?section } } ORDER BY ?n");
        assertThat(agenda).hasSize(7);
        assertThat(agenda.stream().filter(a -> a.has("section"))).hasSize(6);
    }
}
