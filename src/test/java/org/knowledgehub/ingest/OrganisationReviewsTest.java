package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;

/**
 * Reviewers accept or reject proposed organisations: an accepted one joins the directory and the
 * documents naming it link to it (and it becomes a facet value); a rejected name leaves the queue
 * and is not proposed by later ingests. Contributors and anonymous callers can do neither; bad
 * requests are problems naming the field.
 */
class OrganisationReviewsTest extends HubTest {

    private static final String TEXT = """
            # Shelter in Bhannine %s

            %s Relief Association and the %s Welfare Network distributed shelter kits to 212 families in Bhannine,
            implemented by UNHCR partners.
            """;

    private static String marker() {
        return Members.marker("Qrv");
    }

    private List<String> queue(Http who) {
        return who.get("/api/organisations/proposed").json().valueStream().map(p -> p.get("name").asString()).toList();
    }

    @Test
    void anAcceptedProposalLinksAndARejectedOneIsNeverProposedAgain() {
        String m = marker();
        String relief = m + " Relief Association";
        String network = m + " Welfare Network";
        Http.Response uploaded = admin().upload("/api/documents", "shelter-" + m + ".md",
                TEXT.formatted(m, m, m).getBytes(StandardCharsets.UTF_8), Map.of("type", "other", "organisation", "UNHCR"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        Members.Member coordinator = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("shelter"));
        assertThat(queue(coordinator.http())).contains(relief, network);

        Http.Response accepted = coordinator.http().json("POST", "/api/organisations/proposed/accept",
                "{\"proposal\":\"" + relief + "\",\"name\":\"" + relief + "\",\"acronym\":\"" + m.toUpperCase() + "RA\",\"kind\":\"NGO\"}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("documents").valueStream().map(d -> d.asString())).contains(uploaded.json().get("id").asString());
        assertThat(queue(coordinator.http())).doesNotContain(relief);
        assertThat(http().get("/api/search?q=" + Http.enc("shelter kits Bhannine " + m)).json().get("facets").get("organisation")
                .propertyNames()).as("the accepted organisation is a facet value").contains(m.toUpperCase() + "RA");

        Http.Response rejected = admin().json("POST", "/api/organisations/proposed/reject", "{\"proposal\":\"" + network + "\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(queue(admin())).doesNotContain(network);

        // A later document naming both: the accepted one links at ingest, the rejected one is not proposed.
        Http.Response later = admin().upload("/api/documents", "shelter-later-" + m + ".md",
                TEXT.formatted(m + " again", m, m).getBytes(StandardCharsets.UTF_8), Map.of("type", "other", "organisation", "UNHCR"));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(queue(admin())).doesNotContain(network, relief);

        String audit = admin().get("/api/audit").text();
        assertThat(audit).contains("organisation.accept").contains("organisation.reject");
    }

    @Test
    void badReviewsAreProblemsNamingTheField() {
        Http.Response unknown = admin().json("POST", "/api/organisations/proposed/reject", "{\"proposal\":\"No Such Proposal Qzz\"}");
        assertThat(unknown.status()).isEqualTo(404);
        Http.Response empty = admin().json("POST", "/api/organisations/proposed/accept", "{\"proposal\":\"\",\"name\":\"x\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asString()).isEqualTo("proposal");
    }

    @Test
    void contributorsAndAnonymousCallersCannotReview() {
        Members.Member contributor = Members.contributor(http(), admin(), "WFP");
        assertThat(contributor.http().json("POST", "/api/organisations/proposed/reject", "{\"proposal\":\"x\"}").status()).isEqualTo(403);
        assertThat(http().json("POST", "/api/organisations/proposed/accept", "{\"proposal\":\"x\",\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(contributor.http().postForm("/organisations/proposed/reject", Map.of("proposal", "x")).status()).isIn(302, 403);
    }
}
