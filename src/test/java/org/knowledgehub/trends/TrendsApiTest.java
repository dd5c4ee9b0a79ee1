package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.trends.IndicatorImportApiTest.assertProblem;
import static org.knowledgehub.trends.IndicatorImportApiTest.codes;
import static org.knowledgehub.trends.IndicatorImportApiTest.exact;
import static org.knowledgehub.trends.IndicatorImportApiTest.points;
import static org.knowledgehub.trends.IndicatorImportApiTest.series;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/indicators}, {@code /api/trends} and {@code /api/trends/compare} over the demo
 * indicator tables of {@code corpus/indicators/} (VASyR figures, the same as the demo documents
 * quote), as an anonymous caller sees them.
 */
class TrendsApiTest extends HubTest {

    private static final String REFUGEES = "&population=syrian-refugees";

    @Test
    void theIndicatorsListNamesTheDemoIndicatorsWithTheirAreasYearsAndSources() {
        JsonNode list = exact(http().get("/api/indicators"));
        JsonNode smeb = indicator(list, "below-smeb");
        assertThat(smeb.get("label").asString()).isEqualTo("Households below the survival minimum expenditure basket");
        assertThat(smeb.get("unit").asString()).isEqualTo("% of households");
        assertThat(smeb.get("created").asBoolean()).isFalse();
        assertThat(texts(smeb.get("sectors"))).containsExactly("basic-assistance");
        assertThat(ints(smeb.get("years"))).containsSubsequence(2018, 2019, 2020, 2021, 2022);
        assertThat(smeb.get("areas").findValuesAsString("code"))
                .contains("LB", "LB1", "LB2", "LB3", "LB4", "LB5", "LB6", "LB7", "LB8", "LB23", "LB24", "LB25");
        assertThat(smeb.get("areas").get(0).get("code").asString()).as("Lebanon first").isEqualTo("LB");
        assertThat(smeb.get("populations").findValuesAsString("code")).contains("syrian-refugees");
        assertThat(texts(smeb.get("sources"))).contains("VASyR 2018-2022, UNHCR/UNICEF/WFP");

        JsonNode food = indicator(list, "moderate-severe-food-insecurity");
        assertThat(ints(food.get("years"))).containsSubsequence(2018, 2019, 2020, 2021, 2022);
        assertThat(food.get("areas").findValuesAsString("code")).contains("LB", "LB1", "LB5", "LB8");
        assertThat(texts(food.get("sources"))).contains("VASyR 2018-2022, UNHCR/UNICEF/WFP",
                "VASyR 2018 and 2020, UNHCR/UNICEF/WFP: food security by governorate");
    }

    @Test
    void aGovernoratesTrendHasItsYearOnYearChangesItsDistrictsAndLebanon() {
        JsonNode trend = exact(http().get("/api/trends?indicator=below-smeb&area=LB2" + REFUGEES));
        assertThat(trend.get("indicator").get("code").asString()).isEqualTo("below-smeb");
        assertThat(trend.get("area").get("label").asString()).isEqualTo("Bekaa");
        assertThat(trend.get("series").findValuesAsString("role")).doesNotContain("parent");

        JsonNode bekaa = series(trend, "area", "LB2");
        assertThat(points(bekaa)).containsExactly(Map.entry(2018, "71"), Map.entry(2019, "72"), Map.entry(2020, "96"),
                Map.entry(2022, "96"));
        assertThat(changes(bekaa)).containsExactly(null, "1", "24", "0");
        assertThat(bekaa.get("points").get(3).get("previousYear").asInt()).as("2021 has no Bekaa value").isEqualTo(2020);
        assertThat(bekaa.get("points").get(2).get("unit").asString()).isEqualTo("%");
        assertThat(bekaa.get("points").get(2).get("source").asString()).isEqualTo("VASyR 2018-2022, UNHCR/UNICEF/WFP");
        assertThat(bekaa.get("points").get(2).get("observation").asString()).startsWith("http://localhost:8080/id/dataset/");

        JsonNode lebanon = series(trend, "national", "LB");
        assertThat(points(lebanon)).containsExactly(Map.entry(2018, "51"), Map.entry(2019, "55"), Map.entry(2020, "89"),
                Map.entry(2021, "88"), Map.entry(2022, "90"));
        assertThat(changes(lebanon)).containsExactly(null, "4", "34", "-1", "2");

        assertThat(trend.get("series").findValuesAsString("role").stream().filter("child"::equals)).hasSize(3);
        assertThat(points(series(trend, "child", "LB25"))).containsExactly(Map.entry(2018, "69"), Map.entry(2019, "71"),
                Map.entry(2020, "97"));
        assertThat(changes(series(trend, "child", "LB24"))).containsExactly(null, "-3", "23");
    }

    @Test
    void aDistrictsTrendHasItsGovernorateAndLebanonAndTakesAreaNames() {
        JsonNode trend = exact(http().get("/api/trends?indicator=below-smeb&area=Zahleh" + REFUGEES));
        assertThat(trend.get("area").get("code").asString()).isEqualTo("LB25");
        assertThat(trend.get("series").findValuesAsString("role")).containsExactly("area", "parent", "national");
        assertThat(series(trend, "parent", "LB2").get("points").size()).isEqualTo(4);
    }

    @Test
    void governoratesAreRankedForAYearWithTheChangeSinceTheirPreviousRound() {
        JsonNode c = exact(http().get("/api/trends/compare?indicator=below-smeb&year=2020" + REFUGEES));
        assertThat(c.get("year").asInt()).isEqualTo(2020);
        assertThat(c.get("level").asString()).isEqualTo("governorate");
        assertThat(codes(c.get("areas"))).containsExactly("LB2", "LB8", "LB5", "LB7", "LB4", "LB6", "LB3", "LB1");
        assertThat(c.get("areas").get(0).get("rank").asInt()).isEqualTo(1);
        JsonNode beirut = c.get("areas").get(7);
        assertThat(beirut.get("value").decimalValue()).isEqualByComparingTo("71");
        assertThat(beirut.get("previousYear").asInt()).isEqualTo(2019);
        assertThat(beirut.get("previousValue").decimalValue()).isEqualByComparingTo("23");
        assertThat(beirut.get("change").decimalValue()).as("the largest increase, as the demo documents say").isEqualByComparingTo("48");
        assertThat(c.get("national").get("value").decimalValue()).isEqualByComparingTo("89");
        assertThat(c.get("national").get("change").decimalValue()).isEqualByComparingTo("34");
        assertThat(ints(c.get("years"))).containsSubsequence(2018, 2019, 2020, 2021, 2022);

        JsonNode latest = exact(http().get("/api/trends/compare?indicator=below-smeb" + REFUGEES));
        assertThat(latest.get("year").asInt()).as("the latest year by default").isEqualTo(2022);
        JsonNode akkar = latest.get("areas").get(codes(latest.get("areas")).indexOf("LB7"));
        assertThat(akkar.get("previousYear").asInt()).isEqualTo(2020);
        assertThat(akkar.get("change").decimalValue()).isEqualByComparingTo("5");

        JsonNode districts = exact(http().get("/api/trends/compare?indicator=below-smeb&year=2020&level=district" + REFUGEES));
        assertThat(codes(districts.get("areas"))).containsExactly("LB25", "LB24", "LB23");

        JsonNode food = exact(http().get("/api/trends/compare?indicator=moderate-severe-food-insecurity&year=2020" + REFUGEES));
        assertThat(codes(food.get("areas")).subList(0, 3)).as("the North, the South and the Bekaa").containsExactly("LB5", "LB6", "LB2");
        JsonNode bekaa = food.get("areas").get(2);
        assertThat(bekaa.get("previousYear").asInt()).isEqualTo(2018);
        assertThat(bekaa.get("change").decimalValue()).isEqualByComparingTo("32");
        assertThat(food.get("national").get("value").decimalValue()).isEqualByComparingTo("49");
        assertThat(food.get("national").get("change").decimalValue()).isEqualByComparingTo("20");
    }

    @Test
    void theNamedQueriesGiveAGovernorateSeriesAndTheLargestChangeBetweenRounds() {
        JsonNode series = namedQuery("indicator-series-by-governorate");
        List<String> bekaa = new ArrayList<>();
        series.forEach(row -> {
            if (row.get("areaName").get("value").asString().equals("Bekaa") && row.has("population")) {
                bekaa.add(row.get("year").get("value").asString() + "="
                        + new BigDecimal(row.get("value").get("value").asString()).stripTrailingZeros().toPlainString());
            }
        });
        assertThat(bekaa).containsExactly("2018=71", "2019=72", "2020=96", "2022=96");

        JsonNode changes = namedQuery("largest-changes-between-rounds");
        JsonNode first = changes.get(0);
        assertThat(first.get("areaName").get("value").asString()).as("Beirut rose most, as the demo documents say").isEqualTo("Beirut");
        assertThat(new BigDecimal(first.get("change").get("value").asString())).isEqualByComparingTo("48");
    }

    @Test
    void unknownOrInvalidParametersAreProblemsNamingTheParameter() {
        assertProblem(http().get("/api/trends?area=LB2"), 400, "indicator");
        assertProblem(http().get("/api/trends?indicator=no-such-indicator"), 400, "indicator");
        assertProblem(http().get("/api/trends?indicator=below-smeb&area=Atlantis"), 400, "area");
        assertProblem(http().get("/api/trends?indicator=below-smeb&population=martians"), 400, "population");
        assertProblem(http().get("/api/trends/compare?indicator=no-such-indicator"), 400, "indicator");
        assertProblem(http().get("/api/trends/compare?indicator=below-smeb&year=twenty"), 400, "year");
        assertProblem(http().get("/api/trends/compare?indicator=below-smeb&level=village"), 400, "level");
    }

    private JsonNode namedQuery(String name) {
        String query = http().get("/api/queries/" + name).json().get("query").asString();
        Http.Response r = http().post("/sparql", "application/sparql-query", query.getBytes(StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("results").get("bindings");
    }

    private static JsonNode indicator(JsonNode list, String code) {
        for (JsonNode i : list) {
            if (i.get("code").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code + " in " + list);
    }

    private static List<String> changes(JsonNode series) {
        List<String> out = new ArrayList<>();
        series.get("points").forEach(p -> out.add(p.get("change").isNull() ? null
                : p.get("change").decimalValue().stripTrailingZeros().toPlainString()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
