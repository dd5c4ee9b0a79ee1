package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.BrowserSession;
import org.knowledgehub.security.Members;

/**
 * Who may open the observation review queue, send its verdicts and open the indicator import page:
 * as the API allows (coordinators and admins review, admins import); others are sent to sign in or
 * refused, and the queue shows only what the caller may read and review.
 */
class ReviewAndImportAccessTest extends HubTest {

    private String observation(Members.Member by, String marker, String sector, String sensitivity) {
        Http.Response created = by.http().json("POST", "/api/observations", Members.json(Map.of(
                "text", "Households in " + marker + " say the water point has been dry for a month and a tanker costs twice "
                        + "what it did; the focal point can be reached on +961 3 123 456.",
                "observedFrom", "2023-09-12", "area", "LB25", "sectors", List.of(sector), "method", "field-visit",
                "sensitivity", sensitivity, "consent", Map.of("collectedFromPeople", true, "informedConsent", "true",
                        "purpose", "sector planning", "personalData", true))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private BrowserSession signedIn(Members.Member member) {
        BrowserSession session = new BrowserSession(http().base());
        assertThat(session.signIn(member.username(), member.password()).status()).isEqualTo(302);
        return session;
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndMembersWithoutTheRoleAreRefused() {
        for (String page : List.of("/observations/review", "/observations/mine", "/indicators/import")) {
            Http.Response signedOut = http().get(page);
            assertThat(signedOut.status()).as(page).isEqualTo(302);
            assertThat(signedOut.header("Location")).as(page).endsWith("/login");
        }
        Members.Member contributor = Members.contributor(http(), admin(), "Oxfam");
        Members.Member coordinator = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("wash"));
        Members.Member analyst = Members.create(http(), admin(), "WFP", List.of("analyst"), List.of());
        assertThat(contributor.http().get("/observations/review").status()).isEqualTo(403);
        assertThat(contributor.http().get("/observations/mine").status()).isEqualTo(200);
        assertThat(analyst.http().get("/observations/mine").status()).isEqualTo(403);
        assertThat(coordinator.http().get("/observations/review").status()).isEqualTo(200);
        for (Members.Member notAdmin : List.of(contributor, coordinator)) {
            Http.Response refused = notAdmin.http().get("/indicators/import");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).contains("your role does not allow this operation");
        }
        assertThat(admin().get("/indicators/import").status()).isEqualTo(200);

        String id = observation(contributor, "Qac" + UUID.randomUUID().toString().substring(0, 6), "wash", "restricted");
        BrowserSession session = signedIn(contributor);
        String csrf = BrowserSession.csrfToken(session.get("/observations/mine"));
        Http.Response verdict = session.postForm("/observations/" + id + "/reviews", Map.of("_csrf", csrf, "verdict", "verified"));
        assertThat(verdict.status()).as("a contributor's verdict").isEqualTo(403);
        assertThat(contributor.http().get("/api/observations/" + id).json().get("status").asString()).isEqualTo("submitted");
    }

    @Test
    void theQueueShowsWhatTheCoordinatorMayReadAndReviewMaskedAndARefusedVerdictIsExplainedOnThePage() {
        Members.Member unicef = Members.contributor(http(), admin(), "UNICEF");
        String marker = Members.marker("Qaq");
        String restricted = observation(unicef, marker + "r", "wash", "restricted");
        String confidential = observation(unicef, marker + "c", "wash", "confidential");
        String protection = observation(unicef, marker + "p", "protection", "restricted");
        Members.Member wfpWash = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("wash"));
        Members.Member unicefWash = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("wash"));

        String wfpQueue = wfpWash.http().get("/observations/review").text();
        assertThat(wfpQueue).contains(marker + "r").doesNotContain(marker + "c").as("another sector's")
                .doesNotContain(marker + "p").as("masked").doesNotContain("123 456");
        assertThat(unicefWash.http().get("/observations/review").text()).contains(marker + "r").contains(marker + "c")
                .doesNotContain(marker + "p");

        BrowserSession session = signedIn(wfpWash);
        String csrf = BrowserSession.csrfToken(session.get("/observations/review"));
        Http.Response refused = session.postForm("/observations/" + protection + "/reviews",
                Map.of("_csrf", csrf, "verdict", "verified"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("id=\"review-problem\"").contains("only a coordinator of one of the observation");
        Http.Response noVerdict = session.postForm("/observations/" + restricted + "/reviews", Map.of("_csrf", csrf));
        assertThat(noVerdict.status()).isEqualTo(400);
        assertThat(noVerdict.text()).contains("data-field=\"verdict\"").contains("verdict must be verified or disputed");
        for (String id : List.of(restricted, protection, confidential)) {
            assertThat(admin().get("/api/observations/" + id).json().get("status").asString()).isEqualTo("submitted");
        }
        Http.Response withoutToken = session.postForm("/observations/" + restricted + "/reviews", Map.of("verdict", "verified"));
        assertThat(withoutToken.status()).as("no CSRF token").isEqualTo(403);
        assertThat(admin().get("/api/observations/" + restricted).json().get("status").asString()).isEqualTo("submitted");
    }
}
