package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.Http;
import org.knowledgehub.HubProperties;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.store.GraphAccess;
import org.knowledgehub.store.GraphCatalog;
import org.knowledgehub.store.Uris;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail over real HTTP: writes and reads of restricted or confidential items are
 * recorded with who, when, what and which graph, reads of public items are not, only admins
 * query it, and the file only ever grows.
 */
class AuditTrailTest extends HubTest {

    private static final String BASE = "http://localhost:8080/";

    private List<JsonNode> audit(String query) {
        Http.Response r = admin().get("/api/audit?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    private record Uploaded(String id, String uri, String graph) {
    }

    private Uploaded upload(Http as, String marker, String sensitivity) {
        byte[] note = ("# Water points\n\nThe " + marker + " committee reported that two water points in Bar Elias stopped working.\n")
                .getBytes(StandardCharsets.UTF_8);
        Http.Response r = as.upload("/api/documents", Members.unique("audit") + ".md", note, Map.of("sensitivity", sensitivity));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode body = r.json();
        return new Uploaded(body.get("id").asString(), body.get("uri").asString(), body.get("graph").asString());
    }

    /** Reads the document on every channel that gives it out, as {@code as}. */
    private static void readEverywhere(Http as, Uploaded doc, String marker) {
        assertThat(as.get("/api/documents/" + doc.id()).status()).isEqualTo(200);
        assertThat(as.get("/api/documents/" + doc.id() + "/original").status()).isEqualTo(200);
        assertThat(as.get("/api/documents/" + doc.id() + "/text").status()).isEqualTo(200);
        assertThat(as.get("/id/document/" + doc.id(), "Accept", "text/turtle").status()).isEqualTo(200);
        assertThat(as.get("/id/document/" + doc.id(), "Accept", "text/html").status()).isEqualTo(200);
        assertThat(as.get("/api/search?q=" + marker).json().get("total").asLong()).isEqualTo(1);
        String title = "SELECT ?t WHERE { GRAPH <" + doc.graph() + "> { <" + doc.uri() + "> <http://purl.org/dc/terms/title> ?t } }";
        Http.Response sparql = as.get("/sparql?query=" + Http.enc(title), "Accept", "application/sparql-results+json");
        assertThat(sparql.json().get("results").get("bindings").size()).as(sparql.toString()).isEqualTo(1);
        // Full-text hits inside SPARQL come from the index, not the store: they are reads too.
        Http.Response textSearch = as.get("/sparql?query=" + Http.enc("PREFIX kh: <https://w3id.org/knowledge-hub/ns#> "
                + "SELECT ?p WHERE { (?p ?score) kh:search \"" + marker + "\" }"), "Accept", "application/sparql-results+json");
        assertThat(textSearch.json().get("results").get("bindings").size()).as(textSearch.toString()).isEqualTo(1);
    }

    @Test
    void writesAndReadsOfAConfidentialDocumentAreRecordedWithWhoWhenWhatAndWhichGraph() {
        Instant before = Instant.now();
        Members.Member author = Members.contributor(http(), admin(), "UNFPA");
        Members.Member reader = Members.contributor(http(), admin(), "UNFPA");
        String organisation = author.http().get("/api/me").json().get("organisation").asString();
        String marker = Members.unique("zqaudit").replace("-", "");
        Uploaded doc = upload(author.http(), marker, "confidential");
        try {
            readEverywhere(reader.http(), doc, marker);
            Instant after = Instant.now();

            List<JsonNode> writes = audit("actor=" + author.username() + "&action=document.upload");
            assertThat(writes).hasSize(1);
            JsonNode upload = writes.getFirst();
            assertThat(upload.get("organisation").asString()).isEqualTo(organisation);
            assertThat(upload.get("target").asString()).isEqualTo(doc.uri());
            assertThat(strings(upload.get("graphs"))).containsExactly(doc.graph());
            assertThat(upload.get("outcome").asString()).isEqualTo("created");
            assertThat(upload.get("channel").asString()).isEqualTo("api");
            assertThat(Instant.parse(upload.get("time").asString())).isBetween(before, after);

            List<JsonNode> reads = audit("actor=" + reader.username() + "&action=read");
            assertThat(reads).allSatisfy(e -> {
                assertThat(strings(e.get("graphs"))).containsExactly(doc.graph());
                assertThat(e.get("organisation").asString()).isEqualTo(organisation);
                assertThat(Instant.parse(e.get("time").asString())).isBetween(before, after);
            });
            assertThat(reads.stream().map(e -> e.get("channel").asString()).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                    "document", "original", "text", "linked-data", "linked-data-page", "search", "sparql");
            assertThat(reads.stream().filter(e -> e.get("channel").asString().equals("sparql")))
                    .as("both queries, each by its form and digest, never its text").hasSize(2)
                    .allSatisfy(e -> assertThat(e.get("target").asString()).matches("SELECT sha256:[0-9a-f]{32}"));
            assertThat(reads.stream().filter(e -> e.get("channel").asString().equals("search")).findFirst().orElseThrow()
                    .get("target").asString()).isEqualTo(AuditTrail.digest(marker));
            assertThat(audit("actor=" + reader.username() + "&action=sign-in").getFirst().get("outcome").asString())
                    .as("the member's sign-in with a password (to make a token)").isEqualTo("success");
        } finally {
            assertThat(admin().delete("/api/documents/" + doc.id()).status()).isEqualTo(204);
        }
        JsonNode deleted = audit("action=document.delete&graph=" + Http.enc(doc.graph())).getFirst();
        assertThat(deleted.get("actor").asString()).isEqualTo("admin-token");
        assertThat(deleted.get("outcome").asString()).isEqualTo("deleted");
    }

    @Test
    void readsOfAPublicDocumentAreNotRecordedButItsUploadIs() {
        Members.Member author = Members.contributor(http(), admin(), "WFP");
        Members.Member reader = Members.contributor(http(), admin(), "UNICEF");
        String marker = Members.unique("zqpublic").replace("-", "");
        Uploaded doc = upload(author.http(), marker, "public");
        try {
            readEverywhere(reader.http(), doc, marker);
            readEverywhere(http(), doc, marker);
            List<JsonNode> all = audit("graph=" + Http.enc(doc.graph()));
            assertThat(all).extracting(e -> e.get("action").asString()).containsExactly("document.upload");
            assertThat(audit("actor=" + reader.username() + "&action=read")).isEmpty();
        } finally {
            admin().delete("/api/documents/" + doc.id());
        }
    }

    @Test
    void aRestrictedDocumentsReadsAreRecordedForEveryMemberWhoReadsIt() {
        Members.Member author = Members.contributor(http(), admin(), "WFP");
        Members.Member reader = Members.create(http(), admin(), null, List.of("analyst"), List.of());
        String marker = Members.unique("zqrestricted").replace("-", "");
        Uploaded doc = upload(author.http(), marker, "restricted");
        try {
            assertThat(reader.http().get("/api/search?q=" + marker).json().get("total").asLong()).isEqualTo(1);
            assertThat(http().get("/api/search?q=" + marker).json().get("total").asLong()).as("anonymous sees nothing").isZero();
            List<JsonNode> reads = audit("action=read&graph=" + Http.enc(doc.graph()));
            assertThat(reads).extracting(e -> e.get("actor").asString()).containsExactly(reader.username());
            assertThat(reads.getFirst().get("organisation").isNull()).isTrue();
        } finally {
            admin().delete("/api/documents/" + doc.id());
        }
    }

    @Test
    void readsOfARestrictedIndicatorTableAreRecorded() {
        String code = "audit-" + Members.unique("rate").replaceAll("[^a-z0-9-]", "");
        String csv = "indicator,area,year,value,unit\n" + code + ",LB42,2020,12,%\n" + code + ",LB42,2021,19,%\n";
        Http.Response imported = admin().upload("/api/indicators/import", code + ".csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of("format", "long", "source", "Audit survey " + code, "sensitivity", "restricted"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        String graph = imported.json().get("tables").get(0).get("graph").asString();
        String indicator = imported.json().get("indicatorsCreated").get(0).get("code").asString();
        Members.Member reader = Members.contributor(http(), admin(), "WFP");
        assertThat(reader.http().get("/api/trends?indicator=" + indicator + "&area=LB42").status()).isEqualTo(200);
        assertThat(reader.http().get("/api/trends/compare?indicator=" + indicator + "&level=district").status()).isEqualTo(200);
        assertThat(reader.http().get("/api/indicators").status()).isEqualTo(200);
        assertThat(reader.http().get("/api/areas/LB42").status()).isEqualTo(200);
        JsonNode entries = admin().get("/api/audit?actor=" + reader.username() + "&graph=" + Http.enc(graph)).json();
        List<String> channels = new java.util.ArrayList<>();
        entries.forEach(e -> channels.add(e.get("channel").asString()));
        assertThat(channels).containsExactlyInAnyOrder("trends", "trends", "indicators", "area");
    }

    @Test
    void onlyAdminsReadTheAuditTrail() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        Members.Member analyst = Members.create(http(), admin(), "WFP", List.of("analyst"), List.of());
        assertProblem(http().get("/api/audit"), 401);
        assertProblem(member.http().get("/api/audit"), 403);
        assertProblem(analyst.http().get("/api/audit"), 403);
        assertProblem(member.basic().get("/api/audit"), 403);
        assertThat(http().withBasic(ADMIN_ACCOUNT, ADMIN_PASSWORD).get("/api/audit").status()).isEqualTo(200);
    }

    @Test
    void theFiltersSelectAndTheNewestComeFirst() {
        Instant start = Instant.now();
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        for (int i = 0; i < 3; i++) {
            assertThat(member.http().json("POST", "/api/me/tokens", Members.json(Map.of("name", "t" + i))).status()).isEqualTo(201);
        }
        List<JsonNode> mine = audit("actor=" + member.username());
        assertThat(mine).extracting(e -> e.get("actor").asString()).containsOnly(member.username());
        assertThat(mine).extracting(e -> e.get("action").asString())
                .as("newest first: three tokens, the test's own token, the sign-in that made it")
                .containsExactly("token.create", "token.create", "token.create", "token.create", "sign-in");
        List<Instant> times = mine.stream().map(e -> Instant.parse(e.get("time").asString())).toList();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());

        assertThat(audit("actor=" + member.username() + "&limit=2")).hasSize(2)
                .first().satisfies(e -> assertThat(e.get("time").asString()).isEqualTo(mine.getFirst().get("time").asString()));
        assertThat(audit("actor=" + member.username() + "&action=sign-in")).hasSize(1);
        assertThat(audit("actor=" + member.username() + "&from=" + Instant.now().plusSeconds(60))).isEmpty();
        assertThat(audit("actor=" + member.username() + "&to=" + start)).isEmpty();
        assertThat(audit("actor=" + member.username() + "&from=" + start + "&to=" + Instant.now().plusSeconds(1))).hasSize(5);
        assertThat(audit("action=account.create&limit=1000")).extracting(e -> e.get("target").asString()).contains(member.username());
        assertThat(audit("graph=" + Http.enc(BASE + "graph/document/no-such-document-00000000"))).isEmpty();

        assertProblemField(admin().get("/api/audit?from=yesterday"), "from");
        assertProblemField(admin().get("/api/audit?to=2025-13-01"), "to");
        assertProblemField(admin().get("/api/audit?limit=0"), "limit");
        assertProblemField(admin().get("/api/audit?limit=1001"), "limit");
    }

    @Test
    void theFileOnlyGrowsIsTheOwnersOnlyAndKeepsNoSecrets() throws IOException {
        assumeFalse(recordsInStore(), "over a remote store the trail is a log in the store, not files");
        Members.Member member = Members.contributor(http(), admin(), "UNFPA");
        Http.Response token = member.http().json("POST", "/api/me/tokens", Members.json(Map.of("name", "audit")));
        String secret = token.json().get("token").asString();
        Path file = newestFile();
        byte[] earlier = Files.readAllBytes(file);

        // A password typed into the name field, and a wrong password for a real name.
        String typedAsName = "Pw-" + Members.unique("typed-as-name");
        assertThat(http().withBasic(typedAsName, "whatever it is").get("/api/me").status()).isEqualTo(401);
        assertThat(http().withBasic(member.username(), "a wrong password!").get("/api/me").status()).isEqualTo(401);
        assertThat(member.http().get("/api/search?q=" + Http.enc("\"Al-Safsaf\"")).status()).isEqualTo(200);
        assertThat(member.http().get("/api/ask?q=" + Http.enc("Why can survivors of gender-based violence in Al-Safsaf settlement "
                + "not access the GBV referral pathway?")).status()).isEqualTo(200);

        byte[] later = Files.readAllBytes(newestFile());
        assertThat(later.length).isGreaterThan(earlier.length);
        assertThat(new String(later, 0, earlier.length, StandardCharsets.UTF_8))
                .as("what was written stays as it was").isEqualTo(new String(earlier, StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        String all = new String(later, StandardCharsets.UTF_8);
        assertThat(all).doesNotContain(member.password()).doesNotContain(secret).doesNotContain(typedAsName)
                .doesNotContain(HubTest.ADMIN_TOKEN).doesNotContain("Al-Safsaf").doesNotContain("gender-based violence");
        List<JsonNode> signIns = audit("action=sign-in&from=" + Instant.now().minusSeconds(60));
        assertThat(signIns).anySatisfy(e -> {
            assertThat(e.get("actor").asString()).isEqualTo(member.username());
            assertThat(e.get("outcome").asString()).isEqualTo("failure");
        });
        assertThat(signIns).anySatisfy(e -> {
            assertThat(e.get("actor").asString()).as("an unknown name is not kept").isEqualTo("anonymous");
            assertThat(e.get("outcome").asString()).isEqualTo("failure");
        });
        List<JsonNode> reads = audit("actor=" + member.username() + "&action=read");
        assertThat(reads).extracting(e -> e.get("channel").asString()).contains("search", "ask");
        assertThat(reads).allSatisfy(e -> assertThat(strings(e.get("graphs")))
                .contains(BASE + "graph/document/" + AccessControlTest.CONFIDENTIAL));
    }

    @Test
    void aWriteTheRoleDoesNotAllowIsRecordedAsDenied() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        assertThat(member.http().post("/update", "application/sparql-update", "CLEAR ALL".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(403);
        JsonNode denied = audit("actor=" + member.username() + "&action=denied").getFirst();
        assertThat(denied.get("target").asString()).isEqualTo("POST /update");
        assertThat(denied.get("outcome").asString()).isEqualTo("forbidden");
    }

    @Test
    void accountTokenQuestionAndUpdateWritesAreRecorded() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        String newPassword = "a new password " + Members.unique("pw");
        assertThat(member.http().json("PUT", "/api/me/password", Members.json(Map.of("current", member.password(),
                "password", newPassword))).status()).isEqualTo(204);
        String tokenId = member.http().get("/api/me/tokens").json().get(0).get("id").asString();
        assertThat(admin().json("PATCH", "/api/accounts/" + member.username(), "{\"displayName\": \"Renamed\", \"enabled\": true}")
                .status()).isEqualTo(200);
        Http.Response asked = member.http().json("POST", "/api/questions", "{\"text\": \"Why did water trucking costs rise in Zahle?\", "
                + "\"sectors\": [\"wash\"], \"areas\": [\"LB23\"]}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String question = asked.json().get("uri").asString();
        assertThat(admin().json("POST", "/api/questions/" + asked.json().get("id").asString() + "/status", "{\"status\": \"closed\"}")
                .status()).isEqualTo(200);
        String graph = BASE + "graph/test/" + Members.unique("audit");
        assertThat(admin().post("/update", "application/sparql-update", ("INSERT DATA { GRAPH <" + graph + "> { <urn:a> <urn:b> <urn:c> } }")
                .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(admin().post("/update", "application/sparql-update", ("DROP GRAPH <" + graph + ">").getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        assertThat(member.http().delete("/api/me/tokens/" + tokenId).status()).isEqualTo(204);

        assertThat(audit("actor=" + member.username())).extracting(e -> e.get("action").asString() + " " + e.get("outcome").asString())
                .containsSubsequence("token.revoke revoked", "question.create created", "password.change ok");
        assertThat(audit("action=account.update&limit=1").getFirst().get("outcome").asString()).isEqualTo("changed displayName,enabled");
        assertThat(audit("graph=" + Http.enc(BASE + "graph/question/" + asked.json().get("id").asString())))
                .extracting(e -> e.get("action").asString()).containsExactly("question.status", "question.create");
        assertThat(audit("action=question.create&limit=1").getFirst().get("target").asString()).isEqualTo(question);
        assertThat(audit("action=sparql.update&graph=" + Http.enc(graph))).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("target").asString()).matches("UPDATE sha256:[0-9a-f]{32}"));
    }

    /** Without the server: entries outlive the component that wrote them, go into a file per month, and are filtered by level. */
    @Test
    void entriesSurviveARestartAndRotateByMonth(@TempDir Path data) {
        GraphCatalog catalog = new GraphCatalog();
        Uris uris = new Uris(new HubProperties(data, URI.create(BASE)));
        String publicGraph = BASE + "graph/document/public-note-00000001";
        String confidentialGraph = BASE + "graph/document/secret-note-00000002";
        catalog.put(new GraphAccess(NodeFactory.createURI(publicGraph), "public-note-00000001", Sensitivity.PUBLIC, null, Set.of(),
                Set.of(), null));
        catalog.put(new GraphAccess(NodeFactory.createURI(confidentialGraph), "secret-note-00000002", Sensitivity.CONFIDENTIAL,
                BASE + "id/organisation/unfpa", Set.of(), Set.of(), null));
        String governed = BASE + "graph/question/q1/source/secret-note-00000002";
        catalog.put(GraphAccess.governed(NodeFactory.createURI(governed), NodeFactory.createURI(confidentialGraph)));
        Caller rana = new Caller("rana", Set.of(Role.CONTRIBUTOR), BASE + "id/organisation/unfpa", Set.of());
        TestClock clock = new TestClock(Instant.parse("2025-01-31T23:59:00Z"));
        JsonMapper json = JsonMapper.builder().build();
        Path folder = data.resolve("audit");

        AuditTrail first = new AuditTrail(folder, null, catalog, uris, json, clock);
        first.recordWrite(rana, "document.upload", BASE + "id/document/secret-note-00000002", List.of(confidentialGraph), "created");
        first.recordRead(rana, "search", AuditTrail.digest("evictions"), List.of(publicGraph));
        clock.advance(Duration.ofMinutes(2));
        first.recordRead(rana, "ask", AuditTrail.digest("why"), List.of(BASE + "id/document/secret-note-00000002/passage/3",
                BASE + "id/document/public-note-00000001/passage/1"));
        first.destroy();

        clock.advance(Duration.ofMinutes(2));
        AuditTrail second = new AuditTrail(folder, null, catalog, uris, json, clock);
        second.recordRead(rana, "question", BASE + "id/question/q1", List.of(NodeFactory.createURI(governed)));
        second.recordRead(rana, "linked-data", BASE + "id/document/secret-note-00000002/person/rana-haddad",
                List.of(confidentialGraph));

        assertThat(second.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("audit-2025-01.jsonl", "audit-2025-02.jsonl");
        List<AuditTrail.Entry> all = second.find(new AuditTrail.Filter(null, null, null, null, null, 100));
        assertThat(all).extracting(AuditTrail.Entry::channel).as("newest first; the public search left none")
                .containsExactly("linked-data", "question", "ask", "internal");
        assertThat(all.get(2).graphs()).as("a passage counts as its document's graph; public ones are left out")
                .containsExactly(confidentialGraph);
        assertThat(all.get(1).graphs()).as("a question's statements about a document are as protected as it").containsExactly(governed);
        assertThat(all.getFirst().target()).as("no person's name").isEqualTo(BASE + "id/document/secret-note-00000002/person");
        assertThat(all.get(3).channel()).isEqualTo("internal");
        assertThat(all.get(3).action()).isEqualTo("document.upload");
        assertThat(second.find(new AuditTrail.Filter(null, null, null, Instant.parse("2025-02-01T00:00:00Z"), null, 100)))
                .hasSize(3);
        assertThat(second.find(new AuditTrail.Filter(null, "read", null, null, Instant.parse("2025-02-01T00:00:00Z"), 100)))
                .isEmpty();
        assertThat(second.find(new AuditTrail.Filter("rana", null, confidentialGraph, null, null, 2)))
                .extracting(AuditTrail.Entry::channel).containsExactly("linked-data", "ask");
        second.destroy();
    }

    private Path newestFile() throws IOException {
        try (var files = Files.list(dataDir().resolve("audit"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblemField(Http.Response r, String field) {
        assertProblem(r, 400);
        assertThat(r.json().get("field").asString()).isEqualTo(field);
    }
}
