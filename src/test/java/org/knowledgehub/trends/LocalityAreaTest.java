package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.trends.IndicatorImportApiTest.exact;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/** A town named in a document counts for its district and governorate, and has a page of its own. */
class LocalityAreaTest extends HubTest {

    @Test
    void aPassageNamingOnlyATownIsFoundUnderItsDistrictAndOnTheTownsPage() {
        long before = exact(http().get("/api/areas/LB25")).get("passageCount").asLong();
        String marker = Members.marker("Qloc");
        // Names Terbol and no district or governorate.
        Http.Response uploaded = admin().upload("/api/documents", "terbol-" + marker + ".md",
                ("# Water point " + marker + "\n\nThe only water point of Terbol broke down on 3 March 2023; "
                        + marker + " households queued at the next one for four hours.\n").getBytes(StandardCharsets.UTF_8),
                Map.of("type", "field-note", "sensitivity", "public"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        try {
            JsonNode zahle = exact(http().get("/api/search?q=" + marker + "&area=LB25"));
            assertThat(zahle.get("total").asInt()).as(zahle.toString()).isPositive();
            zahle.get("results").forEach(r -> assertThat(r.get("mentions").get("areas").toString())
                    .contains("LB25-terbol", "LB25", "LB2").doesNotContain("\"LB\""));
            assertThat(exact(http().get("/api/search?q=" + marker + "&area=LB2")).get("total").asInt()).isPositive();
            assertThat(exact(http().get("/api/search?q=" + marker + "&area=LB25-terbol")).get("total").asInt()).isPositive();
            assertThat(exact(http().get("/api/search?q=" + marker + "&area=LB24")).get("total").asInt()).isZero();

            JsonNode district = exact(http().get("/api/areas/LB25"));
            assertThat(district.get("passageCount").asLong()).isGreaterThan(before);
            assertThat(district.get("localities").findValuesAsString("code")).contains("LB25-terbol", "LB25-bar-elias", "LB25-zahle")
                    .doesNotContain("LB24-joub-jannine");
            assertThat(district.get("children").size()).as("districts have no administrative children").isZero();
            assertThat(http().get("/areas/LB25").text()).contains("id=\"localities\"", "href=\"/areas/LB25-terbol\"", "Bar Elias");

            JsonNode terbol = exact(http().get("/api/areas/LB25-terbol"));
            assertThat(terbol.get("parents").findValuesAsString("code")).containsExactly("LB25", "LB2");
            assertThat(terbol.get("passages").toString()).contains(marker);
            String page = http().get("/areas/LB25-terbol").text();
            assertThat(page).contains("Locality", "Terbol", "تربل", "href=\"/areas/LB25\"", "href=\"/areas/LB2\"", marker);
        } finally {
            assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void aLocalityPageShowsItsNamesInThreeLanguagesAndItsCoordinates() {
        JsonNode barElias = exact(http().get("/api/areas/lb25-bar-elias"));
        assertThat(barElias.get("area").get("label").asString()).isEqualTo("Bar Elias");
        assertThat(barElias.get("names").get("ar").asString()).isEqualTo("برالياس");
        assertThat(barElias.get("names").get("fr").asString()).isEqualTo("Bar Élias");
        assertThat(barElias.get("coordinates").isNull()).as("GeoNames does not list Bar Elias").isTrue();

        JsonNode tripoli = exact(http().get("/api/areas/LB56-tripoli"));
        assertThat(tripoli.get("coordinates").get("latitude").decimalValue()).isBetween(
                new java.math.BigDecimal("34.3"), new java.math.BigDecimal("34.5"));
        assertThat(tripoli.get("localities").findValuesAsString("code")).contains("LB56-bab-al-tabbaneh", "LB56-jabal-mohsen");
        assertThat(tripoli.get("parents").findValuesAsString("code")).containsExactly("LB56", "LB5");
        String page = http().get("/areas/LB56-tripoli").text();
        assertThat(page).contains("id=\"area-coordinates\"", "34.43352 N, 35.84415 E", "طرابلس", "Neighbourhoods:");

        assertThat(http().get("/api/areas/LB25-nowhere").status()).isEqualTo(404);
    }
}
