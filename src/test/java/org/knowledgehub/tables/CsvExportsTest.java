package org.knowledgehub.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * CSV and HXL exports of search, trends, observations and question candidates: read back with a
 * CSV parser (and the hub's own HXL reader), row for row what the JSON gives the same caller.
 */
class CsvExportsTest extends HubTest {

    private static final String RESTRICTED = DocumentIds.forSource("field-notes/2023-04-28-protection-flash-west-bekaa-restricted.md");
    private static final String CONFIDENTIAL = DocumentIds.forSource("field-notes/2022-11-03-gbv-referral-gap-minieh-confidential.md");
    /** Core hashtags of the HXL 1.1 dictionary that the exports may use. */
    private static final Set<String> HXL_CORE = Set.of("adm1", "adm2", "country", "loc", "sector", "org", "date", "indicator",
            "population", "meta", "description", "status");
    private static final String CSV = "text/csv";

    /** A CSV answer as a parser reads it: heading row, hashtag row (HXL) and data rows. */
    private record Table(List<String> header, List<String> hashtags, List<CSVRecord> rows) {

        List<String> column(String name) {
            int i = header.indexOf(name);
            assertThat(i).as(name + " in " + header).isNotNegative();
            return rows.stream().map(r -> r.get(i)).toList();
        }
    }

    private static Table table(Http.Response r, boolean hxl) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(CSV).containsIgnoringCase("charset=utf-8");
        assertThat(r.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        assertThat(r.bytes()[0]).as("no byte order mark unless asked for").isNotEqualTo((byte) 0xEF);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(r.text()), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = records.getFirst().toList();
        List<String> hashtags = List.of();
        if (hxl) {
            hashtags = records.get(1).toList();
            assertThat(hashtags).hasSameSizeAs(header);
            for (String tag : hashtags) {
                assertThat(HxlTag.isHashtag(tag)).as(tag).isTrue();
                HxlTag parsed = HxlTag.parse(tag);
                assertThat(HXL_CORE).as(tag).contains(parsed.name());
                parsed.attributes().forEach(a -> assertThat(a).as(tag).matches("[a-z][a-z0-9_]*"));
            }
            // The hub's own HXL reader finds the hashtag row where HXL tools look for it.
            HxlColumns columns = HxlColumns.of(CsvText.of(r.bytes()).rows()).orElseThrow();
            assertThat(columns.row()).isEqualTo(1);
        }
        return new Table(header, hashtags, records.subList(hxl ? 2 : 1, records.size()));
    }

    @Test
    void searchExportsThePageTheJsonGivesAndNothingTheCallerMayNotSee() {
        String query = "/api/search?q=refugees&k=50";
        JsonNode json = http().get(query).json();
        Table csv = table(http().get(query + "&hxl=true", "Accept", CSV), true);
        assertThat(csv.rows()).hasSize(json.get("results").size()).isNotEmpty();
        assertThat(csv.column("passage")).isEqualTo(json.get("results").valueStream().map(r -> r.get("passage").asString()).toList());
        assertThat(csv.column("document")).doesNotContain(RESTRICTED, CONFIDENTIAL);
        assertThat(csv.hashtags()).contains("#meta+id", "#org+name", "#date", "#description", "#meta+score", "#loc+code",
                "#sector+code", "#meta+url");
        assertThat(csv.column("title")).allSatisfy(t -> assertThat(t).isNotBlank());

        for (String q : List.of("JASMINE-7", Http.enc("\"Kfar Hanoun\""))) {
            Http.Response anonymous = http().get("/api/search?format=csv&q=" + q);
            assertThat(table(anonymous, false).rows()).as(q).isEmpty();
            assertThat(anonymous.text()).doesNotContain(RESTRICTED).doesNotContain(CONFIDENTIAL);
            Table asAdmin = table(admin().get("/api/search?format=csv&q=" + q), false);
            assertThat(asAdmin.column("document")).as(q).containsAnyOf(RESTRICTED, CONFIDENTIAL);
            assertThat(asAdmin.column("sensitivity")).as(q).containsAnyOf("restricted", "confidential");
        }
    }

    @Test
    void trendSeriesAndComparisonsExportOneRowPerYearAndPerArea() {
        String trend = "/api/trends?indicator=below-smeb&area=LB2&population=syrian-refugees";
        JsonNode json = http().get(trend).json();
        Table csv = table(http().get(trend + "&format=csv&hxl=true"), true);
        int points = json.get("series").valueStream().mapToInt(s -> s.get("points").size()).sum();
        assertThat(csv.rows()).hasSize(points).isNotEmpty();
        int adm1 = csv.hashtags().indexOf("#adm1+code");
        int role = csv.header().indexOf("series");
        List<CSVRecord> bekaa = csv.rows().stream().filter(r -> r.get(role).equals("area")).toList();
        assertThat(bekaa).isNotEmpty().allSatisfy(r -> assertThat(r.get(adm1)).isEqualTo("LB2"));
        assertThat(csv.hashtags()).contains("#country+code", "#adm2+code", "#indicator+code", "#date+year", "#indicator+num",
                "#meta+source");
        assertThat(csv.column("indicator code")).containsOnly("below-smeb");

        String compare = "/api/trends/compare?indicator=below-smeb&year=2020&population=syrian-refugees";
        JsonNode c = http().get(compare).json();
        Table ranked = table(http().get(compare + "&hxl=true", "Accept", CSV), true);
        assertThat(ranked.rows()).hasSize(c.get("areas").size() + 1);
        assertThat(ranked.column("governorate code").subList(0, c.get("areas").size()))
                .isEqualTo(c.get("areas").valueStream().map(a -> a.get("area").get("code").asString()).toList());
        assertThat(ranked.column("country code").getLast()).isEqualTo(c.get("national").get("area").get("code").asString());
        assertThat(ranked.column("value").getFirst()).isEqualTo(c.get("areas").get(0).get("value").decimalValue().toPlainString());
    }

    @Test
    void observationsExportTheirFieldsAndConsentToThoseAllowedToReadThem() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        String marker = Members.marker("Qobb");
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("text", "Water trucking near the " + marker + " spring stopped in March; households now buy water from tankers.");
        o.put("observedFrom", "2023-03-14");
        o.put("area", "LB25");
        o.put("sectors", List.of("wash"));
        o.put("method", "focus-group-discussion");
        o.put("sensitivity", "restricted");
        o.put("consent", Map.of("collectedFromPeople", true, "informedConsent", "true", "purpose", "inform the WASH sector",
                "personalData", false));
        Http.Response created = oxfam.http().json("POST", "/api/observations", Members.json(o));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        String list = "/api/observations?area=LB2&limit=1000";
        JsonNode json = oxfam.http().get(list).json();
        Table csv = table(oxfam.http().get(list + "&hxl=true", "Accept", CSV), true);
        assertThat(csv.rows()).hasSize(json.size());
        assertThat(csv.column("id")).isEqualTo(json.valueStream().map(v -> v.get("id").asString()).toList()).contains(id);
        CSVRecord mine = csv.rows().get(csv.column("id").indexOf(id));
        assertThat(mine.get(csv.header().indexOf("text"))).contains(marker);
        assertThat(mine.get(csv.header().indexOf("area code"))).isEqualTo("LB25");
        assertThat(mine.get(csv.header().indexOf("informed consent"))).isEqualTo("given");
        assertThat(mine.get(csv.header().indexOf("sensitivity"))).isEqualTo("restricted");

        Http.Response anonymous = http().get(list + "&format=csv");
        assertThat(table(anonymous, false).rows()).hasSize(http().get(list).json().size());
        assertThat(anonymous.text()).doesNotContain(id).doesNotContain(marker);
    }

    @Test
    void aQuestionsCandidatesExportWithTheirProvenance() {
        JsonNode smeb = http().get("/api/questions?askedBy=WFP&status=closed").json().valueStream()
                .filter(q -> q.get("text").asString().contains("below the SMEB rise in the Bekaa")).findFirst().orElseThrow();
        String path = "/api/questions/" + smeb.get("id").asString();
        JsonNode answers = http().get(path).json().get("answers").get("answers");
        List<String> passages = new ArrayList<>();
        answers.forEach(a -> {
            passages.add(a.get("passage").asString());
            a.get("more").forEach(m -> passages.add(m.get("passage").asString()));
        });
        Table csv = table(http().get(path + "?hxl=true", "Accept", CSV), true);
        assertThat(csv.column("passage")).isEqualTo(passages).isNotEmpty();
        assertThat(csv.column("rank").getFirst()).isEqualTo("1");
        assertThat(csv.column("review").getFirst()).isEqualTo("preferred");
        assertThat(csv.column("title").getFirst()).contains("Zahle");
        assertThat(csv.column("quote").getFirst()).isEqualTo(answers.get(0).get("quote").get("text").asString());
        assertThat(csv.column("source").getFirst()).isEqualTo(answers.get(0).get("provenance").get("document").get("uri").asString());
        assertThat(csv.hashtags()).contains("#meta+rank", "#description", "#meta+id", "#org+name", "#date", "#meta+score",
                "#meta+url", "#meta+source");
    }

    @Test
    void theSearchTrendsAndQuestionPagesLinkToTheirCsv() {
        Table search = table(http().get(link(http().get("/?q=water").text(), "search-csv")), false);
        assertThat(search.rows()).hasSize(10);
        String trends = http().get("/trends?indicator=below-smeb&area=LB2&population=syrian-refugees").text();
        assertThat(table(http().get(link(trends, "trend-csv")), false).column("indicator code")).isNotEmpty().containsOnly("below-smeb");
        assertThat(table(http().get(link(trends, "compare-csv")), false).rows()).isNotEmpty();
        String id = http().get("/api/questions?askedBy=WFP&status=closed").json().get(0).get("id").asString();
        assertThat(table(http().get(link(http().get("/questions/" + id).text(), "question-csv")), false).rows()).isNotEmpty();
    }

    /** The href of the page's link with this id. */
    private static String link(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"" + id + "\"").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
    }

    @Test
    void aByteOrderMarkOnlyWhenAskedAndJsonUnlessCsvIsPreferred() {
        Http.Response bom = http().get("/api/search?q=water&format=csv&bom=true");
        assertThat(bom.status()).isEqualTo(200);
        assertThat(new byte[]{bom.bytes()[0], bom.bytes()[1], bom.bytes()[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(bom.text().substring(1)).startsWith("document,title,");

        assertThat(http().get("/api/search?q=water").contentType()).startsWith("application/json");
        assertThat(http().get("/api/search?q=water", "Accept", "application/json, text/csv").contentType()).startsWith("application/json");
        assertThat(http().get("/api/search?q=water", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").contentType())
                .startsWith("application/json");
        assertThat(http().get("/api/search?q=water", "Accept", "text/csv, application/json;q=0.5").contentType()).startsWith(CSV);
    }

    @Test
    void badExportParametersAreProblemsNamingTheFieldAndEndpointsWithoutCsvAnswer406() {
        String[][] bad = {{"/api/search?q=water&format=csv&hxl=yes", "hxl"}, {"/api/search?q=water&format=csv&bom=1", "bom"},
                {"/api/search?q=water&format=xml", "format"}, {"/api/search?q=water&hxl=true", "hxl"},
                {"/api/trends?indicator=below-smeb&format=csv&hxl=maybe", "hxl"}, {"/api/observations?bom=true", "bom"},
                {"/api/questions/nosuchquestion?format=csv&hxl=2", "hxl"}};
        for (String[] c : bad) {
            Http.Response r = http().get(c[0]);
            assertThat(r.status()).as(c[0] + " " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        for (String path : List.of("/api/trends/explain?indicator=below-smeb&area=LB2&from=2019&to=2020", "/api/questions", "/api/indicators")) {
            Http.Response r = http().get(path, "Accept", CSV);
            assertThat(r.status()).as(path + " " + r).isEqualTo(406);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
        }
    }
}
