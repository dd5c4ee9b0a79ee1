package org.knowledgehub.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.tables.CsvText;
import tools.jackson.databind.JsonNode;

/**
 * Real exports from {@code ../shared/data} (skipped where that folder is absent): an HXL 3W and a
 * KoboToolbox workbook, neither made of observations, are read to the last row and every row is
 * rejected for a reason a user can act on, instead of failing as a whole.
 */
class SharedExportsImportTest extends HubTest {

    private static final Path DATA = Path.of("..", "shared", "data");

    private static byte[] shared(String file) throws IOException {
        Path path = DATA.resolve(file);
        assumeTrue(Files.isRegularFile(path), path + " is not here");
        return Files.readAllBytes(path);
    }

    @Test
    void theUnhcr3wIsRejectedRowByRowForItsMissingTextAndItsAreasOutsideLebanon() throws IOException {
        byte[] file = shared("hxl/showcase__unhcr-3w.csv");
        Http.Response r = admin().upload("/api/observations/import", "unhcr-3w.csv", file, Map.of("dryRun", "true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        int rows = CsvText.of(file).rows().size() - 2;
        assertThat(report.get("format").asString()).isEqualTo("hxl");
        assertThat(report.get("rows").asInt()).isEqualTo(rows);
        assertThat(report.get("ok").asInt()).isZero();
        assertThat(report.get("rejected").asInt()).isEqualTo(rows);
        assertThat(report.get("columns").get("area").asString()).isEqualTo("#adm1");
        assertThat(report.get("columns").has("text")).isFalse();

        Set<Integer> areaRejected = new HashSet<>();
        for (JsonNode rejection : report.get("rejections")) {
            Set<String> fields = new HashSet<>();
            rejection.get("violations").forEach(v -> fields.add(v.get("field").asString()));
            assertThat(fields).as("row " + rejection.get("row")).contains("text");
            if (fields.contains("area")) {
                areaRejected.add(rejection.get("row").asInt());
            }
        }
        int chad = rowOf(file, "Chad,");
        int bekaa = rowOf(file, "Lebanon,Bekaa,");
        assertThat(areaRejected).as("Logone Oriental, Chad").contains(chad);
        assertThat(areaRejected).as("Bekaa is an area of Lebanon").doesNotContain(bekaa);
    }

    @Test
    void aKoboWorkbookWithoutObservationsIsReadFromItsMainSheet() throws IOException {
        byte[] file = shared("kobo/kobocruncher__data.xlsx");
        Http.Response r = admin().upload("/api/observations/import", "data.xlsx", file, Map.of("dryRun", "true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("format").asString()).isEqualTo("kobo-xlsx");
        assertThat(report.get("sheet").asString()).isEqualTo("Sample Dataset KoboloadeR");
        assertThat(report.get("rows").asInt()).isEqualTo(5);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        assertThat(report.get("columns").get("observedFrom").asString()).isEqualTo("start");
        for (JsonNode rejection : report.get("rejections")) {
            assertThat(rejection.get("violations").findValuesAsString("field")).contains("text").doesNotContain("observedFrom");
        }
    }

    /** The number of the first row of a CSV that starts with this text. */
    private static int rowOf(byte[] csv, String start) {
        return CsvText.of(csv).rows().stream().filter(row -> String.join(",", row.cells()).startsWith(start))
                .findFirst().orElseThrow().number();
    }
}
