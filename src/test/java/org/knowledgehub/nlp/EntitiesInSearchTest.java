package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.ontology.MentionSpans;
import tools.jackson.databind.JsonNode;

/** What entity linking gives users of the demo corpus: mentions in the graph, filters and facets in search. */
class EntitiesInSearchTest extends HubTest {

    private JsonNode search(Http as, String query) {
        Http.Response r = as.get("/api/search?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Set<String> passages(JsonNode page) {
        Set<String> out = new HashSet<>();
        page.get("results").forEach(r -> out.add(r.get("passage").asString()));
        return out;
    }

    @Test
    void aDistrictCountsForItsGovernorate() {
        JsonNode zahle = search(http(), "q=households&area=LB25&k=100");
        JsonNode bekaa = search(http(), "q=households&area=LB2&k=100");
        assertThat(zahle.get("total").asInt()).isPositive();
        assertThat(bekaa.get("total").asInt()).isGreaterThanOrEqualTo(zahle.get("total").asInt());
        assertThat(passages(bekaa)).containsAll(passages(zahle));
        zahle.get("results").forEach(r -> assertThat(r.get("mentions").get("areas").toString()).contains("LB25", "LB2"));
        assertThat(bekaa.get("labels").get("LB2").asString()).isEqualTo("Bekaa");
        assertThat(bekaa.get("facets").get("area").has("LB25")).isTrue();
    }

    @Test
    void sectorPopulationIndicatorAndYearFilters() {
        JsonNode wash = search(http(), "q=water&sector=wash&k=50");
        assertThat(wash.get("total").asInt()).isPositive();
        wash.get("results").forEach(r -> assertThat(r.get("mentions").get("sectors").toString()).contains("wash"));
        JsonNode prs = search(http(), "q=refugees&population=palestine-refugees-from-syria");
        assertThat(prs.get("total").asInt()).isPositive();
        JsonNode smeb = search(http(), "q=households&indicator=below-smeb");
        assertThat(smeb.get("total").asInt()).isPositive();
        smeb.get("results").forEach(r -> assertThat(r.get("mentions").get("sectors").toString()).contains("basic-assistance"));
        JsonNode in2020 = search(http(), "q=rent&year=2020&k=50");
        in2020.get("results").forEach(r -> assertThat(r.get("mentions").get("years").toString()).contains("2020"));
        for (String dim : List.of("area", "sector", "population", "indicator")) {
            assertThat(search(http(), "q=refugees").get("facets").get(dim).properties()).as(dim).isNotEmpty();
        }
    }

    @Test
    void unknownConceptsAreRefused() {
        for (String[] bad : new String[][]{{"area=LB99", "area"}, {"area=Zahle", "area"}, {"sector=cooking", "sector"},
                {"population=tourists", "population"}, {"indicator=gdp", "indicator"}, {"year=20x0", "year"}}) {
            Http.Response r = http().get("/api/search?q=water&" + bad[0]);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo(bad[1]);
        }
    }

    @Test
    void mentionsAreStoredWithTheirLinksAndTheProgramThatFoundThem() {
        String id = DocumentIds.forSource("minutes/fss-bekaa-zahle-2020-06-18.md");
        // Within the document's own graph, as an analyst would ask it: each passage's mentions in one
        // kh:mentionSpans literal, the programs that found them on the document's ingestion.
        Http.Response r = http().get("/sparql?query=" + Http.enc("""
                PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?spans ?text ?start ?agent WHERE {
                  GRAPH <http://localhost:8080/graph/document/%s> {
                    { ?p kh:mentionSpans ?spans ; kh:text ?text ; kh:startOffset ?start }
                    UNION { ?doc prov:wasGeneratedBy/prov:wasAssociatedWith ?program }
                  }
                  OPTIONAL { ?program rdfs:label ?agent }
                }""".formatted(id)), "Accept", "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        r.json().get("results").get("bindings").forEach(b -> {
            if (b.has("agent")) {
                agents.add(b.get("agent").get("value").asString());
            }
            if (!b.has("spans")) {
                return;
            }
            String text = b.get("text").get("value").asString();
            int start = b.get("start").get("value").asInt();
            for (MentionSpans.Span x : MentionSpans.read(b.get("spans").get("value").asString(), "http://localhost:8080/")) {
                rows.add(x.type() + " " + text.substring(x.start() - start, x.end() - start) + " "
                        + (x.target() == null ? "-" : x.target()) + " " + x.agent());
            }
        });
        assertThat(rows).contains("place Zahle http://localhost:8080/id/area/LB25 gazetteer")
                .anyMatch(x -> x.startsWith("organisation WFP http://localhost:8080/id/organisation/wfp"))
                .anyMatch(x -> x.startsWith("sector ") && x.contains("/id/sector/food-security"))
                .anyMatch(x -> x.startsWith("date ") && x.endsWith(" corenlp"));
        assertThat(agents).anyMatch(a -> a.startsWith("Knowledge Hub") && a.contains("(link stage)"))
                .anyMatch(a -> a.contains("Stanford CoreNLP"));
    }

    @Test
    void personalDataIsFlaggedOnItsPassageAndMaskedInIt() {
        // The case worker's name and phone number: masked in the index, even for the admin.
        assertThat(search(admin(), "q=" + Http.enc("\"+961 3 123 456\"")).get("total").asInt()).isZero();
        assertThat(search(admin(), "q=" + Http.enc("\"Rana Khaddour\"")).get("total").asInt()).isZero();
        JsonNode confidential = search(admin(), "q=" + Http.enc("\"referrals flagged JASMINE-7\"") + "&k=1");
        assertThat(confidential.get("total").asInt()).isEqualTo(1);
        assertThat(confidential.get("results").get(0).get("mentions").get("personalData").asBoolean()).isTrue();
        assertThat(confidential.get("results").get(0).get("text").asString()).contains("[name███████] (case worker, reachable on "
                + "[phone███████] on working days)");
        JsonNode ordinary = search(http(), "q=" + Http.enc("\"water trucking\"") + "&k=5");
        ordinary.get("results").forEach(r -> assertThat(r.get("mentions").get("personalData").asBoolean()).isFalse());
    }
}
