package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * The multilingual benchmark: 39 short field notes (13 Arabic, 13 French, 13 English, on the same
 * 13 topics and places; three of them written for the held-out answer questions) ingested through the upload API, and 50 queries in the three languages,
 * each expecting a note in a given language. Success@5: the expected note is among the first five
 * documents of the results (passages grouped by document, in rank order), over the whole index
 * (the demo corpus included), searched by a member. Prints the table per (query language, note
 * language) and asserts the targets: cross-language Success@5 >= 0.8, Arabic to Arabic >= 0.9.
 */
class MultilingualSearchTest extends HubTest {

    private static final Map<String, String> NOTE_IDS = new HashMap<>();

    private record BenchmarkQuery(String text, String language, List<String> expected) {

        String noteLanguage() {
            String note = expected.getFirst();
            return note.substring(note.lastIndexOf('-') + 1, note.lastIndexOf('.'));
        }
    }

    @Test
    void queriesFindTheirNotesWithinAndAcrossLanguages() {
        ingestNotes();
        Http member = Members.create(http(), admin(), "Oxfam", List.of("analyst"), List.of()).http();
        Map<String, int[]> byPair = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (BenchmarkQuery q : queries()) {
            List<String> top = topDocuments(member, q.text(), 5);
            boolean found = q.expected().stream().map(NOTE_IDS::get).anyMatch(top::contains);
            int[] counts = byPair.computeIfAbsent(q.language() + " -> " + q.noteLanguage(), k -> new int[2]);
            counts[0] += found ? 1 : 0;
            counts[1]++;
            if (!found) {
                misses.add(q.text() + " (expected " + q.expected() + ")");
            }
        }
        int crossFound = 0;
        int crossAll = 0;
        StringBuilder table = new StringBuilder("\nMultilingual benchmark, Success@5 (documents)\n| query -> note | queries | Success@5 |\n|---|---|---|\n");
        for (var e : byPair.entrySet()) {
            table.append(String.format("| %s | %d | %.2f |%n", e.getKey(), e.getValue()[1], (double) e.getValue()[0] / e.getValue()[1]));
            String[] pair = e.getKey().split(" -> ");
            if (!pair[0].equals(pair[1])) {
                crossFound += e.getValue()[0];
                crossAll += e.getValue()[1];
            }
        }
        double cross = (double) crossFound / crossAll;
        table.append(String.format("| all cross-language | %d | %.2f |%n", crossAll, cross));
        System.out.println(table + "Missed: " + misses);
        int[] arabic = byPair.get("ar -> ar");
        assertThat((double) arabic[0] / arabic[1]).as("Arabic to Arabic Success@5; missed " + misses).isGreaterThanOrEqualTo(0.9);
        assertThat(cross).as("cross-language Success@5; missed " + misses).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void arabicWordsAreFoundWithoutTheirArticlesPrefixesAndVariantLetters() {
        ingestNotes();
        String note = NOTE_IDS.get("akkar-rent-ar.txt");
        // The note writes الإيجار, بالدولار and الإخلاء: bare, prefixed and alef-folded forms find them.
        for (String query : List.of("ايجار", "دولار", "اخلاء", "وللإيجار")) {
            assertThat(topDocuments(http(), query, 10)).as(query).contains(note);
        }
        // Highlighting marks the word as written.
        JsonNode first = search(http(), "ايجار").get("results").get(0);
        assertThat(first.get("fragment").asString()).contains("<mark>");
        assertThat(first.get("language").asString()).isEqualTo("ar");
    }

    @Test
    void frenchWordsAreFoundWithoutElisionOrAccents() {
        ingestNotes();
        String note = NOTE_IDS.get("zahle-water-fr.txt");
        // The note writes "l'eau", "réservoirs", "municipalité": without elision, plural or accent they find it.
        for (String query : List.of("eau", "reservoir", "municipalite", "d'eau")) {
            assertThat(topDocuments(http(), query, 20)).as(query).contains(note);
        }
        assertThat(topDocuments(http(), "coupures de courant", 10)).contains(NOTE_IDS.get("baalbek-fuel-fr.txt"));
    }

    @Test
    void badInputIsStoredAndFoundByItsWords() {
        Map<String, String> cases = new TreeMap<>(Map.of(
                "mixed-script.txt", "Meeting with UNHCR في بلدية عرسال about Wasserversorgung and الصهاريج deliveries, quokkaword.",
                "bidi-marks.txt", "\u200Fتقرير\u200F عن \u202Bمخيم\u202C الزعفران\u200E in \u2067Hermel\u2069 zebrafinch.",
                "arabic-digits.txt", "بلغ عدد العائلات ٢٠٢٣ عائلة في سنة ٢٠٢٣ حسب المسح الخرافي.",
                "persian-letters.txt", "گزارش کمک‌های پزشکی در یک کمپ نزدیک پل، کارگر یادداشت.",
                "other-language.txt", "Die Wasserversorgung im Lager Saadnayel wurde eingestellt; die Familien kaufen Trinkwasser zanderfisch."));
        Map<String, String> expectations = Map.of(
                "mixed-script.txt", "الصهاريج",
                "bidi-marks.txt", "مخيم الزعفران",
                "arabic-digits.txt", "2023",
                "persian-letters.txt", "پزشکی",
                "other-language.txt", "zanderfisch");
        cases.forEach((file, text) -> {
            String id = upload(file, text, "other");
            String query = expectations.get(file);
            assertThat(topDocuments(http(), query, 20)).as(file + " searched for " + query).contains(id);
        });
        // Persian yeh and keheh are folded to the Arabic letters: either spelling finds the word.
        assertThat(topDocuments(http(), "كمك", 20)).contains(NOTE_ID_OF.get("persian-letters.txt"));
        // An Arabic-Indic number is found by its ASCII digits and the other way round.
        assertThat(topDocuments(http(), "٢٠٢٣", 50)).contains(NOTE_ID_OF.get("arabic-digits.txt"));
    }

    private static final Map<String, String> NOTE_ID_OF = new HashMap<>();

    private JsonNode search(Http as, String q) {
        Http.Response r = as.get("/api/search?k=30&facets=false&q=" + Http.enc(q));
        assertThat(r.status()).as(q + ": " + r).isEqualTo(200);
        return r.json();
    }

    /** The first {@code n} distinct documents of a search's results, in rank order. */
    private List<String> topDocuments(Http as, String q, int n) {
        Set<String> docs = new LinkedHashSet<>();
        for (JsonNode result : search(as, q).get("results")) {
            docs.add(result.get("document").get("id").asString());
            if (docs.size() == n) {
                break;
            }
        }
        return List.copyOf(docs);
    }

    private void ingestNotes() {
        NOTE_IDS.putAll(MultilingualNotes.ingest(admin()));
        for (BenchmarkQuery q : queries()) {
            assertThat(NOTE_IDS).containsKeys(q.expected().toArray(String[]::new));
        }
        assertThat(NOTE_IDS).hasSize(MultilingualNotes.TOPICS.size() * 3);
    }

    private String upload(String file, String text, String type) {
        String id = MultilingualNotes.upload(admin(), file, text, type);
        NOTE_ID_OF.put(file, id);
        return id;
    }

    private static String resource(String name) {
        return MultilingualNotes.resource(name);
    }

    private static List<BenchmarkQuery> queries() {
        List<BenchmarkQuery> out = new ArrayList<>();
        for (String line : resource("queries.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            out.add(new BenchmarkQuery(cols[0].strip(), cols[1].strip(), List.of(cols[2].strip().split("\\s*,\\s*"))));
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(30);
        return out;
    }
}
