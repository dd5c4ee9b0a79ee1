package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.BrowserSession;
import org.knowledgehub.security.Members;

/**
 * The upload page over plain HTTP, as a browser without scripts sends it: a session, the page's
 * CSRF token and a multipart form; the same checks and ingest as {@code POST /api/documents}.
 */
class UploadPageTest extends HubTest {

    private BrowserSession signedIn(Members.Member member) {
        BrowserSession browser = new BrowserSession("http://127.0.0.1:" + port);
        assertThat(browser.signIn(member.username(), member.password()).header("Location")).doesNotContain("error");
        return browser;
    }

    private static String marker() {
        return Members.marker("Qup");
    }

    /** The form as a browser sends it: the fields, then the file. */
    private static Http.Response send(BrowserSession browser, String filename, String content, Map<String, String> fields) {
        String boundary = "kh-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n--")
                .append(boundary).append("--\r\n");
        return browser.post("/documents/new", "multipart/form-data; boundary=" + boundary, body.toString());
    }

    private long found(String marker) {
        return admin().get("/api/search?q=" + marker).json().get("total").asLong();
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndAnalystsMayNotUpload() {
        BrowserSession anonymous = new BrowserSession("http://127.0.0.1:" + port);
        Http.Response page = anonymous.get("/documents/new", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(anonymous.get("/").text()).doesNotContain("href=\"/documents/new\"");

        BrowserSession analyst = signedIn(Members.create(http(), admin(), "UNHCR", List.of("analyst"), List.of()));
        assertThat(analyst.get("/documents/new", "Accept", "text/html").status()).isEqualTo(403);
        assertThat(analyst.get("/").text()).as("no upload link").doesNotContain("href=\"/documents/new\"");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndStoresNothing() {
        BrowserSession member = signedIn(Members.contributor(http(), admin(), "UNHCR"));
        String marker = marker();
        Http.Response refused = send(member, "csrf-" + marker + ".md", "# Note " + marker + "\n\nWater trucking stopped.\n",
                Map.of("type", "other"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(found(marker)).isZero();
    }

    @Test
    void aMemberUploadsThroughTheFormAndLandsOnTheDocumentForTheirOwnOrganisation() {
        BrowserSession member = signedIn(Members.contributor(http(), admin(), "UNHCR"));
        Http.Response page = member.get("/documents/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"upload-form\"").contains("id=\"up-organisation-fixed\"").contains("UNHCR")
                .doesNotContain("id=\"up-organisation\"").contains("id=\"nav-upload\"");
        String marker = marker();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", BrowserSession.csrfToken(page));
        fields.put("title", "Shelter visits " + marker);
        fields.put("type", "assessment");
        fields.put("date", "2023-05-02");
        fields.put("sensitivity", "confidential");
        fields.put("sharedWith", "UNICEF, WFP");
        fields.put("language", "fr");
        Http.Response posted = send(member, "form-" + marker + ".md", "# Visits\n\nShelter visits in Akkar " + marker + ".\n", fields);
        assertThat(posted.status()).as(posted.text()).isEqualTo(302);
        assertThat(posted.header("Location")).matches(".*/id/document/form-" + marker.toLowerCase() + "-[0-9a-f]+");
        String id = posted.header("Location").substring(posted.header("Location").lastIndexOf('/') + 1);
        try {
            Http.Response doc = admin().get("/api/documents/" + id);
            assertThat(doc.status()).isEqualTo(200);
            assertThat(doc.json().get("title").asString()).isEqualTo("Shelter visits " + marker);
            assertThat(doc.json().get("type").asString()).isEqualTo("assessment");
            assertThat(doc.json().get("sensitivity").asString()).isEqualTo("confidential");
            assertThat(doc.json().get("organisations").toString()).containsIgnoringCase("unhcr");
            assertThat(doc.json().get("date").asString()).isEqualTo("2023-05-02");
            assertThat(doc.json().get("language").asString()).as("declared, though the text is English").isEqualTo("fr");
        } finally {
            assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void aRefusalReShowsTheFormWithTheProblemsStatusBesideItsFieldKeepingTheRest() {
        BrowserSession member = signedIn(Members.contributor(http(), admin(), "UNHCR"));
        String marker = marker();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", BrowserSession.csrfToken(member.get("/documents/new")));
        fields.put("title", "Public note " + marker);
        fields.put("sensitivity", "public");
        fields.put("sharedWithSector", "protection");
        Http.Response refused = send(member, "refused-" + marker + ".md", "# Note\n\nEvictions in Akkar " + marker + ".\n", fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.text()).contains("id=\"error-sharedWithSector\"").contains("sharing with sectors applies to restricted documents")
                .contains("value=\"Public note " + marker + "\"").containsPattern("value=\"protection\"[^>]*checked");
        assertThat(found(marker)).isZero();

        fields.put("_csrf", BrowserSession.csrfToken(refused));
        fields.remove("sharedWithSector");
        fields.put("type", "memo");
        Http.Response badType = send(member, "refused-" + marker + ".md", "# Note\n\n" + marker + "\n", fields);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.text()).contains("id=\"error-type\"").contains("type must be one of");

        fields.put("_csrf", BrowserSession.csrfToken(badType));
        fields.remove("type");
        fields.put("language", "de");
        Http.Response badLanguage = send(member, "refused-" + marker + ".md", "# Note\n\n" + marker + "\n", fields);
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.text()).contains("id=\"error-language\"").contains("language must be one of en, fr, ar");

        fields.put("_csrf", BrowserSession.csrfToken(badLanguage));
        fields.remove("language");
        Http.Response unreadable = send(member, "broken-" + marker + ".pdf", "%PDF-1.7\n1 0 obj garbage " + marker, fields);
        assertThat(unreadable.status()).as("refused by the ingest, not the checks").isEqualTo(422);
        assertThat(unreadable.text()).contains("id=\"error-file\"");
        assertThat(found(marker)).isZero();
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedAsTooLarge() {
        BrowserSession member = signedIn(Members.contributor(http(), admin(), "UNHCR"));
        String marker = marker();
        // The tests' limit is 5 MB.
        Http.Response refused = send(member, "huge-" + marker + ".txt", marker + "\n" + "x".repeat(6_000_000),
                Map.of("_csrf", BrowserSession.csrfToken(member.get("/documents/new")), "type", "other"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(413);
        assertThat(refused.json().get("field").asString()).isEqualTo("file");
        assertThat(refused.json().get("detail").asString()).isEqualTo("the upload is larger than the configured limit (5 MB)");
        assertThat(found(marker)).isZero();
    }

    @Test
    void aLargeFileGoesToItsIngestPage() {
        BrowserSession member = signedIn(Members.contributor(http(), admin(), "UNHCR"));
        String marker = marker();
        Http.Response posted = send(member, "large-" + marker + ".txt",
                new String(BackgroundIngestTest.largeNote(marker, 1_100_000), StandardCharsets.UTF_8),
                Map.of("_csrf", BrowserSession.csrfToken(member.get("/documents/new")), "type", "other"));
        assertThat(posted.status()).as(posted.text()).isEqualTo(302);
        assertThat(posted.header("Location")).matches(".*/ingests/[0-9a-f-]+");
        Http.Response progress = member.get(posted.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.text()).contains("large-" + marker + ".txt");
        // Ended here, not during a later test that counts documents.
        String job = posted.header("Location").replaceFirst(".*/ingests/", "");
        assertThat(BackgroundIngestTest.awaitFinished(admin(), "/api/ingests/" + job).get("state").asString()).isEqualTo("committed");
    }
}
