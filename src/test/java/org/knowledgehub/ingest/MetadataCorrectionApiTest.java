package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/** PATCH /api/documents/{id}/metadata: inferred metadata with its evidence, corrected by an owner, re-indexed and audited. */
class MetadataCorrectionApiTest extends HubTest {

    private static String marker() {
        return Members.marker("Qmd");
    }

    private static Map<String, String> sources(JsonNode doc) {
        Map<String, String> out = new LinkedHashMap<>();
        doc.get("metadata").forEach(s -> out.putIfAbsent(s.get("field").asString(), s.get("method").asString()));
        return out;
    }

    private String upload(Members.Member member, String name, String text) {
        Http.Response uploaded = member.http().upload("/api/documents", name, text.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get("id").asString();
    }

    @Test
    void anOwnerCorrectsWhatWasInferredAndTheSearchFollows() {
        Members.Member unhcr = Members.contributor(http(), admin(), "UNHCR");
        String marker = marker();
        String id = upload(unhcr, "rent-note-" + marker + ".md", """
                # Rent and evictions in Halba %s

                *UNHCR Lebanon, Akkar field office - 12 May 2022*

                Rents in Halba rose again in April 2022; landlords now ask for payment in US dollars.
                """.formatted(marker));
        JsonNode doc = admin().get("/api/documents/" + id).json();
        assertThat(doc.get("title").asString()).isEqualTo("Rent and evictions in Halba " + marker);
        assertThat(doc.get("date").asString()).isEqualTo("2022-05-12");
        assertThat(doc.get("language").asString()).isEqualTo("en");
        // The contributor's organisation is declared for them; the rest is inferred, each with its evidence.
        assertThat(sources(doc)).containsEntry("title", "cover-heading").containsEntry("publisher", "declared")
                .containsEntry("date", "cover-date").containsEntry("type", "default").containsEntry("language", "common-words");

        String corrected = "Halba rent monitoring " + marker() + " spring 2022";
        Http.Response patched = unhcr.http().json("PATCH", "/api/documents/" + id + "/metadata",
                Members.json(Map.of("title", corrected, "date", "2022-05-14", "type", "assessment")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("title").asString()).isEqualTo(corrected);
        assertThat(patched.json().get("date").asString()).isEqualTo("2022-05-14");
        assertThat(patched.json().get("type").asString()).isEqualTo("assessment");
        assertThat(sources(patched.json())).containsEntry("title", "corrected").containsEntry("date", "corrected")
                .containsEntry("type", "corrected").containsEntry("publisher", "declared");

        // The index follows the graph: the document is found under its new type and date.
        JsonNode found = http().get("/api/search?q=" + Http.enc("landlords US dollars Halba") + "&type=assessment&from=2022-05-14&to=2022-05-14")
                .json();
        assertThat(found.get("results").valueStream().map(r -> r.get("graph").asString()))
                .contains("http://localhost:8080/graph/document/" + id);

        JsonNode audit = admin().get("/api/audit?graph=" + Http.enc("http://localhost:8080/graph/document/" + id) + "&limit=100").json();
        assertThat(audit.valueStream().filter(e -> e.get("action").asString().equals("document.correct-metadata"))
                .map(e -> e.get("actor").asString())).containsExactly(unhcr.username());
    }

    @Test
    void aCorrectionThatCannotBeRightIsRefusedNamingItsFieldAndChangesNothing() {
        Members.Member unhcr = Members.contributor(http(), admin(), "UNHCR");
        String id = upload(unhcr, "refused-" + marker() + ".md", "# Water points in Minieh\n\n*UNHCR - 3 March 2021*\n\nTwo water points broke down.\n");
        JsonNode before = admin().get("/api/documents/" + id).json();

        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        refused.put("organisation", Map.of("organisation", "Norma Organisation", "title", "A new title"));
        refused.put("date", Map.of("date", "2999-01-01"));
        refused.put("date ", Map.of("date", "2021-02-30"));
        refused.put("type", Map.of("type", "field-note"));
        refused.put("title", Map.of("title", "x".repeat(501)));
        refused.put("language", Map.of("language", "de", "title", "A new title"));
        refused.forEach((field, body) -> {
            Http.Response r = unhcr.http().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(body));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("field").asString()).isEqualTo(field.strip());
        });
        Http.Response empty = unhcr.http().json("PATCH", "/api/documents/" + id + "/metadata", "{}");
        assertThat(empty.status()).isEqualTo(400);

        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        assertThat(wfp.http().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(Map.of("title", "mine"))).status())
                .as("a member of another organisation").isEqualTo(403);
        assertThat(http().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(Map.of("title", "mine"))).status())
                .as("signed out").isEqualTo(401);
        assertThat(unhcr.http().json("PATCH", "/api/documents/no-such-document-00000000/metadata", Members.json(Map.of("title", "x")))
                .status()).isEqualTo(404);

        JsonNode after = admin().get("/api/documents/" + id).json();
        assertThat(after.get("title")).isEqualTo(before.get("title"));
        assertThat(after.get("date")).isEqualTo(before.get("date"));
        assertThat(after.get("organisations")).isEqualTo(before.get("organisations"));
        assertThat(after.get("metadata")).isEqualTo(before.get("metadata"));
    }

    @Test
    void anAdminMovesADocumentToAnotherPublisherOfTheDirectory() {
        Members.Member unhcr = Members.contributor(http(), admin(), "UNHCR");
        String id = upload(unhcr, "moved-" + marker() + ".md", "# Cash for rent in Tyre\n\nCash for rent reached 900 households.\n");
        Http.Response moved = admin().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(Map.of("organisation", "NRC")));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("organisations").valueStream().map(JsonNode::asString)).containsExactly("NRC");
        Members.Member nrc = Members.contributor(http(), admin(), "NRC");
        assertThat(nrc.http().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(Map.of("date", "2021-01-05"))).status())
                .as("NRC now owns it").isEqualTo(200);
        assertThat(unhcr.http().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(Map.of("date", "2021-01-06"))).status())
                .as("UNHCR no longer does").isEqualTo(403);
    }

    @Test
    void aCorrectedLanguageIsClaimedByItsCorrectorAndThePassagesAreAnalysedInIt() {
        Members.Member unhcr = Members.contributor(http(), admin(), "UNHCR");
        // Too few common words to tell: guessed English, whose analysis keeps "l'qmd…" one word.
        String word = marker().toLowerCase(java.util.Locale.ROOT);
        String id = upload(unhcr, "language-" + marker() + ".md", "# Bekaa\n\nFamilles déplacées : l'" + word + " manque.\n");
        assertThat(admin().get("/api/documents/" + id).json().get("language").asString()).isEqualTo("en");

        Http.Response patched = unhcr.http().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(Map.of("language", " FR ")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("language").asString()).isEqualTo("fr");
        assertThat(sources(patched.json())).containsEntry("language", "corrected");

        JsonNode found = http().get("/api/search?q=" + word).json();
        assertThat(found.get("total").asLong()).as("French elision: l'%s is %s", word, word).isEqualTo(1);
        assertThat(found.get("results").get(0).get("language").asString()).isEqualTo("fr");
        String claim = """
                PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?by WHERE { <http://localhost:8080/id/document/%s> kh:metadataClaim ?c .
                  ?c kh:claimedProperty dcterms:language ; kh:claimedValue "fr" ; kh:claimMethod "corrected" ; prov:wasAttributedTo ?by }
                """.formatted(id);
        assertThat(admin().get("/sparql?query=" + Http.enc(claim), "Accept", "application/sparql-results+json").json()
                .get("results").get("bindings").valueStream().map(b -> b.get("by").get("value").asString()))
                .as("the claim names who corrected it").containsExactly("http://localhost:8080/id/agent/" + unhcr.username());

        Http.Response kept = unhcr.http().json("PATCH", "/api/documents/" + id + "/metadata", Members.json(Map.of("language", "", "title", "Bekaa " + word)));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().get("language").asString()).as("empty keeps the language").isEqualTo("fr");
    }
}
