package org.knowledgehub.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code kh:search} with filters in its arguments, pushed into the index query: the same rows as
 * joining the unfiltered search with the graph patterns that say the same, never a passage the
 * caller may not see, and a 400 problem for arguments it cannot take.
 */
class TextSearchFiltersTest extends HubTest {

    private static final String PREFIXES = """
            PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    /** The demo corpus's one restricted document (Intersos' flash note on Kfar Hanoun). */
    private static final String RESTRICTED_TITLE = "Protection monitoring flash note: raids, arrests and curfew in Kfar Hanoun (West Bekaa)";

    private static Http.Response sparql(Http as, String query) {
        return as.get("/sparql?query=" + Http.enc(PREFIXES + query), "Accept", "application/sparql-results+json");
    }

    private static JsonNode bindings(Http as, String query) {
        Http.Response r = sparql(as, query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("results").get("bindings");
    }

    /** Each row as passage and score. */
    private static Set<String> rows(Http as, String query) {
        Set<String> rows = new HashSet<>();
        bindings(as, query).forEach(b -> rows.add(b.get("p").get("value").asString() + " " + b.get("s").get("value").asString()));
        return rows;
    }

    private String documentTitled(String title) {
        return bindings(admin(), "SELECT ?doc { ?doc a kh:Document ; dcterms:title \"" + title + "\" }")
                .get(0).get("doc").get("value").asString();
    }

    @Test
    void aDocumentFilterGivesTheRowsOfTheJoin() {
        // Minutes with passages the search finds: which minutes a store lists first is its own affair.
        String doc = bindings(http(), "SELECT ?doc { (?p ?s) kh:search (\"water OR rent OR meeting\" 10000) . ?p kh:inDocument ?doc . "
                + "?doc a kh:Minutes } LIMIT 1").get(0).get("doc").get("value").asString();
        Set<String> joined = rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water OR rent OR meeting\" 10000) . ?p kh:inDocument <" + doc + "> }");
        Set<String> pushed = rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water OR rent OR meeting\" 10000 \"document\" <" + doc + ">) }");
        assertThat(joined).isNotEmpty();
        assertThat(pushed).isEqualTo(joined);
        // The value may come from a variable bound before, and the limit counts passages that pass the filter.
        Set<String> bound = rows(http(), "SELECT ?p ?s { BIND(<" + doc + "> AS ?doc) (?p ?s) kh:search (\"water OR rent OR meeting\" \"document\" ?doc) }");
        assertThat(bound).isEqualTo(joined);
    }

    @Test
    void aSectorFilterGivesTheRowsOfTheJoinOnWhatPassagesAndTheirHeadingsMention() {
        String sector = "id/sector/wash"; // relative IRIs resolve against the hub's base
        Set<String> joined = rows(http(), "SELECT DISTINCT ?p ?s { (?p ?s) kh:search (\"water\" 10000) . "
                + "{ ?p kh:mentions <" + sector + "> } UNION { ?p kh:inSection/dcterms:isPartOf* ?h . ?h a kh:Section ; kh:mentions <" + sector + "> } }");
        Set<String> pushed = rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 10000 \"sector\" \"wash\") }");
        assertThat(joined).isNotEmpty();
        assertThat(pushed).isEqualTo(joined);
        assertThat(rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 10000 \"sector\" <" + sector + ">) }"))
                .as("the sector by its IRI").isEqualTo(joined);
    }

    @Test
    void aMentionPatternJoinedWithTheSearchNarrowsItInTheIndex() {
        String education = "id/sector/education";
        String plainTopThree = "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3) }";
        String filteredTopThree = "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3 \"sector\" \"education\") }";
        assertThat(rows(http(), filteredTopThree)).as("the three best on education are not the three best overall")
                .isNotEqualTo(rows(http(), plainTopThree));
        // Written as a join, the limit counts the passages that can meet it: the rows of the filter argument.
        Set<String> joined = rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3) . ?p kh:mentions <" + education + "> }");
        Set<String> filtered = rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3 \"sector\" \"education\") . "
                + "?p kh:mentions <" + education + "> }");
        assertThat(joined).isNotEmpty().isEqualTo(filtered);
        assertThat(rows(http(), "SELECT ?p ?s { ?p kh:mentions <" + education + "> . (?p ?s) kh:search (\"water\" 3) }"))
                .as("the pattern written before the search").isEqualTo(joined);
        // An area asked through skos:broader? (the area or those right under it) goes in as the area filter.
        String area = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT DISTINCT ?p ?s { (?p ?s) kh:search (\"water\" 3%s) . "
                + "?p kh:mentions ?a . ?a skos:broader? <id/area/LB7> }";
        assertThat(rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3 \"area\" \"LB7\") }"))
                .as("the three best in Akkar are not the three best overall").isNotEqualTo(rows(http(), plainTopThree));
        assertThat(rows(http(), area.formatted(""))).isNotEmpty().isEqualTo(rows(http(), area.formatted(" \"area\" \"LB7\"")));
        // A range of document dates in a FILTER goes in as from and to.
        String dated = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT DISTINCT ?p ?s { (?p ?s) kh:search (\"water\" 3%s) . "
                + "?p kh:inDocument ?d . ?d dcterms:date ?date FILTER(?date >= \"2022-01-01\"^^xsd:date && ?date < \"2023-01-01\"^^xsd:date) }";
        String range = " \"from\" \"2022-01-01\" \"to\" \"2022-12-31\"";
        assertThat(rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3" + range + ") }"))
                .as("the three best of 2022 are not the three best overall").isNotEqualTo(rows(http(), plainTopThree));
        assertThat(rows(http(), dated.formatted(""))).isNotEmpty().isEqualTo(rows(http(), dated.formatted(range)));
        assertThat(rows(http(), "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3) . "
                + "?p kh:inDocument ?d . ?d dcterms:date ?date FILTER(?date >= \"2023-01-01\"^^xsd:date && ?date <= \"2019-12-31\"^^xsd:date) }"))
                .as("an empty range is no bad request").isEmpty();
        // Not under OPTIONAL: there the pattern selects nothing.
        assertThat(rows(http(), "SELECT ?p ?s { (?p ?s) kh:search (\"water\" 3) OPTIONAL { ?p kh:mentions <" + education + "> } }"))
                .isEqualTo(rows(http(), plainTopThree));
    }

    @Test
    void aRestrictedPassageNeverAppears() {
        String restricted = documentTitled(RESTRICTED_TITLE);
        String byDocument = "SELECT ?p ?s { (?p ?s) kh:search (\"arrests OR curfew OR raids\" 10000 \"document\" <" + restricted + ">) }";
        assertThat(rows(admin(), byDocument)).isNotEmpty();
        assertThat(rows(http(), byDocument)).isEmpty();
        String bySector = "SELECT ?p ?s { (?p ?s) kh:search (\"arrests OR curfew OR raids\" 10000 \"sector\" \"protection\") . "
                + "?p kh:inDocument <" + restricted + "> }";
        assertThat(rows(admin(), bySector)).isNotEmpty();
        assertThat(rows(http(), bySector)).isEmpty();
    }

    @Test
    void badArgumentsAre400Problems() {
        expectProblem("SELECT ?p { ?p kh:search (\"water\" \"colour\" \"blue\") }", "no filter named");
        expectProblem("SELECT ?p { ?p kh:search (\"water\" \"sector\") }", "a filter needs a name and a value");
        expectProblem("SELECT ?p { ?p kh:search (\"water\" 10 \"sector\" \"no-such-sector\") }", "sector must be");
        expectProblem("SELECT ?p { ?p kh:search (\"water\" \"year\" \"recent\") }", "year must be a whole number");
        expectProblem("SELECT ?p { ?p kh:search (\"water\" \"year\" 2020 \"year\" 2021) }", "given twice");
        expectProblem("SELECT ?p { ?p kh:search (\"water\" \"document\" \"Not a document!\") }", "document must be");
    }

    private void expectProblem(String query, String detail) {
        Http.Response r = sparql(http(), query);
        assertThat(r.status()).as(query + " " + r).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/bad-query");
        assertThat(r.json().get("detail").asString()).contains("kh:search").contains(detail);
    }
}
