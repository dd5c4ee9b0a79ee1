package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.TestDocuments;
import org.knowledgehub.TestDocuments.Part;
import org.knowledgehub.store.Originals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import tools.jackson.databind.JsonNode;

/** {@code /api/documents} against the real server: versions, formats, originals, bad input, deletion, CLI. */
class DocumentApiTest extends HubTest {

    @Autowired
    IngestCommand command;

    /** The originals wherever they are kept (the data folder, or a remote store in the cluster profile). */
    @Autowired
    Originals originals;

    private static String unique() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static byte[] note(String word) {
        return ("# Field note\n\nHouseholds in Bar Elias said the " + word + " committee now collects rent in dollars.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private long hits(String word) {
        return http().get("/api/search?q=" + word).json().get("total").asLong();
    }

    @Test
    void sameBytesAreNotIngestedTwiceAndANewVersionReplacesTheOld() {
        String source = "versioned-" + unique() + ".md";
        String first = unique();
        Http.Response created = admin().upload("/api/documents", source, note(first), Map.of("type", "field-note",
                "organisation", "NRC", "date", "2021-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode doc = created.json();
        String id = doc.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/documents/" + id);
        assertThat(doc.get("status").asString()).isEqualTo("created");
        assertThat(doc.get("uri").asString()).endsWith("/id/document/" + id);
        assertThat(doc.get("sections").asInt()).isEqualTo(1);
        assertThat(doc.get("passages").asInt()).isEqualTo(1);
        assertThat(hits(first)).isEqualTo(1);

        Http.Response again = admin().upload("/api/documents", "other-name.md", note(first), Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("unchanged");
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(hits(first)).as("nothing duplicated").isEqualTo(1);

        String second = unique();
        Http.Response replaced = admin().upload("/api/documents", source, note(second), Map.of("type", "field-note"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("status").asString()).isEqualTo("replaced");
        assertThat(replaced.json().get("id").asString()).isEqualTo(id);
        assertThat(hits(first)).as("the old version is gone from the index").isZero();
        assertThat(hits(second)).isEqualTo(1);
        assertThat(http().get("/api/documents/" + id + "/original").bytes()).isEqualTo(note(second));
        String turtle = http().get("/id/document/" + id, "Accept", "application/n-triples").text();
        assertThat(turtle).contains(second).doesNotContain(first);
    }

    @Test
    void theOriginalIsServedAsItArrivedAndOffsetsPointIntoTheExtractedText() {
        byte[] pdf = TestDocuments.pdf("Market monitor " + unique(), List.of(
                new Part("Prices", List.of("The cost of the food SMEB rose by 140 percent between October 2019 and May 2020 "
                        + "according to the monthly market monitoring of partners in the Bekaa."))));
        Http.Response created = admin().upload("/api/documents", "monitor-" + unique() + ".pdf", pdf, Map.of("type", "assessment"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        Http.Response original = http().get("/api/documents/" + id + "/original");
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.bytes()).isEqualTo(pdf);
        assertThat(original.contentType()).startsWith("application/pdf");
        assertThat(original.header("Content-Disposition")).startsWith("attachment");

        String text = http().get("/api/documents/" + id + "/text").text();
        JsonNode result = http().get("/api/search?q=" + Http.enc("\"monthly market monitoring\"")).json().get("results").get(0);
        assertThat(result.get("document").get("id").asString()).isEqualTo(id);
        assertThat(text.substring(result.get("start").asInt(), result.get("end").asInt())).isEqualTo(result.get("text").asString());

        JsonNode summary = http().get("/api/documents/" + id).json();
        assertThat(summary.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(summary.get("type").asString()).isEqualTo("assessment");
    }

    @Test
    void everySupportedFormatIsIngested() {
        List<Part> parts = List.of(new Part("Findings", List.of("Water trucking costs doubled in Arsal after the fuel subsidy ended.")));
        Map<String, byte[]> files = Map.of(
                "a.pdf", TestDocuments.pdf("PDF report", parts),
                "b.docx", TestDocuments.docx("DOCX report", parts),
                "c.html", "<html><body><h1>HTML note</h1><p>Water trucking in Arsal.</p></body></html>".getBytes(StandardCharsets.UTF_8),
                "d.txt", "TEXT NOTE\n\nWater trucking in Arsal.\n".getBytes(StandardCharsets.ISO_8859_1),
                "e.md", "# Markdown note\n\n<b>Location</b>\tArsal\n\nWater trucking.\n".getBytes(StandardCharsets.UTF_8));
        files.forEach((name, bytes) -> {
            byte[] unique = name.endsWith(".pdf") || name.endsWith(".docx") ? bytes
                    : (new String(bytes, StandardCharsets.ISO_8859_1) + "\n" + unique() + "\n").getBytes(StandardCharsets.ISO_8859_1);
            Http.Response r = admin().upload("/api/documents", unique() + "-" + name, unique, Map.of());
            assertThat(r.status()).as(name + ": " + r).isIn(200, 201);
            assertThat(r.json().get("passages").asInt()).as(name).isPositive();
        });
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndLeavesNothingBehind() throws Exception {
        long documentsBefore = documentCount();
        long originalsBefore = originalFiles();
        String md = "# Note\n\nText.\n";

        assertProblem(admin().upload("/api/documents", "x.md", null, Map.of("type", "other")), 400, "file");
        assertProblem(admin().upload("/api/documents", "empty.md", new byte[0], Map.of()), 400, "file");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        assertProblem(admin().upload("/api/documents", "photo.png", png, Map.of()), 415, "file");
        assertProblem(admin().upload("/api/documents", "broken.pdf", "%PDF-1.7\n1 0 obj garbage".getBytes(StandardCharsets.US_ASCII),
                Map.of()), 422, "file");
        byte[] noise = new byte[20_000];
        new java.util.Random(3).nextBytes(noise);
        assertProblem(admin().upload("/api/documents", "notes.txt", noise, Map.of()), 422, "file");
        byte[] huge = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertProblem(admin().upload("/api/documents", "huge.txt", huge, Map.of()), 413, "file");
        // Over the text limit but under the upload limit: see BackgroundIngestTest (large files are ingested in the background).
        assertProblem(admin().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of("type", "memo")), 400, "type");
        assertProblem(admin().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of("title", "A\u0001\u0002 title")),
                400, "title");
        assertProblem(admin().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of("sensitivity", "secret")), 400, "sensitivity");
        assertProblem(admin().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of("date", "4 April 2019")), 400, "date");
        assertProblem(admin().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of("language", "de")), 400, "language");
        assertProblem(admin().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of("source", "../../..")), 400, "source");
        assertProblem(admin().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of("source", "a\u0001b.md")), 400, "source");
        assertProblem(http().upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of()), 401, null);
        assertProblem(http().withBearer("wrong-token").upload("/api/documents", "x.md", md.getBytes(StandardCharsets.UTF_8), Map.of()), 401, null);
        assertProblem(admin().post("/api/documents", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 415, null);

        assertThat(documentCount()).isEqualTo(documentsBefore);
        assertThat(originalFiles()).isEqualTo(originalsBefore);
        assertThat(http().get("/api/search?q=water").status()).as("the service keeps serving").isEqualTo(200);
    }

    @Test
    void aDeclaredLanguageIsRecordedShownAndUsedToAnalyseTheText() {
        // Too few common words to tell: the guess is English, whose analysis keeps "l'zq…" one word.
        String guessed = unique();
        String declared = unique();
        Http.Response plain = admin().upload("/api/documents", guessed + ".md", frenchNote(guessed), Map.of());
        Http.Response french = admin().upload("/api/documents", declared + ".md", frenchNote(declared), Map.of("language", " FR "));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(french.status()).as(french.toString()).isEqualTo(201);
        String id = french.json().get("id").asString();

        JsonNode summary = http().get("/api/documents/" + id).json();
        assertThat(summary.get("language").asString()).isEqualTo("fr");
        JsonNode claim = java.util.stream.StreamSupport.stream(summary.get("metadata").spliterator(), false)
                .filter(m -> m.get("field").asString().equals("language")).findFirst().orElseThrow();
        assertThat(claim.get("method").asString()).isEqualTo("declared");
        assertThat(http().get("/api/documents/" + plain.json().get("id").asString()).json().get("language").asString()).isEqualTo("en");

        JsonNode found = http().get("/api/search?q=" + declared).json();
        assertThat(found.get("total").asLong()).as("French elision: l'%s is %s", declared, declared).isEqualTo(1);
        assertThat(found.get("results").get(0).get("language").asString()).as("indexed with the French analysis").isEqualTo("fr");

        String page = http().get("/id/document/" + id, "Accept", "text/html").text();
        assertThat(page).contains("id=\"doc-language\" lang=\"fr\">French</dd>")
                .contains("<p class=\"passage-text\" dir=\"auto\" lang=\"fr\">");
    }

    private static byte[] frenchNote(String word) {
        return ("# Bekaa\n\nFamilles déplacées : l'" + word + " manque.\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void organisationsNamedInArabicStayApartAndANameMustBeOne() {
        // Both names have no Latin letters: their IRIs once both ended in /organisation/x.
        Set<String> iris = new HashSet<>();
        for (String organisation : List.of("جمعية النجدة الاجتماعية", "مؤسسة عامل الدولية")) {
            String word = unique();
            Http.Response r = admin().upload("/api/documents", word + ".md", note(word), Map.of("organisation", organisation));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String turtle = http().get("/id/document/" + r.json().get("id").asString(), "Accept", "text/turtle").text();
            Matcher m = Pattern.compile("(?:/id/organisation/|organisation:)(x-[0-9a-f]{12})").matcher(turtle);
            assertThat(m.find()).as(turtle).isTrue();
            iris.add(m.group(1));
        }
        assertThat(iris).hasSize(2);
        for (String notAName : List.of("!!!", "\uD83D\uDCA7", "a".repeat(201))) {
            assertProblem(admin().upload("/api/documents", "x.md", note(unique()), Map.of("organisation", notAName)), 400, "organisation");
        }
    }

    @Test
    void aPathLikeNameIsOnlyAName() {
        String word = unique();
        Http.Response r = admin().upload("/api/documents", "../../../../etc/" + word + ".md", note(word), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(http().get("/api/documents/" + id).json().get("sourceName").asString()).isEqualTo(word + ".md");
        assertThat(Files.exists(Path.of("/etc/" + word + ".md"))).isFalse();
    }

    @Test
    void unknownIdsAre404Problems() {
        assertProblem(http().get("/api/documents/no-such-document-00000000"), 404, null);
        assertProblem(http().get("/api/documents/no-such-document-00000000/original"), 404, null);
        // An encoded traversal is refused by the firewall before it reaches any handler.
        assertProblem(http().get("/api/documents/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"), 400, null);
        assertProblem(http().get("/api/documents/" + Http.enc("' OR 1=1 --").replace("+", "%20")), 404, null);
        assertProblem(admin().delete("/api/documents/no-such-document-00000000"), 404, null);
    }

    @Test
    void deletingRemovesGraphIndexEntriesAndOriginal() throws Exception {
        String word = unique();
        String id = admin().upload("/api/documents", word + ".md", note(word), Map.of()).json().get("id").asString();
        String hash = http().get("/api/documents/" + id).json().get("contentHash").asString();
        assertThat(http().delete("/api/documents/" + id).status()).as("anonymous may not delete").isEqualTo(401);
        assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204);
        assertThat(http().get("/api/documents/" + id).status()).isEqualTo(404);
        assertThat(hits(word)).isZero();
        assertThat(http().get("/id/document/" + id, "Accept", "text/turtle").status()).isEqualTo(404);
        assertThat(originals.exists(hash)).isFalse();
    }

    @Test
    void theCommandLineIngestsAFolderAndReportsFailures() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "cli-");
        String word = unique();
        Files.writeString(folder.resolve("one.md"), "# One\n\nThe " + word + " field visit in Akkar.\n");
        Files.createDirectories(folder.resolve("minutes"));
        Files.writeString(folder.resolve("minutes/two.txt"), "TWO\n\nAnother " + word + " visit in Tyre.\n");
        Files.write(folder.resolve("three.bin"), new byte[]{0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            command.run(new DefaultApplicationArguments("ingest", folder.toString()));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Ingesting 3 files").containsPattern("\\[1/3\\]  33%  \\d+\\.\\d docs/s, ETA \\d+:\\d\\d  ")
                .containsPattern("\\[3/3\\] 100%  \\d+\\.\\d docs/s, ETA 0:00  ")
                .contains("Done: 2 documents (2 new, 0 replaced, 0 unchanged)")
                .contains("1 failures:").contains("three.bin: files of type application/octet-stream are not supported");
        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(hits(word)).isEqualTo(2);
        JsonNode minutes = http().get("/api/search?q=" + word + "&type=minutes").json();
        assertThat(minutes.get("total").asInt()).as("typed by its folder").isEqualTo(1);
    }

    private long documentCount() {
        return admin().get("/api/documents?limit=500").json().size();
    }

    private long originalFiles() {
        return originals.hashes().size();
    }

    static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("type").asString()).startsWith("https://w3id.org/knowledge-hub/problems/");
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("detail")).isTrue();
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.");
        if (field != null) {
            assertThat(body.get("field").asString()).as(r.toString()).isEqualTo(field);
        }
    }
}
