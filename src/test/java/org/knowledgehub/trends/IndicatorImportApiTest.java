package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubProperties;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.store.GraphCatalog;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.StoreProperties;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/indicators/import}: the three layouts, what the report says, provenance and shapes of what is written, access to restricted tables, and bad
 * input answered with a problem naming the field. The tables here use years (2011-2013) and
 * indicators of their own so that the demo trends other tests read stay as they are.
 */
class IndicatorImportApiTest extends HubTest {

    static final String BASE = "http://localhost:8080/";
    static final String PREFIXES = """
            PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
            PREFIX qb: <http://purl.org/linked-data/cube#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    @Autowired
    KnowledgeStore store;
    @Autowired
    GraphCatalog catalog;
    @Autowired
    Ontology ontology;
    @Autowired
    Uris uris;
    @Autowired
    HubProperties hub;

    private Http.Response importFile(Http as, String name, byte[] bytes, Map<String, String> fields) {
        return as.upload("/api/indicators/import", name, bytes, fields);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = IndicatorImportApiTest.class.getResourceAsStream("/trends/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void valuesNoIndicatorCanHaveAreSkippedNotWrittenOut() {
        // 1e3000000 written as a plain decimal would be three million digits, holding the store for minutes.
        String csv = """
                Indicator,AREA,Year,Value
                Share of households with a huge test value,Zahle,2012,1e3000000
                Share of households with a huge test value,Zahle,2013,0.0000000000000000000001
                Share of households with a huge test value,Zahle,2014,-2E15
                Share of households with a huge test value,Zahle,2015,1.5e3
                """;
        Http.Response r = importFile(admin(), "huge-test.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("source", "Trends test: huge"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("observations").asInt()).isEqualTo(1);
        Map<Integer, String> skipped = skippedRows(r.json());
        assertThat(skipped).containsOnlyKeys(2, 3, 4);
        assertThat(skipped.get(2)).contains("'1e3000000'").contains("below 10^15");
        assertThat(exact(http().get("/api/trends?indicator=share-of-households-with-a-huge-test-value&area=Zahle")).toString())
                .contains("1500");
    }

    @Test
    void aLongTableIsImportedWithItsAreaNamesResolvedAndItsBadRowsReported() throws Exception {
        Http.Response r = importFile(admin(), "long-test.csv", resource("long-test.csv"), Map.of("source", "Trends test: long table"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("long");
        assertThat(report.get("observations").asInt()).isEqualTo(6);
        JsonNode table = report.get("tables").get(0);
        assertThat(table.get("graph").asString()).isEqualTo(BASE + "graph/indicators/trends-test-long-table/long-test");
        assertThat(table.get("dataset").asString()).isEqualTo(BASE + "id/dataset/trends-test-long-table/long-test");
        assertThat(table.get("observations").asInt()).isEqualTo(6);
        Map<Integer, String> skipped = skippedRows(report);
        assertThat(skipped).containsOnlyKeys(6, 7, 8, 9);
        assertThat(skipped.get(6)).contains("'Atlantis'");
        assertThat(skipped.get(7)).contains("same indicator, area and year as row 5");
        assertThat(skipped.get(8)).contains("no year");
        assertThat(skipped.get(9)).contains("'n/a' is not a number");
        assertThat(strings(report.get("unresolvedAreas"))).containsExactly("Atlantis");
        JsonNode created = report.get("indicatorsCreated");
        assertThat(created.size()).isEqualTo(1);
        assertThat(created.get(0).get("code").asString()).isEqualTo("share-of-households-with-a-test-generator");
        assertThat(created.get(0).get("label").asString()).isEqualTo("Share of households with a test generator");

        // Zahleh and LB25 are the same district; "Lebanon" is the country; El Meten and Baalbek-Hermel resolve too.
        JsonNode trend = exact(http().get("/api/trends?indicator=share-of-households-with-a-test-generator&area=Zahle"));
        assertThat(trend.get("indicator").get("created").asBoolean()).isTrue();
        assertThat(points(series(trend, "area", "LB25"))).containsExactly(Map.entry(2012, "40"), Map.entry(2013, "45"));
        assertThat(series(trend, "area", "LB25").get("points").get(1).get("change").decimalValue()).isEqualByComparingTo("5");
        assertThat(points(series(trend, "national", "LB"))).containsExactly(Map.entry(2012, "48"));
        JsonNode districts = exact(http().get("/api/trends/compare?indicator=share-of-households-with-a-test-generator&year=2012&level=district"));
        assertThat(codes(districts.get("areas"))).containsExactly("LB36", "LB25");
        assertThat(districts.get("areas").get(0).get("value").decimalValue()).isEqualByComparingTo("55.5");
        JsonNode governorates = exact(http().get("/api/trends/compare?indicator=share-of-households-with-a-test-generator&year=2012"));
        assertThat(codes(governorates.get("areas"))).containsExactly("LB8");
        // "52%" of an ontology indicator, for "Total": the national value, on the 0-100 scale.
        JsonNode smeb = exact(http().get("/api/trends?indicator=below-smeb&area=LB"));
        assertThat(StreamSupport.stream(smeb.get("series").spliterator(), false)
                .filter(s -> s.get("population").isNull()).flatMap(s -> StreamSupport.stream(s.get("points").spliterator(), false))
                .filter(p -> p.get("year").asInt() == 2011).map(p -> p.get("value").decimalValue()))
                .singleElement().satisfies(v -> assertThat(v).isEqualByComparingTo("52"));
    }

    @Test
    void anHxlTableIsRecognisedAndItsSharesBecomePercentages() throws Exception {
        Http.Response r = importFile(admin(), "hxl-test.csv", resource("hxl-test.csv"), Map.of("source", "Trends test: HXL table"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("hxl");
        assertThat(report.get("observations").asInt()).isEqualTo(3);
        assertThat(skippedRows(report)).containsOnlyKeys(6);
        assertThat(skippedRows(report).get(6)).isEqualTo("no area");
        String code = report.get("indicatorsCreated").get(0).get("code").asString();
        assertThat(code).isEqualTo("test-share-of-households-relying-on-water-trucking");

        JsonNode trend = exact(http().get("/api/trends?indicator=" + code + "&area=LB2"));
        JsonNode bekaa = series(trend, "area", "LB2");
        assertThat(points(bekaa)).containsExactly(Map.entry(2012, "30"));
        assertThat(bekaa.get("points").get(0).get("unit").asString()).isEqualTo("%");
        assertThat(points(series(trend, "child", "LB25"))).containsExactly(Map.entry(2012, "25"));
        JsonNode chouf = exact(http().get("/api/trends?indicator=" + code + "&area=LB33"));
        assertThat(points(series(chouf, "area", "LB33"))).containsExactly(Map.entry(2013, "35"));
    }

    @Test
    void aVaultWorkbookGivesOneObservationPerAreaAndColumnAndReportsTheRest() throws Exception {
        byte[] workbook = VaultWorkbook.bytes();
        assertProblem(importFile(admin(), "vault-test.xlsx", workbook, Map.of()), 400, "year");

        Http.Response r = importFile(admin(), "vault-test.xlsx", workbook, Map.of("year", "2012", "source", "Trends test: vault workbook",
                "sector", "basic-assistance"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("vault");
        assertThat(report.get("tables").size()).isEqualTo(1);
        assertThat(report.get("tables").get(0).get("table").asString()).isEqualTo("vault-test.xlsx, sheet MEB_SMEB");
        assertThat(report.get("observations").asInt()).as("Total, 2 governorates, 2 districts; 3 value columns").isEqualTo(15);
        List<String> reasons = new ArrayList<>();
        report.get("skipped").forEach(s -> reasons.add(s.get("table").asString() + " | " + s.get("row") + " | "
                + s.get("column") + " | " + s.get("reason").asString()));
        assertThat(reasons).hasSize(4).anySatisfy(s -> assertThat(s).startsWith("vault-test.xlsx, sheet META_Data | null | null")
                        .contains("no row labelled Total"))
                .anySatisfy(s -> assertThat(s).contains("Sample (column E)").contains("counts"))
                .anySatisfy(s -> assertThat(s).contains("| 10 |").contains("'Atlantis'"))
                .anySatisfy(s -> assertThat(s).contains("| 15 |").contains("'Gender of Head of Household: Female' is a breakdown"));
        assertThat(strings(report.get("unresolvedAreas"))).containsExactly("Atlantis");
        assertThat(report.get("indicatorsCreated").findValuesAsString("label"))
                .containsExactlyInAnyOrder("Household MEB/SMEB Categories: SMEB-MEB", "Debt per Household");
        // The indicators the table created belong to the sector it was imported for: explanations look there.
        JsonNode listed = null;
        for (JsonNode i : exact(http().get("/api/indicators"))) {
            if (i.get("code").asString().equals("debt-per-household")) {
                listed = i;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(strings(listed.get("sectors"))).containsExactly("basic-assistance");

        // "< SMEB" is the ontology's indicator; its cells are formatted as percentages, so 0.716... is 71.6...%.
        // (The real vault workbooks, when another test imports them, add other years to the same series.)
        JsonNode bekaa = exact(http().get("/api/trends?indicator=below-smeb&area=LB2"));
        assertThat(valueIn(series(bekaa, "area", "LB2", (String) null), 2012)).isEqualTo("71.62791376451151");
        // Akkar in the District section is the district LB51, not the governorate LB7.
        JsonNode akkar = exact(http().get("/api/trends?indicator=below-smeb&area=LB51"));
        assertThat(valueIn(series(akkar, "area", "LB51", (String) null), 2012)).isEqualTo("70.86092715231839");
        assertThat(valueIn(series(bekaa, "child", "LB25", (String) null), 2012)).isEqualTo("70.96774193548402");
        JsonNode governorate = exact(http().get("/api/trends?indicator=below-smeb&area=LB7"));
        List<Integer> governorateYears = new ArrayList<>();
        governorate.get("series").forEach(x -> {
            if (x.get("role").asString().equals("area")) {
                x.get("points").forEach(p -> governorateYears.add(p.get("year").asInt()));
            }
        });
        assertThat(governorateYears).doesNotContain(2012);
        // A "Row N %" column without percentage formatting: shares between 0 and 1, multiplied by 100.
        JsonNode categories = exact(http().get("/api/trends?indicator=household-meb-smeb-categories-smeb-meb&area=LB"));
        assertThat(valueIn(series(categories, "area", "LB"), 2012)).isEqualTo("18");
        JsonNode debt = exact(http().get("/api/trends?indicator=debt-per-household&area=LB"));
        assertThat(valueIn(series(debt, "area", "LB"), 2012)).isEqualTo("1033.64");
        assertThat(debt.get("series").get(0).get("points").findValues("unit")).allSatisfy(u -> assertThat(u.isNull()).isTrue());
    }

    @Test
    void theDemoTablesCarryTheirProvenanceAndEveryTableConformsToTheShapes() throws Exception {
        JsonNode rows = sparql(http(), PREFIXES + """
                SELECT ?g ?d ?o ?source ?table ?format ?agent ?started ?row WHERE {
                  GRAPH ?g {
                    ?d a qb:DataSet ; dcterms:source ?source ; kh:sourceName "vasyr-smeb-food-insecurity-2018-2022.csv" ;
                       kh:table ?table ; kh:format ?format ; prov:wasGeneratedBy ?a .
                    ?a prov:startedAtTime ?started ; prov:wasAssociatedWith ?agent .
                    ?o qb:dataSet ?d ; kh:refArea <http://localhost:8080/id/area/LB> ; kh:refPeriod "2020"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
                       kh:indicator <http://localhost:8080/id/indicator/below-smeb> ; kh:obsValue ?v ; kh:sourceRow ?row .
                  }
                }""");
        assertThat(rows.size()).as("anonymous callers see the public demo table").isEqualTo(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("source").get("value").asString()).isEqualTo("VASyR 2018-2022, UNHCR/UNICEF/WFP");
        assertThat(row.get("table").get("value").asString()).isEqualTo("vasyr-smeb-food-insecurity-2018-2022.csv");
        assertThat(row.get("format").get("value").asString()).isEqualTo("long");
        assertThat(row.get("agent").get("value").asString()).isEqualTo(BASE + "id/agent/corpus");
        assertThat(row.get("row").get("value").asInt()).as("row 4 of the file: the header, then 2018, 2019, 2020").isEqualTo(4);
        // Datasets and observations dereference like every resource the hub mints.
        for (String iri : List.of(row.get("d").get("value").asString(), row.get("o").get("value").asString())) {
            Http.Response described = http().get(iri.substring(BASE.length() - 1), "Accept", "text/turtle");
            assertThat(described.status()).as(iri).isEqualTo(200);
            assertThat(described.text()).contains("http://purl.org/linked-data/cube#");
        }

        Shapes shapes;
        try (InputStream in = getClass().getResourceAsStream("/ontology/shapes.ttl")) {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            shapes = Shapes.parse(g);
        }
        List<Node> tables = catalog.all().stream().map(a -> a.graph()).filter(uris::isIndicatorGraph).toList();
        assertThat(tables).hasSizeGreaterThanOrEqualTo(2);
        for (Node table : tables) {
            Graph data = GraphFactory.createDefaultGraph();
            store.copyOf(table).find().forEachRemaining(data::add);
            ontology.graph().find().forEachRemaining(data::add);
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            if (!report.conforms()) {
                ShLib.printReport(report);
            }
            assertThat(report.conforms()).as(table.getURI()).isTrue();
        }
    }

    @Test
    void aRestrictedTableIsHiddenFromAnonymousCallersEverywhereAndStaysSoAfterARestart() throws Exception {
        byte[] csv = "indicator,area,year,value,unit\nTest restricted indicator,LB,2012,12,%\n".getBytes(StandardCharsets.UTF_8);
        JsonNode report = importFile(admin(), "restricted-test.csv", csv,
                Map.of("source", "Trends test: restricted", "sensitivity", "restricted")).json();
        String graph = report.get("tables").get(0).get("graph").asString();
        try {
            assertThat(http().get("/api/indicators").json().findValuesAsString("code")).doesNotContain("test-restricted-indicator");
            assertThat(admin().get("/api/indicators").json().findValuesAsString("code")).contains("test-restricted-indicator");
            assertProblem(http().get("/api/trends?indicator=test-restricted-indicator"), 400, "indicator");
            assertThat(points(series(exact(admin().get("/api/trends?indicator=test-restricted-indicator")), "area", "LB")))
                    .containsExactly(Map.entry(2012, "12"));
            String ask = "ASK { GRAPH <" + graph + "> { ?s ?p ?o } }";
            assertThat(sparqlAsk(http(), ask)).isFalse();
            assertThat(sparqlAsk(admin(), ask)).isTrue();
            assertThat(count(http(), "SELECT (COUNT(*) AS ?n) { ?o kh:indicator <" + BASE + "id/indicator/test-restricted-indicator> }"))
                    .isZero();

            // What a restart does: the catalog is rebuilt from the store alone.
            GraphCatalog rebuilt = new GraphCatalog();
            new KnowledgeStore(hub, new StoreProperties(null, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(2)), rebuilt, uris, ontology);
            assertThat(rebuilt.get(NodeFactory.createURI(graph)).orElseThrow().sensitivity()).isEqualTo(Sensitivity.RESTRICTED);
            assertThat(rebuilt.all().stream().filter(a -> uris.isIndicatorGraph(a.graph()) && !a.graph().getURI().equals(graph)))
                    .isNotEmpty().allSatisfy(a -> assertThat(a.sensitivity()).isEqualTo(Sensitivity.PUBLIC));
        } finally {
            Http.Response dropped = admin().post("/update", "application/sparql-update",
                    ("DROP GRAPH <" + graph + ">").getBytes(StandardCharsets.UTF_8));
            assertThat(dropped.status()).as(dropped.toString()).isIn(200, 204);
        }
        assertThat(admin().get("/api/indicators").json().findValuesAsString("code")).doesNotContain("test-restricted-indicator");
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        byte[] csv = resource("long-test.csv");
        assertProblem(importFile(admin(), "x.csv", null, Map.of()), 400, "file");
        assertProblem(importFile(admin(), "x.csv", new byte[0], Map.of()), 400, "file");
        assertProblem(importFile(admin(), "x.csv", csv, Map.of("format", "xml")), 400, "format");
        assertProblem(importFile(admin(), "x.csv", csv, Map.of("format", "vault")), 400, "format");
        assertProblem(importFile(admin(), "x.xlsx", VaultWorkbook.bytes(), Map.of("format", "long", "year", "2012")), 400, "format");
        assertProblem(importFile(admin(), "broken.csv",
                "indicator,area,year,value\n\"below-smeb,LB,2011,5\nbelow-smeb,LB1,2011,6\n".getBytes(StandardCharsets.UTF_8),
                Map.of()), 400, "file");
        assertProblem(importFile(admin(), "other.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), Map.of()), 400, "format");
        assertProblem(importFile(admin(), "latin1.csv", "indicator,area,year,value\nb\u00e9low,Zahl\u00e9,2011,5\n"
                .getBytes(StandardCharsets.ISO_8859_1), Map.of()), 400, "file");
        byte[] notAWorkbook = Arrays.copyOf(new byte[]{'P', 'K', 3, 4}, 400);
        assertProblem(importFile(admin(), "broken.xlsx", notAWorkbook, Map.of("year", "2012")), 400, "file");
        assertProblem(importFile(admin(), "x.csv", csv, Map.of("year", "20x0")), 400, "year");
        assertProblem(importFile(admin(), "x.csv", csv, Map.of("population", "martians")), 400, "population");
        assertProblem(importFile(admin(), "x.csv", csv, Map.of("sector", "astronomy")), 400, "sector");
        assertProblem(importFile(admin(), "x.csv", csv, Map.of("sensitivity", "secret")), 400, "sensitivity");
        assertProblem(importFile(admin(), "nowhere.csv", "indicator,area,year,value\nbelow-smeb,Atlantis,2011,5\n"
                .getBytes(StandardCharsets.UTF_8), Map.of()), 422, "file");
        byte[] huge = new byte[6 * 1024 * 1024];
        Arrays.fill(huge, (byte) '1');
        assertProblem(importFile(admin(), "huge.csv", huge, Map.of()), 413, "file");

        Http.Response anonymous = importFile(http(), "x.csv", csv, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("type").asString()).endsWith("/unauthorized");
        assertThat(count(http(), "SELECT (COUNT(*) AS ?n) { ?d kh:sourceName \"x.csv\" }")).as("nothing was written").isZero();
    }

    // ---- helpers

    static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("type").asString()).startsWith("https://w3id.org/knowledge-hub/problems/");
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(body.get("field").asString()).as(r.toString()).isEqualTo(field);
    }

    /** The series of a role and area (there must be one only). */
    static JsonNode series(JsonNode trend, String role, String area) {
        List<JsonNode> found = new ArrayList<>();
        trend.get("series").forEach(s -> {
            if (s.get("role").asString().equals(role) && s.get("area").get("code").asString().equals(area)) {
                found.add(s);
            }
        });
        assertThat(found).as(role + " series of " + area + " in " + trend).hasSize(1);
        return found.getFirst();
    }

    /** The series of a role, area and population group (a code, or null for values without one). */
    static JsonNode series(JsonNode trend, String role, String area, String population) {
        for (JsonNode s : trend.get("series")) {
            boolean populationMatches = population == null ? s.get("population").isNull()
                    : !s.get("population").isNull() && s.get("population").get("code").asString().equals(population);
            if (s.get("role").asString().equals(role) && s.get("area").get("code").asString().equals(area) && populationMatches) {
                return s;
            }
        }
        throw new AssertionError("no " + role + " series for " + area + " and " + population + " in " + trend);
    }

    private static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The JSON of a response with its numbers as exact decimals (a double cannot hold 71.62791376451151). */
    static JsonNode exact(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return EXACT.readTree(r.bytes());
    }

    /** Year and value (as a plain decimal) of each point. */
    static List<Map.Entry<Integer, String>> points(JsonNode series) {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        series.get("points").forEach(p -> out.add(Map.entry(p.get("year").asInt(),
                p.get("value").decimalValue().stripTrailingZeros().toPlainString())));
        return out;
    }

    /** The value of a series in a year, as a plain decimal. */
    static String valueIn(JsonNode series, int year) {
        for (JsonNode p : series.get("points")) {
            if (p.get("year").asInt() == year) {
                return p.get("value").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("no " + year + " in " + series);
    }

    static List<String> codes(JsonNode ranked) {
        List<String> out = new ArrayList<>();
        ranked.forEach(r -> out.add(r.get("area").get("code").asString()));
        return out;
    }

    private static Map<Integer, String> skippedRows(JsonNode report) {
        Map<Integer, String> out = new HashMap<>();
        report.get("skipped").forEach(s -> out.put(s.get("row").asInt(), s.get("reason").asString()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    static JsonNode sparql(Http as, String query) {
        Http.Response r = as.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(query + " " + r).isEqualTo(200);
        return r.json().get("results").get("bindings");
    }

    private static long count(Http as, String query) {
        return sparql(as, PREFIXES + query).get(0).get("n").get("value").asLong();
    }

    private static boolean sparqlAsk(Http as, String query) {
        Http.Response r = as.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        return r.json().get("boolean").asBoolean();
    }
}
