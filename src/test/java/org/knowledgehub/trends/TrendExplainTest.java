package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.trends.IndicatorImportApiTest.assertProblem;
import static org.knowledgehub.trends.IndicatorImportApiTest.exact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/trends/explain} over the demo corpus: the change, the field knowledge that explains
 * it, and the figures of sources that disagree.
 */
class TrendExplainTest extends HubTest {

    private static final String SMEB_BEKAA = "/api/trends/explain?indicator=below-smeb&area=LB2&population=syrian-refugees";

    @Test
    void theRiseBelowTheSmebInTheBekaaIsExplainedByThePartnersInZahle() {
        JsonNode r = exact(http().get(SMEB_BEKAA + "&from=2019&to=2020"));
        JsonNode change = r.get("change");
        assertThat(change.get("fromValue").decimalValue()).isEqualByComparingTo("72");
        assertThat(change.get("toValue").decimalValue()).isEqualByComparingTo("96");
        assertThat(change.get("change").decimalValue()).isEqualByComparingTo("24");
        assertThat(change.get("unit").asString()).isEqualTo("%");

        // The Food Security sector meeting in Zahle, June 2020, gave the partners' explanation.
        JsonNode evidence = r.get("evidence");
        assertThat(evidence.get("confident").asBoolean()).isTrue();
        JsonNode first = evidence.get("answers").get(0);
        assertThat(first.get("text").asString()).as(titles(evidence)).contains("currency depreciation");
        JsonNode provenance = first.get("provenance");
        assertThat(provenance.get("document").get("type").asString()).isEqualTo("minutes");
        assertThat(provenance.get("document").get("date").asString()).isEqualTo("2020-06-18");
        assertThat(provenance.get("section")).isNotNull();
        assertThat(provenance.get("ingestion")).isNotNull();

        // Turning "why?" into a research question: the suggestion posts as it is.
        JsonNode suggested = r.get("suggestedQuestion");
        assertThat(suggested.get("areas").toString()).contains("LB2");
        assertThat(suggested.get("sectors").toString()).contains("basic-assistance");
        assertThat(suggested.get("period").asString()).isEqualTo("2019/2020");
        Http.Response created = admin().json("POST", "/api/questions", suggested.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        // Asked, the question is among those open on the trend (and on its districts' trends).
        JsonNode again = exact(http().get(SMEB_BEKAA + "&from=2019&to=2020"));
        assertThat(again.get("openQuestions").findValuesAsString("id")).contains(id);
        JsonNode district = exact(http().get("/api/trends/explain?indicator=below-smeb&area=LB24&from=2019&to=2020"));
        assertThat(district.get("openQuestions").findValuesAsString("id")).contains(id);
        JsonNode elsewhere = exact(http().get("/api/trends/explain?indicator=below-smeb&area=LB6&from=2019&to=2020"));
        assertThat(elsewhere.get("openQuestions").findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void twoSourcesGivingDifferentFiguresForTheSameYearAreShownSideBySide() {
        // Figures written for this test, for a population group no other test reads.
        importLongCsv("bekaa-mvam.csv", "WFP mVAM Lebanon, 2020", """
                indicator,area,year,value,unit
                moderate-severe-food-insecurity,Bekaa,2019,27,%
                moderate-severe-food-insecurity,Bekaa,2020,41,%
                """);
        importLongCsv("bekaa-dashboard.csv", "LCRP Food Security sector dashboard, 2020", """
                indicator,area,year,value,unit
                moderate-severe-food-insecurity,Bekaa,2020,36,%
                """);
        String query = "?indicator=moderate-severe-food-insecurity&area=LB2&population=vulnerable-lebanese&from=2019&to=2020";

        JsonNode disagreements = exact(http().get("/api/trends/explain" + query)).get("disagreements");
        assertThat(disagreements.size()).as(disagreements.toString()).isEqualTo(1);
        JsonNode year = disagreements.get(0);
        assertThat(year.get("year").asInt()).isEqualTo(2020);
        List<String> sideBySide = new ArrayList<>(List.of(sourced(year.get("shown"))));
        year.get("others").forEach(o -> sideBySide.add(sourced(o)));
        assertThat(sideBySide).containsExactlyInAnyOrder("41 (WFP mVAM Lebanon, 2020)", "36 (LCRP Food Security sector dashboard, 2020)");

        Http.Response page = http().get("/trends/explain" + query);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"explain-disagreements\"", "(WFP mVAM Lebanon, 2020)", "(LCRP Food Security sector dashboard, 2020)");
    }

    @Test
    void theNamedQueryListsTrendsThatNoDocumentExplainsYet() {
        String query = http().get("/api/queries/indicators-without-evidence").json().get("query").asString();
        JsonNode rows = http().post("/sparql", "application/sparql-query", query.getBytes(), "Accept", "application/json")
                .json().get("results").get("bindings");
        List<String> pairs = new ArrayList<>();
        rows.forEach(b -> pairs.add(b.get("indicator").get("value").asString().replaceAll(".*/", "") + "@"
                + b.get("area").get("value").asString().replaceAll(".*/", "")));
        assertThat(pairs).isNotEmpty();
        // The Bekaa's rise below the SMEB is explained by the Zahle minutes, so it is not listed.
        assertThat(pairs).doesNotContain("below-smeb@LB2", "below-smeb@LB");
    }

    @Test
    void aBadPeriodIsAProblemNamingTheParameter() {
        assertProblem(http().get(SMEB_BEKAA + "&from=2020&to=2019"), 400, "to");
        assertProblem(http().get(SMEB_BEKAA + "&from=1900&to=2100"), 400, "to");
        assertProblem(http().get(SMEB_BEKAA + "&from=last+year&to=2020"), 400, "from");
        assertProblem(http().get(SMEB_BEKAA + "&from=2019"), 400, "to");
        assertProblem(http().get("/api/trends/explain?indicator=no-such-thing&area=LB2&from=2019&to=2020"), 400, "indicator");
    }

    private void importLongCsv(String file, String source, String csv) {
        Http.Response r = admin().upload("/api/indicators/import", file, csv.getBytes(StandardCharsets.UTF_8),
                Map.of("source", source, "population", "vulnerable-lebanese"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** A value and the publication that gives it. */
    private static String sourced(JsonNode value) {
        return value.get("value").decimalValue().stripTrailingZeros().toPlainString() + " (" + value.get("source").asString() + ")";
    }

    private static String titles(JsonNode evidence) {
        List<String> out = new ArrayList<>();
        evidence.get("answers").forEach(a -> out.add(a.get("provenance").get("document").get("title").asString()));
        return out.toString();
    }
}
