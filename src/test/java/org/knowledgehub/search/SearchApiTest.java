package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/search} over the demo corpus: ranking, provenance, filters, facets, paging, bad queries. */
class SearchApiTest extends HubTest {

    private JsonNode search(String query) {
        Http.Response r = http().get("/api/search?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void resultsAreRankedPassagesWithFullProvenance() {
        JsonNode page = search("q=" + Http.enc("water trucking"));
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode results = page.get("results");
        assertThat(results.size()).isEqualTo(10);
        double previous = Double.MAX_VALUE;
        for (JsonNode r : results) {
            double score = r.get("score").asDouble();
            assertThat(score).isPositive().isLessThanOrEqualTo(previous);
            previous = score;
            assertThat(r.get("passage").asString()).contains("/id/document/").contains("/passage/");
            assertThat(r.get("graph").asString()).contains("/graph/document/");
            JsonNode doc = r.get("document");
            for (String field : new String[]{"id", "uri", "title", "type", "sensitivity", "api", "original"}) {
                assertThat(doc.get(field).asString()).as(field).isNotBlank();
            }
            assertThat(r.get("start").asInt()).isLessThan(r.get("end").asInt());
            String text = http().get(doc.get("api").asString() + "/text").text();
            assertThat(text.substring(r.get("start").asInt(), r.get("end").asInt())).isEqualTo(r.get("text").asString());
        }
        JsonNode best = results.get(0);
        assertThat(best.get("fragment").asString()).containsPattern("<mark>(water|trucking|trucked)</mark>");
        assertThat(best.get("section").get("title").asString()).isNotBlank();
    }

    @Test
    void filtersNarrowTheResults() {
        JsonNode minutes = search("q=rent&type=minutes&k=50");
        assertThat(minutes.get("total").asInt()).isPositive();
        minutes.get("results").forEach(r -> assertThat(r.get("document").get("type").asString()).isEqualTo("minutes"));

        JsonNode unicef = search("q=water&organisation=UNICEF&k=50");
        assertThat(unicef.get("total").asInt()).isPositive();
        unicef.get("results").forEach(r -> assertThat(r.get("document").get("organisations").toString()).contains("UNICEF"));

        JsonNode in2021 = search("q=rent&from=2021&to=2021&k=50");
        assertThat(in2021.get("total").asInt()).isPositive();
        in2021.get("results").forEach(r -> assertThat(r.get("document").get("date").asString()).startsWith("2021-"));

        JsonNode narrow = search("q=rent&from=2020-06-01&to=2020-06-30&k=50");
        narrow.get("results").forEach(r -> assertThat(r.get("document").get("date").asString()).startsWith("2020-06"));

        JsonNode all = search("q=rent");
        assertThat(in2021.get("total").asInt()).isLessThan(all.get("total").asInt());
        assertThat(search("q=rent&sensitivity=public").get("total").asInt()).isEqualTo(all.get("total").asInt());
    }

    @Test
    void filtersNarrowWhatIsFoundNotHowItScores() {
        Map<String, Double> unfiltered = new HashMap<>();
        search("q=rent&k=100").get("results").forEach(r -> unfiltered.put(r.get("passage").asString(), r.get("score").asDouble()));
        JsonNode in2021 = search("q=rent&from=2021&to=2021&k=100").get("results");
        assertThat(in2021.size()).isPositive();
        in2021.forEach(r -> assertThat(r.get("score").asDouble()).as(r.get("passage").asString())
                .isCloseTo(unfiltered.get(r.get("passage").asString()), within(1e-6)));
    }

    @Test
    void facetsCountEveryMatchNotJustThePage() {
        JsonNode page = search("q=refugees&k=3");
        int total = page.get("total").asInt();
        assertThat(total).isGreaterThan(3);
        JsonNode facets = page.get("facets");
        int byType = 0;
        for (var e : facets.get("type").properties()) {
            byType += e.getValue().asInt();
        }
        assertThat(byType).isEqualTo(total);
        assertThat(facets.get("year").properties()).isNotEmpty();
        assertThat(facets.get("organisation").toString()).contains("UNHCR");
        // Every facet value, used as a filter, finds exactly the passages it counted.
        for (String dim : List.of("year", "area", "sector", "organisation")) {
            var first = facets.get(dim).properties().iterator().next();
            assertThat(search("q=refugees&" + dim + "=" + Http.enc(first.getKey())).get("total").asInt())
                    .as(dim + "=" + first.getKey()).isEqualTo(first.getValue().asInt());
        }
    }

    @Test
    void pagesDoNotOverlap() {
        JsonNode first = search("q=households&k=5&offset=0");
        JsonNode second = search("q=households&k=5&offset=5");
        assertThat(second.get("total").asInt()).isEqualTo(first.get("total").asInt());
        Set<String> seen = new HashSet<>();
        first.get("results").forEach(r -> seen.add(r.get("passage").asString()));
        second.get("results").forEach(r -> assertThat(seen.add(r.get("passage").asString())).isTrue());
        assertThat(seen).hasSize(10);
    }

    @Test
    void aHyphenatedWordIsSearchedAsAPhrase() {
        JsonNode page = search("q=e-card&k=50");
        assertThat(page.get("total").asInt()).isPositive();
        // The word may stand in the passage, its section title or its document's title.
        page.get("results").forEach(r -> assertThat((r.get("text").asString() + " " + r.get("section").toString() + " "
                + r.get("document").get("title").asString()).toLowerCase()).containsPattern("e-?cards?"));
    }

    @Test
    void queryTextIsUserInputAndBadQueriesAre400s() {
        String[][] bad = {
                {"q=", "q"}, {"q=" + Http.enc("water AND"), "q"}, {"q=" + Http.enc("\"unclosed phrase"), "q"},
                {"q=" + Http.enc("graph:anything"), "q"}, {"q=" + Http.enc("sensitivity:confidential"), "q"},
                {"q=" + Http.enc("water) OR (sensitivity:confidential"), "q"}, {"q=" + Http.enc("/wat.*r/"), "q"},
                {"q=" + Http.enc("[a TO z]"), "q"}, {"q=" + Http.enc("*ater"), "q"}, {"q=" + "w".repeat(1001), "q"},
                {"q=water&k=0", "k"}, {"q=water&k=1000", "k"}, {"q=water&k=ten", "k"}, {"q=water&offset=-1", "offset"},
                {"q=water&from=yesterday", "from"}, {"q=water&from=2022&to=2020", "from"}, {"q=water&type=memo", "type"},
                {"q=water&sensitivity=secret", "sensitivity"}, {"", "q"},
                // ten fuzzy terms expand past Lucene's clause limit when the search runs
                {"q=" + Http.enc("ab~2 cd~2 ef~2 gh~2 ij~2 kl~2 mn~2 op~2 qr~2 st~2"), "q"}};
        for (String[] c : bad) {
            Http.Response r = http().get("/api/search?" + c[0]);
            assertThat(r.status()).as(c[0] + " -> " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        JsonNode escaped = search("q=" + Http.enc("<img src=x onerror=alert(1)> water"));
        assertThat(escaped.get("total").asInt()).isPositive();
        escaped.get("results").forEach(r -> assertThat(r.get("fragment").asString()).doesNotContain("<img"));
    }

    /**
     * Totals and facets are kept between requests: a caller who may see the demo corpus's restricted
     * flash note must count its passages, and the anonymous caller right before and after must not.
     */
    @Test
    void callersWithDifferentAccessGetTheirOwnTotalsAndFacetsBackToBack() {
        String query = "/api/search?q=" + Http.enc("arrests curfew raids Kfar Hanoun");
        JsonNode anonymous = http().get(query).json();
        JsonNode admin = admin().get(query).json();
        assertThat(admin.get("total").asInt()).isGreaterThan(anonymous.get("total").asInt());
        // The flash note is a field note: the admin counts its passages by type, the anonymous caller does not.
        assertThat(admin.get("facets").get("type").path("field-note").asInt())
                .isGreaterThan(anonymous.get("facets").get("type").path("field-note").asInt());
        assertThat(http().get(query).json()).as("anonymous again").isEqualTo(anonymous);
        assertThat(admin().get(query).json()).as("admin again").isEqualTo(admin);
        assertThat(http().get(query + "&facets=false").json().get("total")).isEqualTo(anonymous.get("total"));
        assertThat(admin().get(query + "&facets=false").json().get("total")).isEqualTo(admin.get("total"));
    }

    @Test
    void facetsAreLeftOutWhenNotAskedFor() {
        JsonNode with = search("q=refugees&k=3");
        JsonNode without = search("q=refugees&k=3&facets=false");
        assertThat(without.get("facets").size()).isZero();
        assertThat(without.get("total")).isEqualTo(with.get("total"));
        assertThat(without.get("results")).isEqualTo(with.get("results"));
        // Every public passage: more than the scoring pass counts exactly, counted all the same.
        assertThat(search("sensitivity=public&facets=false").get("total")).isEqualTo(search("sensitivity=public").get("total"));
        Http.Response bad = http().get("/api/search?q=water&facets=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("facets");
    }

    @Test
    void aDocumentFilterKeepsItsPassages() {
        JsonNode any = search("q=water");
        String id = any.get("results").get(0).get("document").get("id").asString();
        JsonNode one = search("q=water&k=50&document=" + id);
        assertThat(one.get("total").asInt()).isPositive().isLessThan(any.get("total").asInt());
        one.get("results").forEach(r -> assertThat(r.get("document").get("id").asString()).isEqualTo(id));
        assertThat(search("q=water&document=" + Http.enc(any.get("results").get(0).get("document").get("uri").asString()))
                .get("total")).as("by its IRI").isEqualTo(one.get("total"));
        assertThat(http().get("/api/search?q=water&document=" + Http.enc("../etc")).status()).isEqualTo(400);
    }
}
