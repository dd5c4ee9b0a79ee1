package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.trends.IndicatorImportApiTest.exact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** {@code /api/areas/{pcode}} and its page: an area's indicators, passages, observations, organisations, questions and neighbours. */
class AreaApiTest extends HubTest {

    @Test
    void aGovernorateGathersItsIndicatorsPassagesOrganisationsAndQuestions() {
        Http.Response created = admin().json("POST", "/api/questions", """
                {"text": "Why are more households in West Bekaa leaving their shelters?", "sectors": ["shelter"], "areas": ["LB24"]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String question = created.json().get("id").asString();

        JsonNode bekaa = exact(http().get("/api/areas/LB2"));
        assertThat(bekaa.get("area").get("label").asString()).isEqualTo("Bekaa");
        assertThat(bekaa.get("parents").findValuesAsString("code")).containsExactly("LB");
        assertThat(bekaa.get("children").findValuesAsString("code")).containsExactly("LB23", "LB24", "LB25");

        JsonNode smeb = null;
        for (JsonNode i : bekaa.get("indicators")) {
            // The demo table's series (Syrian refugees): other tests import below-SMEB tables of other groups.
            JsonNode population = i.get("population");
            if (i.get("indicator").get("code").asString().equals("below-smeb") && population != null && !population.isNull()
                    && population.get("code").asString().equals("syrian-refugees")) {
                smeb = i;
            }
        }
        assertThat(smeb).as(bekaa.get("indicators").toString()).isNotNull();
        assertThat(smeb.get("latest").get("year").asInt()).isEqualTo(2022);
        assertThat(smeb.get("latest").get("value").decimalValue()).isEqualByComparingTo("96");
        assertThat(smeb.get("latest").get("previousYear").asInt()).isEqualTo(2020);

        // Passages that mention the governorate or one of its districts, each saying so.
        assertThat(bekaa.get("passageCount").asLong()).isGreaterThan(5);
        assertThat(bekaa.get("passages").size()).isPositive();
        for (JsonNode p : bekaa.get("passages")) {
            assertThat(texts(p.get("mentions").get("areas"))).as(p.get("text").asString()).containsAnyOf("LB2", "LB23", "LB24", "LB25");
        }
        assertThat(bekaa.get("organisations").size()).isPositive();
        // The Food Security sector meeting in Zahle was WFP's.
        assertThat(bekaa.get("organisations").has("WFP")).as(bekaa.get("organisations").toString()).isTrue();
        assertThat(bekaa.get("openQuestions").findValuesAsString("id")).contains(question);

        JsonNode south = exact(http().get("/api/areas/LB6"));
        assertThat(south.get("openQuestions").findValuesAsString("id")).doesNotContain(question);
        JsonNode westBekaa = exact(http().get("/api/areas/lb24"));
        assertThat(westBekaa.get("parents").findValuesAsString("code")).containsExactly("LB2");
        assertThat(westBekaa.get("children").size()).isZero();
    }

    @Test
    void aConfidentialNoteCountsOnlyForThoseWhoMayReadIt() {
        // The UNFPA field note on Minieh-Dennie (LB55) is confidential: anonymous callers see neither it nor its count.
        JsonNode anonymous = exact(http().get("/api/areas/LB55"));
        JsonNode admin = exact(admin().get("/api/areas/LB55"));
        assertThat(admin.get("passageCount").asLong()).isGreaterThan(anonymous.get("passageCount").asLong());
        assertThat(anonymous.toString()).doesNotContain("Safsaf");
        assertThat(admin.toString()).contains("Safsaf");
    }

    @Test
    void theAreaPageListsTheFieldObservationsTheCallerMaySee() {
        // UNHCR's public price monitoring in Zahle (LB25), September 2021.
        JsonNode zahle = exact(http().get("/api/areas/LB25"));
        JsonNode monitoring = only(zahle.get("observations"), "generator subscription");
        assertThat(monitoring.get("organisation").get("code").asString()).isEqualTo("UNHCR");
        assertThat(zahle.get("organisations").has("UNHCR")).as(zahle.get("organisations").toString()).isTrue();
        String page = http().get("/areas/LB25").text();
        assertThat(page).contains("id=\"area-observations\"", "href=\"" + monitoring.get("uri").asString() + "\"",
                "generator subscription", "2021-09-01 to 2021-09-30", "UNHCR", monitoring.get("status").asString());

        // NRC's field visit near Baalbek (LB21) is restricted: listed for those who may read it, never for others.
        JsonNode baalbek = exact(admin().get("/api/areas/LB21"));
        JsonNode visit = only(baalbek.get("observations"), "water trucking");
        assertThat(baalbek.get("organisations").has("NRC")).as(baalbek.get("organisations").toString()).isTrue();
        assertThat(admin().get("/areas/LB21").text()).contains("water trucking", "href=\"" + visit.get("uri").asString() + "\"");
        JsonNode anonymous = exact(http().get("/api/areas/LB21"));
        assertThat(anonymous.get("observations").toString()).doesNotContain("water trucking");
        assertThat(anonymous.get("organisations").has("NRC")).as(anonymous.get("organisations").toString()).isFalse();
        assertThat(http().get("/areas/LB21").text()).doesNotContain("water trucking").doesNotContain(visit.get("uri").asString());
    }

    @Test
    void anUnknownAreaIsNotFound() {
        for (String code : List.of("LB99", Http.enc("' OR 1=1 --"))) {
            Http.Response r = http().get("/api/areas/" + code);
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).endsWith("/not-found");
        }
    }

    /** The only observation whose text contains a phrase. */
    private static JsonNode only(JsonNode observations, String phrase) {
        List<JsonNode> found = new ArrayList<>();
        observations.forEach(o -> {
            if (o.get("text").asString().contains(phrase)) {
                found.add(o);
            }
        });
        assertThat(found).as(observations.toString()).hasSize(1);
        return found.getFirst();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
