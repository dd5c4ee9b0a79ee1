package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.security.AccessControlTest.CONFIDENTIAL;
import static org.knowledgehub.security.AccessControlTest.RESTRICTED;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;

/**
 * What a caller sees and may do depends on who the caller is: the organisation, the sectors and
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

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("field").asString()).as(r.toString()).isEqualTo(field);
        }
    }
}
