package org.knowledgehub.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** How an import file is read and its columns found, without the service: formats, hashtags, limits. */
class ImportTableTest {

    private static ImportTable read(String csv) {
        return ImportTable.read(csv.getBytes(StandardCharsets.UTF_8), null, null, 1_000_000, 100);
    }

    private static int status(Throwable e) {
        return ((ErrorResponseException) e).getStatusCode().value();
    }

    @Test
    void anHxlFileIsRecognisedBelowItsHeadingsAndItsTagsMatchInAnyOrderAndCase() {
        ImportTable t = read("""
                Field observations, Bekaa,,
                What,Where (governorate),Where (district),How
                #description,#adm1+code,#ADM2 + Code,#Meta+Observation+METHOD
                "Water trucking stopped in March near the spring.",LB2,LB25,field-visit
                ,,,
                """);
        assertThat(t.format()).isEqualTo(ImportFormat.HXL);
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().getFirst().number()).isEqualTo(4);
        assertThat(t.headings()).containsExactly("What", "Where (governorate)", "Where (district)", "How");

        ColumnMapping m = ColumnMapping.of(t, Map.of("method", "#meta+method+observation"));
        assertThat(m.column("text")).isZero();
        assertThat(m.column("area")).as("the district preferred to the governorate").isEqualTo(2);
        assertThat(m.column("method")).isEqualTo(3);
        assertThat(ColumnMapping.of(t, Map.of("method", "How")).column("method")).as("by heading").isEqualTo(3);
        assertThat(ColumnMapping.of(t, Map.of("area", "")).column("area")).as("mapped to no column").isEqualTo(-1);
        assertThatThrownBy(() -> ColumnMapping.of(t, Map.of("method", "#meta+method+interview")))
                .satisfies(e -> assertThat(status(e)).isEqualTo(400));
    }

    @Test
    void aKoboExportIsFoundByQuestionNamesAtTheEndOfGroupPaths() {
        ImportTable t = read("""
                start;grp_a/text;grp_a/district;grp_b/district;consent/personalData
                2023-05-02T08:10:00.000+03:00;Water trucking stopped in March near the spring.;LB25;LB24;no
                """);
        assertThat(t.format()).isEqualTo(ImportFormat.KOBO_CSV);
        ColumnMapping defaults = ColumnMapping.of(t, Map.of());
        assertThat(defaults.column("text")).isEqualTo(1);
        assertThat(defaults.column("observedFrom")).as("the form's start").isZero();
        assertThat(defaults.column("consent.personalData")).isEqualTo(4);
        assertThat(ColumnMapping.of(t, Map.of("area", "grp_b/district")).column("area")).isEqualTo(3);
        assertThatThrownBy(() -> ColumnMapping.of(t, Map.of("area", "district"))).as("two questions of that name")
                .satisfies(e -> assertThat(status(e)).isEqualTo(400))
                .hasMessageContaining("mapping.area");
    }

    @Test
    void aFileOverTheLimitsIsRefusedBeforeItIsRead() {
        byte[] csv = "text\na\nb\nc\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportTable.read(csv, null, null, csv.length - 1, 100))
                .satisfies(e -> assertThat(status(e)).isEqualTo(413));
        assertThatThrownBy(() -> ImportTable.read(csv, null, null, csv.length, 2))
                .satisfies(e -> assertThat(status(e)).isEqualTo(413));
        assertThat(ImportTable.read(csv, null, null, csv.length, 3).rows()).hasSize(3);
    }

    @Test
    void daysAreReadFromDateTimesAndWrittenDates() {
        assertThat(ImportRows.day("2023-04-02T09:15:00+03:00")).isEqualTo("2023-04-02");
        assertThat(ImportRows.day("14 March 2023")).isEqualTo("2023-03-14");
        assertThat(ImportRows.day("2 apr 2023")).isEqualTo("2023-04-02");
        assertThat(ImportRows.day("03-18-14")).as("ambiguous: left for the shapes to refuse").isEqualTo("03-18-14");
    }
}
