package org.knowledgehub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;

/** {@code /actuator/prometheus}: who may read it, and that it carries the hub's request, ingest, store and index metrics. */
class MetricsTest extends HubTest {

    private static final String PATH = "/actuator/prometheus";

    @Test
    void anonymousCallersAndMembersWithoutTheAdminRoleAreRefused() {
        Http.Response anonymous = http().get(PATH);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.text()).doesNotContain("kh_store_size");
        Members.Member contributor = Members.contributor(http(), admin(), "UNHCR");
        Http.Response member = contributor.http().get(PATH);
        assertThat(member.status()).as(member.toString()).isEqualTo(403);
        Http.Response wrongToken = http().withBearer("not-the-scrape-token").get(PATH);
        assertThat(wrongToken.status()).isEqualTo(401);
    }

    @Test
    void adminsReadRequestTimersByRouteIngestStagesAndSizes() {
        String before = scrape();
        double documentsBefore = value(before, "kh_ingest_documents_total");
        String marker = Members.marker("Metric");
        Http.Response uploaded = admin().upload("/api/documents", "metrics-" + marker + ".md",
                ("# Metrics note " + marker + "\n\nWater trucking in Zahle reached 40 sites.\n").getBytes(StandardCharsets.UTF_8),
                Map.of("type", "field-note", "sensitivity", "public", "date", "2024-05-01"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        assertThat(http().get("/api/documents/" + id).status()).isEqualTo(200);

        Http.Response response = http().withBasic(ADMIN_ACCOUNT, ADMIN_PASSWORD).get(PATH);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        String text = response.text();
        assertThat(value(text, "kh_ingest_documents_total")).isGreaterThanOrEqualTo(documentsBefore + 1);
        for (String stage : new String[]{"parse", "segment", "metadata", "graph", "index"}) {
            assertThat(value(text, "kh_ingest_stage_seconds_count{stage=\"" + stage + "\"}")).as(stage).isGreaterThan(0);
        }
        assertThat(value(text, "kh_ingest_commit_seconds_count")).isGreaterThan(0);
        // Requests are timed by route template, never by raw path (one series per document would not scale).
        assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/documents/\\{id}\"");
        assertThat(text).doesNotContain("uri=\"/api/documents/" + id + "\"");
        assertThat(value(text, "kh_store_size_bytes")).isGreaterThan(100_000);
        assertThat(value(text, "kh_index_size_bytes")).isGreaterThan(10_000);
        assertThat(value(text, "kh_index_passages")).isGreaterThan(10);
        assertThat(value(text, "kh_ingest_uploads")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "kh_nlp_annotating")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "kh_embedding_backlog")).isGreaterThanOrEqualTo(0);
    }

    private String scrape() {
        Http.Response response = admin().get(PATH);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text();
    }

    /** The value of the sample whose name (and labels, if given) begin the line; labels left out match any. */
    private static double value(String exposition, String series) {
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        String labels = series.contains("{") ? series.substring(series.indexOf('{') + 1, series.length() - 1) : "";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)").matcher(exposition);
        while (m.find()) {
            if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + series + " in the metrics");
    }
}
