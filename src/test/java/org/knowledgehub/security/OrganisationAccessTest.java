package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.security.AccessControlTest.CONFIDENTIAL;
import static org.knowledgehub.security.AccessControlTest.RESTRICTED;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * What a caller sees and may write depends on who the caller is: the organisation, the sectors and
 * the role. The demo corpus's confidential note belongs to UNFPA; its restricted note (Intersos)
 * names no organisation or sector, so every signed-in member reads it.
 */
class OrganisationAccessTest extends HubTest {

    private static final String BASE = "http://localhost:8080/";

    /** What one caller can see of a document, on each channel. */
    private record Seen(boolean document, boolean original, boolean text, boolean listed, boolean page, boolean sparql,
                        long searchHits) {

        static Seen nothing() {
            return new Seen(false, false, false, false, false, false, 0);
        }
    }

    private static Seen seen(Http as, String id, String searchFor) {
        Http.Response sparql = as.get("/sparql?query=" + Http.enc("ASK { GRAPH <" + BASE + "graph/document/" + id + "> { ?s ?p ?o } }"),
                "Accept", "application/sparql-results+json");
        return new Seen(as.get("/api/documents/" + id).status() == 200,
                as.get("/api/documents/" + id + "/original").status() == 200,
                as.get("/api/documents/" + id + "/text").status() == 200,
                as.get("/api/documents?limit=500").text().contains(id),
                as.get("/id/document/" + id, "Accept", "text/turtle").status() == 200,
                sparql.json().get("boolean").asBoolean(),
                as.get("/api/search?q=" + Http.enc(searchFor)).json().get("total").asLong());
    }

    private static void assertSeesAll(Seen seen, String who) {
        assertThat(seen.searchHits()).as(who + " search").isPositive();
        assertThat(seen).as(who).isEqualTo(new Seen(true, true, true, true, true, true, seen.searchHits()));
    }

    @Test
    void aConfidentialNoteIsVisibleToItsOrganisationOnly() {
        Members.Member unfpa = Members.contributor(http(), admin(), "UNFPA");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        Members.Member wfpAnalyst = Members.create(http(), admin(), "WFP", List.of("analyst"), List.of());
        assertSeesAll(seen(unfpa.http(), CONFIDENTIAL, "JASMINE-7"), "UNFPA member");
        assertThat(seen(wfp.http(), CONFIDENTIAL, "JASMINE-7")).as("WFP member").isEqualTo(Seen.nothing());
        assertThat(seen(wfpAnalyst.http(), CONFIDENTIAL, "JASMINE-7")).as("WFP analyst").isEqualTo(Seen.nothing());
        assertThat(seen(http(), CONFIDENTIAL, "JASMINE-7")).as("anonymous").isEqualTo(Seen.nothing());
        assertThat(wfp.http().get("/api/search?q=" + Http.enc("\"Al-Safsaf\"") + "&sensitivity=confidential").json()
                .get("total").asLong()).isZero();
    }

    @Test
    void aRestrictedNoteIsVisibleToSignedInMembersOnly() {
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        Members.Member noOrganisation = Members.create(http(), admin(), null, List.of("analyst"), List.of());
        assertSeesAll(seen(wfp.http(), RESTRICTED, "\"Kfar Hanoun\""), "WFP member");
        assertSeesAll(seen(noOrganisation.http(), RESTRICTED, "\"Kfar Hanoun\""), "member of no organisation");
        assertThat(seen(http(), RESTRICTED, "\"Kfar Hanoun\"")).as("anonymous").isEqualTo(Seen.nothing());
        assertThat(seen(wfp.http(), CONFIDENTIAL, "JASMINE-7")).isEqualTo(Seen.nothing());
    }

    @Test
    void aRestrictedDocumentThatNamesOrganisationsAndSectorsIsVisibleToThoseOnly() {
        Members.Member author = Members.contributor(http(), admin(), "WFP");
        Members.Member unicef = Members.contributor(http(), admin(), "UNICEF");
        Members.Member washCoordinator = Members.create(http(), admin(), "Oxfam", List.of("coordinator"), List.of("wash"));
        Members.Member shelterCoordinator = Members.create(http(), admin(), "Oxfam", List.of("coordinator"), List.of("shelter"));
        Members.Member nrc = Members.contributor(http(), admin(), "NRC");
        String marker = Members.unique("zqshared").replace("-", "");
        Map<String, String> fields = new HashMap<>(Map.of("sensitivity", "restricted", "sharedWith", "UNICEF",
                "sharedWithSector", "wash", "type", "field-note"));
        Http.Response uploaded = author.http().upload("/api/documents", "water-points.md", note(marker), fields);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        try {
            JsonNode summary = author.http().get("/api/documents/" + id).json();
            assertThat(summary.get("organisations").toString()).as("the author's organisation owns it").isEqualTo("[\"WFP\"]");
            assertThat(summary.get("sourceName").asString()).isEqualTo("wfp/water-points.md");
            assertSeesAll(seen(author.http(), id, marker), "the owner's member");
            assertSeesAll(seen(unicef.http(), id, marker), "a member of an organisation it is shared with");
            assertSeesAll(seen(washCoordinator.http(), id, marker), "a coordinator of a sector it is shared with");
            assertThat(seen(shelterCoordinator.http(), id, marker)).as("another sector's coordinator").isEqualTo(Seen.nothing());
            assertThat(seen(nrc.http(), id, marker)).as("another organisation").isEqualTo(Seen.nothing());
            assertThat(seen(http(), id, marker)).as("anonymous").isEqualTo(Seen.nothing());
        } finally {
            assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void aConfidentialDocumentSharedWithAnOrganisationIsVisibleToItsMembersAsToTheOwners() {
        Members.Member author = Members.contributor(http(), admin(), "WFP");
        Members.Member unicef = Members.contributor(http(), admin(), "UNICEF");
        Members.Member unicefAnalyst = Members.create(http(), admin(), "UNICEF", List.of("analyst"), List.of());
        Members.Member nrc = Members.contributor(http(), admin(), "NRC");
        // Sharing with sectors applies to restricted documents only: coordinating the note's sector opens nothing.
        Members.Member washCoordinator = Members.create(http(), admin(), "Oxfam", List.of("coordinator"), List.of("wash"));
        String marker = Members.unique("zqconfidential").replace("-", "");
        Http.Response uploaded = author.http().upload("/api/documents", "water-points.md", note(marker),
                Map.of("sensitivity", "confidential", "sharedWith", "UNICEF", "type", "field-note"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        try {
            assertThat(author.http().get("/api/documents/" + id).json().get("sensitivity").asString()).isEqualTo("confidential");
            assertSeesAll(seen(author.http(), id, marker), "the owner's member");
            assertSeesAll(seen(unicef.http(), id, marker), "a member of the organisation it is shared with");
            assertSeesAll(seen(unicefAnalyst.http(), id, marker), "an analyst of the organisation it is shared with");
            assertThat(seen(nrc.http(), id, marker)).as("another organisation").isEqualTo(Seen.nothing());
            assertThat(seen(washCoordinator.http(), id, marker)).as("a coordinator of its sector").isEqualTo(Seen.nothing());
            assertThat(seen(http(), id, marker)).as("anonymous").isEqualTo(Seen.nothing());
            String textSearch = "PREFIX kh: <https://w3id.org/knowledge-hub/ns#> SELECT ?p { ?p kh:search \"" + marker + "\" }";
            assertThat(sparqlRows(unicef.http(), textSearch)).as("SPARQL text search, shared organisation").isPositive();
            assertThat(sparqlRows(nrc.http(), textSearch)).as("SPARQL text search, another organisation").isZero();
            assertThat(sparqlRows(http(), textSearch)).as("SPARQL text search, anonymous").isZero();
        } finally {
            assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204);
        }
    }

    private static int sparqlRows(Http as, String query) {
        Http.Response r = as.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("results").get("bindings").size();
    }

    @Test
    void membersContributeForTheirOwnOrganisationOnly() {
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        String marker = Members.unique("zqowner").replace("-", "");

        Http.Response forAnother = wfp.http().upload("/api/documents", "note.md", note(marker), Map.of("organisation", "UNHCR"));
        assertProblem(forAnother, 403, "organisation");
        Members.Member homeless = Members.contributor(http(), admin(), null);
        assertProblem(homeless.http().upload("/api/documents", "note.md", note(marker), Map.of()), 403, "organisation");
        Members.Member analyst = Members.create(http(), admin(), "WFP", List.of("analyst"), List.of());
        assertProblem(analyst.http().upload("/api/documents", "note.md", note(marker), Map.of()), 403, null);
        assertProblem(http().upload("/api/documents", "note.md", note(marker), Map.of()), 401, null);
        assertProblem(wfp.http().upload("/api/documents", "note.md", note(marker), Map.of("sharedWith", "Nowhere Aid",
                "sensitivity", "confidential")), 400, "sharedWith");
        assertProblem(wfp.http().upload("/api/documents", "note.md", note(marker), Map.of("sharedWithSector", "wash",
                "sensitivity", "confidential")), 400, "sharedWithSector");

        // The admin's document of the same source name is another document: a member cannot replace it.
        Http.Response admins = admin().upload("/api/documents", marker + ".md", note(marker + " admin"),
                Map.of("organisation", "UNFPA", "sensitivity", "confidential"));
        Http.Response members = wfp.http().upload("/api/documents", marker + ".md", note(marker + " member"),
                Map.of("organisation", "WFP", "sensitivity", "confidential"));
        assertThat(members.status()).as(members.toString()).isEqualTo(201);
        String adminId = admins.json().get("id").asString();
        String memberId = members.json().get("id").asString();
        try {
            assertThat(memberId).isNotEqualTo(adminId);
            assertThat(admin().get("/api/documents/" + adminId + "/text").text()).contains(marker + " admin");
            assertThat(wfp.http().get("/api/documents/" + adminId).status()).isEqualTo(404);
            assertThat(wfp.http().get("/api/documents/" + memberId + "/text").text()).contains(marker + " member");
            assertProblem(wfp.http().delete("/api/documents/" + memberId), 403, null);
        } finally {
            admin().delete("/api/documents/" + adminId);
            admin().delete("/api/documents/" + memberId);
        }
    }

    @Test
    void coordinatorsReviewQuestionsAndEveryMemberMayAskOne() {
        Members.Member contributor = Members.contributor(http(), admin(), "WFP");
        Members.Member coordinator = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("food-security"));
        String status = "/api/questions/no-such-question/status";
        String body = "{\"status\": \"closed\"}";
        assertProblem(http().json("POST", status, body), 401, null);
        assertProblem(contributor.http().json("POST", status, body), 403, null);
        assertProblem(coordinator.http().json("POST", status, body), 404, null);
        assertProblem(coordinator.http().json("POST", "/api/questions/no-such-question/reviews", "{}"), 404, null);
        assertProblem(http().json("POST", "/api/questions", "{}"), 401, null);
        assertProblem(contributor.http().json("POST", "/api/questions", "{}"), 400, "text");
        assertProblem(coordinator.http().json("POST", "/update", "{}"), 403, null);
    }

    private static byte[] note(String marker) {
        return ("# Water points\n\nThe " + marker + " committee reported that two water points in Bar Elias stopped working.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("field").asString()).as(r.toString()).isEqualTo(field);
        }
    }
}
