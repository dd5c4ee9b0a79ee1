package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * A text of nearly two million characters, most of them one endless "word" (the upload that ran
 * CoreNLP out of memory): annotated piece by piece, the endless run left out, the real sentences
 * around it linked and searchable, and the service answering afterwards.
 */
class LargeTextIngestTest extends HubTest {

    @Test
    void aTextOfOneEndlessTokenIsIngestedAndItsSentencesAreFound() {
        String marker = "Qarn" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String text = "Households in Zahle near the " + marker + " spring buy water from private tankers.\n"
                + "a".repeat(1_900_000)
                + "\nWFP reported that rent arrears grew in Akkar near the " + marker + " spring in March 2023.\n";
        Http.Response created = admin().upload("/api/documents", "endless-" + marker + ".txt",
                text.getBytes(StandardCharsets.UTF_8), Map.of("type", "field-note"));
        // Over kh.ingest.background-above: ingested in the background.
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        JsonNode done = BackgroundIngestTest.awaitFinished(admin(), created.header("Location"));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("committed");
        String id = done.get("document").get("id").asString();

        JsonNode hits = admin().get("/api/search?q=" + marker).json();
        assertThat(hits.get("total").asLong()).isPositive();
        assertThat(hits.get("results").get(0).get("document").get("id").asString()).isEqualTo(id);
        // The sentence after the endless run was linked too: its place is a filter.
        JsonNode akkar = admin().get("/api/search?q=" + Http.enc("rent arrears " + marker) + "&area=LB7").json();
        assertThat(akkar.get("results").valueStream().map(r -> r.get("document").get("id").asString()))
                .as(akkar.toString()).contains(id);
        assertThat(admin().get("/api/ask?q=" + Http.enc("Why do households buy water from private tankers?")).status())
                .isEqualTo(200);
    }
}
