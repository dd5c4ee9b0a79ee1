package org.knowledgehub.observations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import of observations through the real service: an HXL CSV and Kobo exports (CSV, and a
 * workbook made here with POI) checked row by row with the observation shapes, stored all
 * together in one commit or not at all, for the caller's own organisation.
 */
class ObservationImportApiTest extends HubTest {

    private static final String CONSENT = "{\"sensitivity\": \"restricted\", \"consent\": {\"collectedFromPeople\": true, "
            + "\"informedConsent\": \"true\", \"purpose\": \"sector monitoring\", \"personalData\": false}}";

    private static String marker() {
        return Members.marker("Qobb");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ObservationImportApiTest.class.getResourceAsStream("/observations/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Http.Response upload(Http as, String filename, byte[] file, Map<String, String> fields) {
        return as.upload("/api/observations/import", filename, file, fields);
    }

    /** Every violation of a row of the report, as field → value. */
    private static Map<String, String> violations(JsonNode report, int row) {
        for (JsonNode r : report.get("rejections")) {
            if (r.get("row").asInt() == row) {
                Map<String, String> out = new LinkedHashMap<>();
                r.get("violations").forEach(v -> {
                    assertThat(v.get("message").asString()).isNotBlank();
                    out.put(v.get("field").asString(), v.get("value").isNull() ? null : v.get("value").asString());
                });
                return out;
            }
        }
        throw new AssertionError("row " + row + " is not rejected: " + report);
    }

    private static List<Integer> rows(JsonNode list) {
        List<Integer> out = new ArrayList<>();
        list.forEach(r -> out.add(r.get("row").asInt()));
        return out;
    }

    @Test
    void aDryRunReportsEveryRowOkOrRejectedWithItsViolationsAndStoresNothing() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        byte[] file = resource("lebanon-observations-hxl.csv");

        // The method column has a hashtag of its own: without a mapping, no row has a method.
        JsonNode unmapped = upload(oxfam.http(), "observations.csv", file, Map.of("dryRun", "true", "defaults", CONSENT)).json();
        assertThat(unmapped.get("ok").asInt()).isZero();
        assertThat(violations(unmapped, 3)).containsOnlyKeys("method");

        // Mapped with its attributes in another order and case than the file's "#meta +Method +Observation".
        Http.Response r = upload(oxfam.http(), "observations.csv", file, Map.of("dryRun", "true", "defaults", CONSENT,
                "mapping", "{\"method\": \"#meta+observation+method\"}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("hxl");
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("rows").asInt()).isEqualTo(5);
        assertThat(report.get("ok").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        // Rows are numbered as the file shows them: the headings and hashtags are rows 1 and 2.
        assertThat(rows(report.get("accepted"))).containsExactly(3, 4, 5);
        assertThat(rows(report.get("rejections"))).containsExactly(6, 7);
        assertThat(report.get("columns").get("text").asString()).isEqualTo("#description");
        assertThat(report.get("columns").get("area").asString()).isEqualTo("#adm2+code");
        assertThat(report.get("columns").get("locality").asString()).isEqualTo("#loc+name");
        assertThat(report.get("columns").get("method").asString()).isEqualTo("#meta+method+observation");
        assertThat(report.get("accepted").get(2).get("title").asString()).as("Akkar named in a district column")
                .isEqualTo("Field observation, Akkar (Halba), 2023-04-02");
        assertThat(report.get("accepted").get(1).get("title").asString()).as("a date written out")
                .endsWith("2023-03-14");

        assertThat(violations(report, 6)).containsOnlyKeys("text");
        Map<String, String> row7 = violations(report, 7);
        assertThat(row7).containsEntry("observedFrom", "2023-02-30").containsEntry("area", "LB99")
                .containsEntry("sectors", "astrology").containsEntry("method", "method-rumour");

        assertThat(oxfam.http().get("/api/search?q=" + Http.enc("Bourj Hammoud eviction notices") + "&type=observation")
                .json().get("total").asLong()).as("a dry run stores nothing").isZero();
    }

    @Test
    void anHxlFileIsStoredInOneGoAndSearchableAtOnce() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        String marker = marker();
        // Districts of El Nabatieh governorate (LB4), a period in one row, a date written out in another.
        String csv = """
                What was observed,From,To,District,Governorate,Locality,Sector,Organisation,Population group,How observed
                #description,#date +start,#date +end,#adm2 +code,#adm1 +code,#loc +name,#sector,#org +acronym,#population +type,#meta +method
                "In the MARKER gathering, families said the municipal water network runs two hours a week, so they buy from tankers and skip meals.",2023-08-01,2023-08-03,LB43,LB4,Marjayoun,WASH; Food Security,Oxfam,Syrian refugees,focus group discussion
                "Near MARKER, owners of unfinished buildings asked tenants to leave before winter; four families moved into one shop.",15 August 2023,,LB41,LB4,Bent Jbeil,shelter,Oxfam,syrian-refugees,field visit
                "The MARKER school dropped its afternoon shift; children of refugee families wait for a place.",2023-08-20,,LB44,LB4,Kfar Roummane,education,Oxfam,Syrian refugees,key informant interview
                """.replace("MARKER", marker);
        Http.Response r = upload(oxfam.http(), "nabatieh-observations.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("defaults", CONSENT, "mapping", "{\"method\": \"#meta+method\"}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("hxl");
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("stored").asBoolean()).isTrue();
        assertThat(report.get("rows").asInt()).isEqualTo(3);
        assertThat(report.get("ok").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isZero();
        assertThat(rows(report.get("accepted"))).containsExactly(3, 4, 5);
        assertThat(report.get("columns").get("observedTo").asString()).isEqualTo("#date+end");
        assertThat(report.get("columns").get("area").asString()).as("the district before the governorate").isEqualTo("#adm2+code");
        assertThat(report.get("columns").get("organisation").asString()).isEqualTo("#org+acronym");
        assertThat(report.get("columns").get("population").asString()).isEqualTo("#population+type");
        List<String> ids = new ArrayList<>();
        report.get("accepted").forEach(a -> {
            assertThat(a.get("status").asString()).isEqualTo("created");
            ids.add(a.get("id").asString());
        });
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();

        // Stored with every field its columns gave.
        JsonNode first = wfp.http().get("/api/observations/" + ids.get(0)).json();
        assertThat(first.get("text").asString()).startsWith("In the " + marker + " gathering");
        assertThat(first.get("observedFrom").asString()).isEqualTo("2023-08-01");
        assertThat(first.get("observedTo").asString()).isEqualTo("2023-08-03");
        assertThat(first.get("area").get("code").asString()).isEqualTo("LB43");
        assertThat(first.get("locality").asString()).isEqualTo("Marjayoun");
        assertThat(first.get("sectors").findValuesAsString("code")).containsExactlyInAnyOrder("wash", "food-security");
        assertThat(first.get("population").get("code").asString()).isEqualTo("syrian-refugees");
        assertThat(first.get("method").asString()).isEqualTo("focus-group-discussion");
        assertThat(first.get("organisation").get("code").asString()).isEqualTo("Oxfam");
        assertThat(first.get("sensitivity").asString()).isEqualTo("restricted");
        assertThat(first.get("consent").get("informedConsent").asString()).isEqualTo("given");
        assertThat(first.get("status").asString()).isEqualTo("submitted");
        JsonNode second = wfp.http().get("/api/observations/" + ids.get(1)).json();
        assertThat(second.get("observedFrom").asString()).as("a date written out").isEqualTo("2023-08-15");
        assertThat(second.get("area").get("code").asString()).isEqualTo("LB41");
        assertThat(second.get("method").asString()).isEqualTo("field-visit");
        assertThat(wfp.http().get("/api/observations/" + ids.get(2)).json().get("method").asString())
                .isEqualTo("key-informant-interview");

        // Searchable at once by those its level allows, with the declared area and sectors as filters.
        assertThat(wfp.http().get("/api/search?q=" + marker + "&type=observation&k=10").json().get("total").asLong())
                .isEqualTo(3);
        JsonNode wash = wfp.http().get("/api/search?q=" + marker + "&type=observation&sector=wash&area=LB4").json();
        assertThat(wash.get("total").asLong()).isEqualTo(1);
        assertThat(wash.get("results").get(0).get("document").get("id").asString()).isEqualTo(ids.get(0));
        assertThat(http().get("/api/search?q=" + marker).json().get("total").asLong()).as("anonymous").isZero();
        assertThat(ids(wfp.http().get("/api/observations?area=LB4&limit=1000").json())).containsAll(ids);
        JsonNode answers = wfp.http().get("/api/ask?q=" + Http.enc("Why do families in the " + marker
                + " gathering buy water from tankers?")).json();
        assertThat(answers.get("answers").get(0).get("provenance").get("document").get("id").asString()).isEqualTo(ids.get(0));

        JsonNode audit = admin().get("/api/audit?graph=" + Http.enc("http://localhost:8080/graph/document/" + ids.get(2))).json();
        assertThat(audit.findValuesAsString("action")).contains("observation.import");
        assertThat(audit.findValuesAsString("actor")).contains(oxfam.username());
    }

    @Test
    void sharingColumnsAreReadAndAnUnknownOrganisationOrSectorIsTheRowsViolation() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        String csv = """
                Observation,Date,District,Shared with,Sectors shared with
                #description,#date,#adm2+code,#org+shared,#sector+shared
                "Shelter partners in Tyre report more families sharing one room since the winter storms.",2023-01-10,LB63,UNICEF; WFP,protection
                "Food parcels in Tyre arrived three weeks late and households borrowed to buy bread.",2023-01-11,LB63,Nowhere Aid,astrology
                """;
        Map<String, String> fields = Map.of("dryRun", "true", "mapping", "{\"sharedWith\": \"#org+shared\", "
                + "\"sharedWithSector\": \"#sector+shared\", \"organisation\": null, \"sectors\": null}", "defaults", "{\"sectors\": \"shelter\", "
                + "\"method\": \"monitoring\", \"consent\": {\"collectedFromPeople\": false, \"personalData\": false}}");
        Http.Response r = upload(oxfam.http(), "hxl.csv", csv.getBytes(StandardCharsets.UTF_8), fields);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("columns").get("sharedWith").asString()).isEqualTo("#org+shared");
        assertThat(rows(report.get("accepted"))).containsExactly(3);
        assertThat(violations(report, 4)).containsEntry("sharedWith", "Nowhere Aid").containsEntry("sharedWithSector", "astrology");
    }

    /** A Kobo CSV export (semicolon separated, group paths in the headings) with a marker in each text. */
    private static byte[] koboCsv(String marker, String... rows) {
        StringBuilder csv = new StringBuilder("start;end;grp_obs/obs_text;grp_obs/district;grp_obs/sector;grp_obs/visit_date;_id\n");
        int id = 1000;
        for (String row : rows) {
            csv.append("2023-05-02T08:10:00.000+03:00;2023-05-02T08:40:00.000+03:00;").append(row.replace("MARKER", marker))
                    .append(';').append(id++).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String KOBO_MAPPING = "{\"text\": \"obs_text\", \"observedFrom\": \"grp_obs/visit_date\"}";
    private static final String KOBO_DEFAULTS = "{\"method\": \"field-visit\", \"sensitivity\": \"public\", \"consent\": "
            + "{\"collectedFromPeople\": true, \"informedConsent\": \"yes\", \"purpose\": \"monitoring\", \"personalData\": false}}";

    /** Kobo rows (text; district; sector; visit date) of three valid observations, MARKER in each text. */
    private static final String TRUCKING = "\"Near the MARKER spring, water trucking stopped and families queue at a single "
            + "tap.\";Zahle;wash;2023-05-01";
    private static final String CLINIC = "\"In MARKER camp the clinic now opens two days a week; pregnant women travel to "
            + "Zahle.\";LB24;health;2023-05-02";
    private static final String SCHOOL = "\"MARKER school has no heating fuel, so classes end at noon in winter.\";LB23;education;"
            + "2023-05-03";

    @Test
    void aValidFileIsStoredInOneGoAndSearchableAtOnce() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        String marker = marker();
        byte[] file = koboCsv(marker, TRUCKING, CLINIC, SCHOOL);
        Http.Response r = upload(oxfam.http(), "kobo.csv", file, Map.of("mapping", KOBO_MAPPING, "defaults", KOBO_DEFAULTS));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("kobo-csv");
        assertThat(report.get("stored").asBoolean()).isTrue();
        assertThat(report.get("ok").asInt()).isEqualTo(3);
        assertThat(report.get("columns").get("area").asString()).as("a Kobo question named like a default")
                .isEqualTo("grp_obs/district");
        List<String> ids = new ArrayList<>();
        report.get("accepted").forEach(a -> {
            assertThat(a.get("status").asString()).isEqualTo("created");
            ids.add(a.get("id").asString());
        });
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();

        JsonNode hits = http().get("/api/search?q=" + marker + "&type=observation&k=10").json();
        assertThat(hits.get("total").asLong()).as("public, searchable at once").isEqualTo(3);
        JsonNode first = oxfam.http().get("/api/observations/" + ids.getFirst()).json();
        assertThat(first.get("area").get("code").asString()).isEqualTo("LB25");
        assertThat(first.get("observedFrom").asString()).isEqualTo("2023-05-01");
        assertThat(first.get("organisation").get("code").asString()).isEqualTo("Oxfam");
        assertThat(first.get("method").asString()).isEqualTo("field-visit");
        assertThat(first.get("consent").get("informedConsent").asString()).isEqualTo("given");
        assertThat(ids(http().get("/api/observations?area=LB2&limit=1000").json())).containsAll(ids);
        JsonNode audit = admin().get("/api/audit?graph=" + Http.enc("http://localhost:8080/graph/document/" + ids.getFirst())).json();
        assertThat(audit.findValuesAsString("action")).contains("observation.import");
        assertThat(audit.findValuesAsString("actor")).contains(oxfam.username());

        // The same file again stores nothing new: each text is already there.
        Http.Response again = upload(oxfam.http(), "kobo.csv", file, Map.of("mapping", KOBO_MAPPING, "defaults", KOBO_DEFAULTS));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        List<String> sameIds = new ArrayList<>();
        again.json().get("accepted").forEach(a -> {
            assertThat(a.get("status").asString()).isEqualTo("unchanged");
            sameIds.add(a.get("id").asString());
        });
        assertThat(sameIds).isEqualTo(ids);
        assertThat(http().get("/api/search?q=" + marker + "&type=observation&k=10").json().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aFileWithOneBadRowStoresNothing() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        String marker = marker();
        // Row 3 names an area outside Lebanon; row 5 repeats row 2's text.
        byte[] file = koboCsv(marker, TRUCKING, CLINIC.replace("LB24", "Aleppo"), SCHOOL,
                TRUCKING.replace("2023-05-01", "2023-05-04"));
        Http.Response r = upload(oxfam.http(), "kobo.csv", file, Map.of("mapping", KOBO_MAPPING, "defaults", KOBO_DEFAULTS));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        JsonNode problem = r.json();
        assertThat(problem.get("type").asString()).endsWith("/unprocessable-content");
        assertThat(problem.get("detail").asString()).contains("2 of 4 rows").contains("nothing was stored");
        assertThat(problem.get("stored").asBoolean()).isFalse();
        assertThat(problem.get("ok").asInt()).isEqualTo(2);
        assertThat(violations(problem, 3)).containsEntry("area", "Aleppo");
        assertThat(violations(problem, 5)).as("the same text twice").containsOnlyKeys("text");

        assertThat(admin().get("/api/search?q=" + marker).json().get("total").asLong()).isZero();
        for (JsonNode o : admin().get("/api/observations?organisation=Oxfam&limit=1000").json()) {
            assertThat(o.get("text").asString()).doesNotContain(marker);
        }
    }

    @Test
    void personalDataTheChainFindsWithoutConsentStopsTheWholeImport() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        String marker = marker();
        byte[] file = koboCsv(marker, TRUCKING, "\"The MARKER settlement focal point can be reached on +961 3 123 456; he says "
                + "the tanks are empty.\";LB25;wash;2023-05-02");
        String unknownConsent = "{\"method\": \"field-visit\", \"consent\": {\"collectedFromPeople\": true, "
                + "\"informedConsent\": \"unknown\", \"personalData\": false}}";
        Map<String, String> fields = new LinkedHashMap<>(Map.of("mapping", KOBO_MAPPING, "defaults", unknownConsent));

        // The shapes see only what the row declares: the dry run finds nothing wrong.
        fields.put("dryRun", "true");
        assertThat(upload(oxfam.http(), "kobo.csv", file, fields).json().get("ok").asInt()).isEqualTo(2);

        // Storing runs the ingest chain, which finds the phone number: no row is stored.
        fields.remove("dryRun");
        Http.Response r = upload(oxfam.http(), "kobo.csv", file, fields);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).startsWith("row 3 could not be stored");
        Map<String, String> row3 = violations(r.json(), 3);
        assertThat(row3).containsOnlyKeys("consent.informedConsent");
        assertThat(r.json().get("rejections").get(0).get("violations").get(0).get("message").asString())
                .contains("phone").doesNotContain("123 456");
        assertThat(admin().get("/api/search?q=" + marker).json().get("total").asLong()).isZero();
    }

    @Test
    void aTextAnotherOrganisationSentBeforeStaysUnknownToTheImporter() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        byte[] file = koboCsv(marker(), TRUCKING);
        Map<String, String> confidential = Map.of("mapping", KOBO_MAPPING, "defaults", KOBO_DEFAULTS.replace("public", "confidential"));
        String oxfams = upload(oxfam.http(), "kobo.csv", file, confidential).json().get("accepted").get(0).get("id").asString();

        Http.Response r = upload(wfp.http(), "kobo.csv", file, confidential);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode row = r.json().get("accepted").get(0);
        assertThat(row.get("status").asString()).isEqualTo("created");
        assertThat(row.get("id").asString()).isNotEqualTo(oxfams);
        assertThat(wfp.http().get("/api/observations/" + oxfams).status()).isEqualTo(404);
    }

    @Test
    void aKoboWorkbookIsReadFromItsMainSheetWithItsDatesAndSelectMultipleAnswers() throws IOException {
        Members.Member unicef = Members.contributor(http(), admin(), "UNICEF");
        String marker = marker();
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet main = wb.createSheet("Field monitoring 2023");
            String[] headings = {"start", "today", "group_obs/observation", "group_obs/district", "group_obs/sectors",
                    "group_consent/collected", "group_consent/informed", "group_consent/personal_data", "_id", "_index"};
            Row h = main.createRow(0);
            for (int i = 0; i < headings.length; i++) {
                h.createCell(i).setCellValue(headings[i]);
            }
            Object[][] rows = {
                    {LocalDate.of(2023, 6, 12), "Girls in the " + marker + " settlement stopped attending the child-friendly space after "
                            + "harassment on the road.", "Baalbek", "protection education", "yes", "yes", "no"},
                    {LocalDate.of(2023, 6, 13), "Latrines in the " + marker + " collective shelter overflow after the desludging "
                            + "contract ended.", "LB22", "wash shelter", "yes", "yes", "no"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = main.createRow(r + 1);
                row.createCell(0).setCellValue(((LocalDate) rows[r][0]).atTime(8, 30));
                row.getCell(0).setCellStyle(date);
                row.createCell(1).setCellValue((LocalDate) rows[r][0]);
                row.getCell(1).setCellStyle(date);
                for (int c = 1; c < rows[r].length; c++) {
                    row.createCell(c + 1).setCellValue((String) rows[r][c]);
                }
                row.createCell(8).setCellValue(5000 + r);
                row.createCell(9).setCellValue(r + 1);
            }
            Sheet members = wb.createSheet("members");
            members.createRow(0).createCell(0).setCellValue("members/age");
            members.getRow(0).createCell(1).setCellValue("_parent_index");
            members.createRow(1).createCell(0).setCellValue(34);
            members.getRow(1).createCell(1).setCellValue(1);
            wb.write(out);
            workbook = out.toByteArray();
        }
        Map<String, String> fields = Map.of("mapping", "{\"text\": \"observation\", \"observedFrom\": \"today\", "
                        + "\"consent.collectedFromPeople\": \"collected\", \"consent.informedConsent\": \"informed\", "
                        + "\"consent.personalData\": \"personal_data\"}",
                "defaults", "{\"method\": \"Key informant interview\", \"consent.purpose\": \"protection monitoring\"}");

        // A repeat group's sheet, named, is read instead; it holds no observations.
        Map<String, String> repeat = new LinkedHashMap<>(fields);
        repeat.put("sheet", "MEMBERS");
        repeat.put("dryRun", "true");
        repeat.put("mapping", "{}");
        JsonNode members = upload(unicef.http(), "export.xlsx", workbook, repeat).json();
        assertThat(members.get("sheet").asString()).isEqualTo("members");
        assertThat(violations(members, 2)).containsKey("text");
        repeat.put("sheet", "household");
        Http.Response noSheet = upload(unicef.http(), "export.xlsx", workbook, repeat);
        assertThat(noSheet.status()).isEqualTo(400);
        assertThat(noSheet.json().get("field").asString()).isEqualTo("sheet");
        assertThat(noSheet.json().get("detail").asString()).contains("Field monitoring 2023", "members");

        Http.Response r = upload(unicef.http(), "export.xlsx", workbook, fields);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("kobo-xlsx");
        assertThat(report.get("sheet").asString()).isEqualTo("Field monitoring 2023");
        assertThat(rows(report.get("accepted"))).containsExactly(2, 3);
        JsonNode first = unicef.http().get("/api/observations/" + report.get("accepted").get(0).get("id").asString()).json();
        assertThat(first.get("observedFrom").asString()).isEqualTo("2023-06-12");
        assertThat(first.get("area").get("code").asString()).as("Baalbek by name").isEqualTo("LB21");
        assertThat(first.get("sectors").findValuesAsString("code")).containsExactlyInAnyOrder("protection", "education");
        assertThat(first.get("method").asString()).isEqualTo("key-informant-interview");
        assertThat(first.get("organisation").get("code").asString()).isEqualTo("UNICEF");
        assertThat(first.get("sensitivity").asString()).as("the default level").isEqualTo("restricted");
        assertThat(unicef.http().get("/api/search?q=" + marker + "&type=observation").json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void contributorsImportForTheirOwnOrganisationOnlyAndAnonymousCallersNotAtAll() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        String csv = "Observation,Date,District,Organisation\n#description,#date,#adm2+code,#org\n"
                + "\"Shelter partners in Saida report more families sharing one room since the winter.\",2023-01-10,LB61,Oxfam\n"
                + "\"Food parcels in Saida arrived three weeks late and households borrowed to buy bread.\",2023-01-11,LB61,WFP\n";
        Map<String, String> fields = Map.of("dryRun", "true", "defaults", "{\"sectors\": \"shelter\", \"method\": \"monitoring\", "
                + "\"consent\": {\"collectedFromPeople\": false, \"personalData\": false}}");
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonNode report = upload(oxfam.http(), "hxl.csv", file, fields).json();
        assertThat(rows(report.get("accepted"))).containsExactly(3);
        assertThat(violations(report, 4)).containsOnlyKeys("organisation").containsEntry("organisation", "WFP");

        Http.Response byAdmin = upload(admin(), "hxl.csv", file, fields);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.json().get("ok").asInt()).as("the admin imports for any organisation").isEqualTo(2);

        assertThat(upload(http(), "hxl.csv", file, fields).status()).isEqualTo(401);
        Members.Member analyst = Members.create(http(), admin(), "Oxfam", List.of("analyst"), List.of());
        assertThat(upload(analyst.http(), "hxl.csv", file, fields).status()).isEqualTo(403);
    }

    @Test
    void filesAndParametersThatCannotBeUsedAreClearProblems() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        byte[] file = resource("lebanon-observations-hxl.csv");

        StringBuilder big = new StringBuilder("text,area\n");
        for (int i = 0; i <= ObservationImport.MAX_ROWS; i++) {
            big.append("row ").append(i).append(",LB25\n");
        }
        Http.Response tooMany = upload(oxfam.http(), "big.csv", big.toString().getBytes(StandardCharsets.UTF_8), Map.of("dryRun", "true"));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().get("type").asString()).endsWith("/payload-too-large");
        assertThat(tooMany.json().get("detail").asString()).contains("5001 rows", "5000");

        assertField(upload(oxfam.http(), "x.csv", file, Map.of("format", "kobo-xlsx")), 400, "format");
        assertField(upload(oxfam.http(), "x.csv", file, Map.of("format", "sav")), 400, "format");
        assertField(upload(oxfam.http(), "x.csv", file, Map.of("sheet", "main")), 400, "sheet");
        Http.Response noColumn = upload(oxfam.http(), "x.csv", file, Map.of("mapping", "{\"text\": \"#narrative\"}"));
        assertField(noColumn, 400, "mapping");
        assertThat(noColumn.json().get("detail").asString()).contains("#narrative", "#description");
        assertField(upload(oxfam.http(), "x.csv", file, Map.of("mapping", "{\"colour\": \"#description\"}")), 400, "mapping");
        assertField(upload(oxfam.http(), "x.csv", file, Map.of("mapping", "[\"text\"]")), 400, "mapping");
        assertField(upload(oxfam.http(), "x.csv", file, Map.of("defaults", "{not json")), 400, "defaults");
        assertField(upload(oxfam.http(), "x.csv", null, Map.of()), 400, "file");
        assertField(upload(oxfam.http(), "x.csv", "only,headings\n".getBytes(StandardCharsets.UTF_8), Map.of()), 422, "file");
        assertField(upload(oxfam.http(), "x.xlsx", new byte[]{'P', 'K', 3, 4, 1, 2, 3}, Map.of()), 400, "file");
    }

    private static void assertField(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo(field);
    }

    private static List<String> ids(JsonNode observations) {
        List<String> out = new ArrayList<>();
        observations.forEach(o -> out.add(o.get("id").asString()));
        return out;
    }
}
