package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * Two imports of the same table giving the same indicator, area and year: both stay as editions,
 * the latest import is the headline, and the page says so and lists the older one.
 */
class IndicatorEditionsTest extends HubTest {

    private static final String SOURCE = "Editions test: revised figures";
    private static final String CSV = """
            indicator,area,year,value,unit
            Share of households with an edition test stove,LB,2011,30,%
            Share of households with an edition test stove,LB,2012,VALUE,%
            """;

    @Test
    void aSecondImportOfTheSameYearIsANewEditionAndTheOlderStaysReachable() {
        JsonNode first = importCsv("40");
        JsonNode second = importCsv("45");
        String firstGraph = first.get("tables").get(0).get("graph").asString();
        String secondGraph = second.get("tables").get(0).get("graph").asString();
        assertThat(secondGraph).isNotEqualTo(firstGraph).endsWith("-edition-2");

        String code = first.get("indicatorsCreated").get(0).get("code").asString();
        JsonNode trend = http().get("/api/trends?indicator=" + code).json();
        JsonNode point = trend.get("series").get(0).get("points").get(1);
        assertThat(point.get("year").asInt()).isEqualTo(2012);
        assertThat(point.get("value").decimalValue()).isEqualByComparingTo("45");
        assertThat(point.get("importedBy").asString()).isNotBlank();
        JsonNode older = point.get("otherSources");
        assertThat(older.size()).as(older.toString()).isEqualTo(1);
        assertThat(older.get(0).get("value").decimalValue()).isEqualByComparingTo("40");
        assertThat(older.get(0).get("fileName").asString()).isEqualTo("stoves.csv");
        assertThat(older.get(0).get("imported").asString()).isLessThan(point.get("imported").asString());

        Http.Response page = http().get("/trends/explain?indicator=" + code + "&area=LB&from=2011&to=2012");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"headline-rule\"", "the headline is the most recently", "older edition", "stoves.csv");
        assertThat(page.text().indexOf(">45 %<")).as("the headline row comes first").isPositive()
                .isLessThan(page.text().indexOf(">40 %<"));
    }

    private JsonNode importCsv(String value2012) {
        Http.Response r = admin().upload("/api/indicators/import", "stoves.csv",
                CSV.replace("VALUE", value2012).getBytes(StandardCharsets.UTF_8), Map.of("source", SOURCE));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
