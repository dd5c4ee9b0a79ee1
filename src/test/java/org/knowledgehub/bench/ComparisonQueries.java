package org.knowledgehub.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The requests of the Fuseki comparison, one row per kind of question, each row the same 30
 * query texts of {@link BenchCorpus#QUERIES} (graph-only rows: their one query repeated) as a pair:
 * what the hub is asked and what Fuseki is asked. Rows of the "API" group ask the hub's search API
 * and Fuseki the SPARQL an analyst would write for the same answer; rows of the "SPARQL" group ask
 * both the same SPARQL, {@code kh:search} on the hub where Fuseki has {@code text:query}; graph-only
 * rows are the identical query on both.
 */
final class ComparisonQueries {

    record Request(String url, String accept) {
    }

    record Pair(Request hub, Request fuseki) {
    }

    record Row(String group, String label, List<Pair> pairs) {
    }

    /** How many text hits a filtered or counted query takes before joining: the most kh:search returns. */
    static final int HITS_BEFORE_JOIN = 10_000;
    /** Graph-only queries are asked this many times per round, for enough samples to rank. */
    private static final int GRAPH_REPEATS = 3;
    private static final List<String> SECTORS = List.of("wash", "shelter", "education", "protection", "food-security", "livelihoods");
    private static final String JSON = "application/json";
    private static final String SPARQL_JSON = "application/sparql-results+json";
    private static final String PREFIXES = """
            PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            """;

    // In the SPARQL templates, SEARCH becomes kh:search on the hub and text:query on Fuseki.
    private static final String SEARCH = "@SEARCH@";
    private static final String SEARCH_TEN = "@SEARCH10@";
    private static final String TOP_TEN = "SELECT ?p ?text WHERE { " + SEARCH_TEN + " ?p kh:text ?text } LIMIT 10";

    private final String hubBase;
    private final String fusekiEndpoint;
    private final String uriBase;

    /**
     * @param hubBase        e.g. http://127.0.0.1:8080
     * @param fusekiEndpoint Fuseki's SPARQL query endpoint
     * @param uriBase        the hub's base for resource IRIs (sectors, areas), the same in Fuseki's data
     */
    ComparisonQueries(String hubBase, String fusekiEndpoint, String uriBase) {
        this.hubBase = hubBase;
        this.fusekiEndpoint = fusekiEndpoint;
        this.uriBase = uriBase;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(api("text top 10", i -> "", i -> TOP_TEN));
        rows.add(api("text + sector", i -> "&sector=" + sector(i), i -> filtered(sectorPattern(i))));
        rows.add(api("text + governorate", i -> "&area=" + governorate(i), i -> filtered(governoratePattern(i))));
        rows.add(api("text + year range", i -> "&from=" + from(i) + "&to=" + (from(i) + 1), i -> filtered(yearPattern(i))));
        // The hub's response carries exact facet counts over all hits; Fuseki counts all its hits too.
        rows.add(api("text, counts by sector", i -> "&k=1", i -> countsBySector(fusekiSearch(i, 1_000_000))));
        // The hub's hits carry their document's title, organisation and date.
        rows.add(api("text + document title, agency, date", i -> "", i -> withDocument(fusekiSearch(i, 10))));

        rows.add(sparql("text top 10", i -> TOP_TEN));
        rows.add(sparql("text + sector", i -> filtered(sectorPattern(i))));
        rows.add(sparql("text + governorate", i -> filtered(governoratePattern(i))));
        rows.add(sparql("text + year range", i -> filtered(yearPattern(i))));
        rows.add(sparql("text, counts by sector", i -> countsBySector(SEARCH)));
        rows.add(sparql("text + document title, agency, date", i -> withDocument(SEARCH_TEN)));

        rows.add(graph("documents per agency", """
                SELECT ?agency (COUNT(?d) AS ?documents) WHERE { ?d a kh:Document ; dcterms:publisher ?agency }
                GROUP BY ?agency ORDER BY DESC(?documents)"""));
        rows.add(graph("passages per year", """
                SELECT ?year (COUNT(?p) AS ?passages) WHERE { ?p a kh:Passage ; kh:inDocument ?d . ?d dcterms:date ?date }
                GROUP BY (YEAR(?date) AS ?year) ORDER BY ?year"""));
        rows.add(graph("passages per governorate", """
                SELECT ?governorate (COUNT(DISTINCT ?p) AS ?passages)
                WHERE { ?p a kh:Passage ; kh:mentions ?area . ?area skos:broader? ?governorate . ?governorate a kh:Governorate }
                GROUP BY ?governorate ORDER BY DESC(?passages)"""));
        return rows;
    }


    private static String filtered(String pattern) {
        return "SELECT DISTINCT ?p ?text WHERE { " + SEARCH + " " + pattern + " ?p kh:text ?text } LIMIT 10";
    }

    private static String countsBySector(String search) {
        return "SELECT ?sector (COUNT(DISTINCT ?p) AS ?passages) WHERE { " + search
                + " ?p kh:mentions ?sector . ?sector a kh:Sector } GROUP BY ?sector ORDER BY DESC(?passages)";
    }

    private static String withDocument(String search) {
        return "SELECT ?p ?title ?agency ?date WHERE { " + search + " ?p kh:inDocument ?d . ?d dcterms:title ?title "
                + "OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:publisher ?o . ?o skos:prefLabel ?agency "
                + "FILTER(langMatches(lang(?agency), \"en\")) } } LIMIT 10";
    }

    private String sectorPattern(int i) {
        return "?p kh:mentions <" + uriBase + "id/sector/" + sector(i) + "> .";
    }

    private String governoratePattern(int i) {
        return "?p kh:mentions ?area . ?area skos:broader? <" + uriBase + "id/area/" + governorate(i) + "> .";
    }

    private static String yearPattern(int i) {
        return "?p kh:inDocument ?d . ?d dcterms:date ?date FILTER(?date >= \"" + from(i) + "-01-01\"^^xsd:date && ?date <= \""
                + (from(i) + 1) + "-12-31\"^^xsd:date)";
    }

    private static String sector(int i) {
        return SECTORS.get(i % SECTORS.size());
    }

    private static String governorate(int i) {
        return "LB" + (1 + i % 8);
    }

    private static int from(int i) {
        return 2019 + i % 4;
    }

    private static String fusekiSearch(int i, int limit) {
        return "(?p ?score) text:query (kh:text \"" + BenchCorpus.QUERIES.get(i) + "\" " + limit + ") .";
    }

    private static String hubSearch(int i, int limit) {
        return "(?p ?score) kh:search (\"" + BenchCorpus.QUERIES.get(i) + "\" " + limit + ") .";
    }

    private Row api(String label, IntFunction<String> hubParameters, IntFunction<String> fusekiQuery) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < BenchCorpus.QUERIES.size(); i++) {
            String hub = hubBase + "/api/search?q=" + encode(BenchCorpus.QUERIES.get(i)) + hubParameters.apply(i);
            pairs.add(new Pair(new Request(hub, JSON), fuseki(fill(fusekiQuery.apply(i), i, false))));
        }
        return new Row("API", label, pairs);
    }

    private Row sparql(String label, IntFunction<String> query) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < BenchCorpus.QUERIES.size(); i++) {
            pairs.add(new Pair(hub(fill(query.apply(i), i, true)), fuseki(fill(query.apply(i), i, false))));
        }
        return new Row("SPARQL", label, pairs);
    }

    private Row graph(String label, String query) {
        return new Row("graph", label, Collections.nCopies(GRAPH_REPEATS, new Pair(hub(query), fuseki(query))));
    }

    private static String fill(String query, int i, boolean hub) {
        return query.replace(SEARCH_TEN, hub ? hubSearch(i, 10) : fusekiSearch(i, 10))
                .replace(SEARCH, hub ? hubSearch(i, HITS_BEFORE_JOIN) : fusekiSearch(i, HITS_BEFORE_JOIN));
    }

    private Request hub(String query) {
        return new Request(hubBase + "/sparql?query=" + encode(PREFIXES + query), SPARQL_JSON);
    }

    private Request fuseki(String query) {
        return new Request(fusekiEndpoint + "?query=" + encode(PREFIXES + query), SPARQL_JSON);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
