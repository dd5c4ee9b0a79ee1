package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * A name NER takes for an organisation that the directory does not know is a proposal in a review
 * queue for coordinators and admins: no link, no facet value, and only where the reviewer may read
 * the document.
 */
class ProposedOrganisationsTest extends HubTest {

    private static final String TEXT = """
            # Flooding in Bhannine %s

            Partners in the North flagged that 4 informal settlements north of the river in Bhannine were cut off by
            flooding on 19 January 2022; UNHCR and the Akkar Network for Development distributed shelter kits to 212 families.
            """;

    private static List<String> names(JsonNode proposals) {
        return proposals.valueStream().map(p -> p.get("name").asString()).toList();
    }

    @Test
    void anUnknownOrganisationIsAProposalForReviewersNotAFacetValue() {
        String marker = Members.marker("Qpo");
        Http.Response uploaded = admin().upload("/api/documents", "flood-" + marker + ".md",
                TEXT.formatted(marker).getBytes(StandardCharsets.UTF_8), Map.of("type", "other", "organisation", "UNHCR"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();

        JsonNode search = http().get("/api/search?q=" + Http.enc("shelter kits Bhannine " + marker)).json();
        assertThat(search.get("facets").get("organisation").propertyNames()).as("facets").contains("UNHCR")
                .doesNotContain("Akkar Network for Development");
        String linked = "ASK { GRAPH <http://localhost:8080/graph/document/" + id + "> { ?m a <https://w3id.org/knowledge-hub/ns#Mention> ;"
                + " <https://w3id.org/knowledge-hub/ns#exact> \"Akkar Network for Development\" ;"
                + " <https://w3id.org/knowledge-hub/ns#refersTo> ?o } }";
        assertThat(admin().get("/sparql?query=" + Http.enc(linked), "Accept", "application/sparql-results+json").json()
                .get("boolean").asBoolean()).as("the mention links nowhere").isFalse();

        Members.Member coordinator = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("shelter"));
        JsonNode proposals = coordinator.http().get("/api/organisations/proposed").json();
        assertThat(names(proposals)).contains("Akkar Network for Development").doesNotContain("UNHCR");
        JsonNode proposal = proposals.valueStream().filter(p -> p.get("name").asString().equals("Akkar Network for Development"))
                .findFirst().orElseThrow();
        assertThat(proposal.get("examples").valueStream().map(e -> e.get("id").asString())).contains(id);

        assertThat(Members.contributor(http(), admin(), "WFP").http().get("/api/organisations/proposed").status())
                .as("a contributor does not review").isEqualTo(403);
        assertThat(http().get("/api/organisations/proposed").status()).isEqualTo(401);
        assertThat(admin().get("/organisations/proposed").text()).contains("Akkar Network for Development")
                .contains("/id/document/" + id);
    }

    @Test
    void aReviewerSeesNoProposalFromADocumentTheyMayNotRead() {
        String marker = Members.marker("Qpr");
        Members.Member unhcr = Members.contributor(http(), admin(), "UNHCR");
        Http.Response uploaded = unhcr.http().upload("/api/documents", "confidential-flood-" + marker + ".md",
                TEXT.formatted(marker).getBytes(StandardCharsets.UTF_8),
                Map.of("type", "other", "sensitivity", "confidential"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        Members.Member wfp = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("protection"));
        assertThat(wfp.http().get("/api/organisations/proposed").json().valueStream()
                .flatMap(p -> p.get("examples").valueStream()).map(e -> e.get("id").asString())).doesNotContain(id);
        assertThat(admin().get("/api/organisations/proposed").json().valueStream()
                .flatMap(p -> p.get("examples").valueStream()).map(e -> e.get("id").asString())).contains(id);
    }
}
