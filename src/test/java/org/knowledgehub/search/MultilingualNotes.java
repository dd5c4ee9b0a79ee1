package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knowledgehub.Http;

/**
 * The 39 field notes of the multilingual benchmarks ({@code src/test/resources/multilingual}): 13
 * topics and places, each written in Arabic, French and English. Uploaded once per test JVM through
 * the upload API, as consented field notes; the search and the answer benchmarks share them.
 */
public final class MultilingualNotes {

    public static final String DIR = "/multilingual/";
    public static final List<String> TOPICS = List.of("zahle-water", "akkar-rent", "tripoli-school", "baalbek-fuel", "saida-health",
            "tyre-permits", "barelias-shelter", "minieh-gbv", "nabatieh-debt", "bourj-waste",
            // Written with the held-out questions (questions-held-out.tsv), after the tuning.
            "halba-childlabour", "jbeil-curfew", "marjayoun-cash");
    /** Document id of each note, by file name. */
    private static final Map<String, String> IDS = new HashMap<>();

    private MultilingualNotes() {
    }

    /** The notes' document ids by file name ("zahle-water-ar.txt"), uploading them on the first call. */
    public static synchronized Map<String, String> ingest(Http admin) {
        if (IDS.isEmpty()) {
            for (String language : List.of("ar", "fr", "en")) {
                for (String topic : TOPICS) {
                    String note = topic + "-" + language + ".txt";
                    IDS.put(note, upload(admin, note, resource(note), "field-note"));
                }
            }
        }
        return Map.copyOf(IDS);
    }

    /** Uploads a text as a public document of a type; field notes come with their consent record. */
    public static String upload(Http admin, String file, String text, String type) {
        Map<String, String> fields = new HashMap<>(Map.of("type", type, "sensitivity", "public", "source", "multilingual/" + file));
        if (type.equals("field-note")) {
            fields.putAll(Map.of("collectedFromPeople", "true", "informedConsent", "yes",
                    "consentPurpose", "Field monitoring of the Lebanon response", "personalData", "false"));
        }
        Http.Response r = admin.upload("/api/documents", file, text.getBytes(StandardCharsets.UTF_8), fields);
        assertThat(r.status()).as(file + ": " + r).isIn(200, 201);
        return r.json().get("id").asString();
    }

    public static String resource(String name) {
        try (InputStream in = MultilingualNotes.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
