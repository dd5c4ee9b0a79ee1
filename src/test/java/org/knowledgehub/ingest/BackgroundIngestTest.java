package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * Files larger than kh.ingest.background-above (1 MB) are accepted with 202 and a status resource
 * that follows them to their document or their problem; only their sender (or an admin) may follow
 * them; a caller with too many uploads in progress is told to come back later.
 */
public class BackgroundIngestTest extends HubTest {

    @Test
    void aLargeUploadIsAcceptedThenFollowedToItsDocument() {
        Members.Member rana = Members.contributor(http(), admin(), "UNHCR");
        String marker = "Ain" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        byte[] file = largeNote(marker, 1_300_000);

        Http.Response accepted = rana.http().upload("/api/documents", "large-" + marker + ".txt", file, Map.of("type", "field-note"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).startsWith("/api/ingests/");
        JsonNode status = accepted.json();
        assertThat(status.get("state").asString()).isIn("queued", "parsing", "annotating", "storing", "committed");
        assertThat(status.get("source").asString()).endsWith("/large-" + marker + ".txt");
        assertThat(status.get("bytes").asLong()).isEqualTo(file.length);
        assertThat(status.get("page").asString()).isEqualTo("/ingests/" + status.get("id").asString());

        JsonNode done = awaitFinished(rana.http(), location);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        String id = done.get("document").get("id").asString();
        assertThat(done.get("document").get("status").asString()).isEqualTo("created");
        assertThat(rana.http().get("/api/documents/" + id).status()).isEqualTo(200);
        JsonNode hits = rana.http().get("/api/search?q=" + marker).json();
        assertThat(hits.get("results").valueStream().map(r -> r.get("document").get("id").asString())).contains(id);

        // Only its sender and admins may follow it; the list shows it to them.
        assertThat(http().get(location).status()).isEqualTo(401);
        Members.Member other = Members.contributor(http(), admin(), "UNHCR");
        assertThat(other.http().get(location).status()).isEqualTo(404);
        assertThat(admin().get(location).status()).isEqualTo(200);
        assertThat(rana.http().get("/api/ingests").json().valueStream().map(j -> j.get("id").asString()))
                .contains(status.get("id").asString());
        assertThat(other.http().get("/api/ingests").json().size()).isZero();
        assertThat(rana.http().get("/api/ingests/not-a-job").status()).isEqualTo(404);
    }

    @Test
    void aLargeUploadTheHubCannotTakeFailsWithTheProblemItWouldHaveBeenAnsweredWith() {
        // Under the upload limit, over the text limit (kh.ingest.max-text-chars).
        byte[] longText = "Water trucking in Arsal. ".repeat(120_000).getBytes(StandardCharsets.UTF_8);
        for (String extension : List.of(".txt", ".md")) {
            Http.Response accepted = admin().upload("/api/documents", "long-" + UUID.randomUUID() + extension, longText, Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            JsonNode done = awaitFinished(admin(), accepted.header("Location"));
            assertThat(done.get("state").asString()).isEqualTo("failed");
            assertThat(done.get("problem").get("status").asInt()).isEqualTo(413);
            assertThat(done.get("problem").get("field").asString()).isEqualTo("file");
            assertThat(done.get("problem").get("detail").asString()).contains("2000000 characters");
            assertThat(done.get("document").isNull()).isTrue();
        }
    }

    @Test
    void aCallerWithTooManyUploadsInProgressIsToldWhenToComeBack() {
        Members.Member busy = Members.contributor(http(), admin(), "WFP");
        List<Http.Response> answers = new ArrayList<>();
        // kh.ingest.uploads-per-caller is 3: the fourth upload sent while three are in progress is refused.
        for (int i = 0; i < 4; i++) {
            String marker = "Busy" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            answers.add(busy.http().upload("/api/documents", "busy-" + marker + ".txt", largeNote(marker, 1_100_000), Map.of()));
        }
        assertThat(answers.subList(0, 3)).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(202));
        Http.Response refused = answers.get(3);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("10");
        assertThat(refused.json().get("detail").asString()).contains("kh.ingest.uploads-per-caller");
        // Another caller is not held back by this one's uploads.
        Http.Response small = admin().upload("/api/documents", "small-" + UUID.randomUUID() + ".md",
                "# Small\n\nWater trucking in Arsal.\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(small.status()).as(small.toString()).isEqualTo(201);
        for (Http.Response a : answers.subList(0, 3)) {
            assertThat(awaitFinished(busy.http(), a.header("Location")).get("state").asString()).isEqualTo("committed");
        }
    }

    /** A field note of real sentences (which CoreNLP tags) padded to {@code size} bytes with an endless run it skips. */
    public static byte[] largeNote(String marker, int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("Families in Bar Elias near the ").append(marker)
                    .append(" spring said UNICEF water trucking stopped in March 2024, so they buy from private tankers.\n");
        }
        text.append("x".repeat(Math.max(0, size - text.length() - 1))).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static JsonNode awaitFinished(Http http, String location) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            Http.Response r = http.get(location);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            String state = r.json().get("state").asString();
            if (state.equals("committed") || state.equals("failed")) {
                return r.json();
            }
            assertThat(System.nanoTime()).as("ingest still " + state + " after 3 minutes").isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
