package org.knowledgehub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.knowledgehub.DeployedHubs.http;
import static org.knowledgehub.DeployedHubs.upload;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.DeployedHubs;
import org.knowledgehub.FusekiServer;
import org.knowledgehub.Http;
import org.knowledgehub.backup.BackupRestore;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * The store held by a SPARQL 1.1 dataset service ({@code kh.store.url}) instead of the embedded TDB2
 * folder: a real Fuseki in a process of its own, a hub in this JVM with NLP and embeddings off. A
 * document's graph is written to the service in one update and removed from it whole; search,
 * SPARQL and the document API read it back with the access rules applied (a document's graph
 * fetched once per read, not pattern by pattern); a restart rebuilds its
 * catalog from the service alone; an unreachable service stops the start with its address.
 */
class RemoteStoreTest {

    @TempDir
    Path work;

    @Test
    void documentsGoToTheServiceWholeAndAreReadBackOnEveryChannelWithTheAccessRules() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        try (FusekiServer fuseki = new FusekiServer(Files.createDirectories(work.resolve("fuseki")))) {
            String open;
            String restricted;
            try (ConfigurableApplicationContext hub = start(fuseki.dataset(), data)) {
                Uris uris = hub.getBean(Uris.class);
                Http anonymous = http(hub);
                Http admin = anonymous.withBearer(DeployedHubs.ADMIN_TOKEN);
                open = upload(admin, "public", "Water trucking in Zahle cost households twice as much after the network failed.");
                restricted = upload(admin, "restricted", "Evictions in Bar Elias followed rent demands in US dollars.");
                String openGraph = uris.documentGraph(open).getURI();
                String restrictedGraph = uris.documentGraph(restricted).getURI();

                assertThat(fuseki.count("SELECT (COUNT(*) AS ?n) { GRAPH <" + openGraph + "> { ?s ?p ?o } }"))
                        .as("quads of the public note in Fuseki").isGreaterThan(20);
                assertThat(fuseki.count("SELECT (COUNT(*) AS ?n) { GRAPH <" + restrictedGraph + "> { ?s ?p ?o } }"))
                        .as("quads of the restricted note in Fuseki").isGreaterThan(20);

                JsonNode hits = anonymous.get("/api/search?q=" + Http.enc("water trucking Zahle")).json().path("results");
                assertThat(hits.valueStream().map(h -> h.path("document").path("id").asString())).contains(open);
                assertThat(anonymous.get("/api/documents/" + open).status()).isEqualTo(200);
                long before = fuseki.queriesLogged();
                assertThat(anonymous.get("/api/documents/" + open).status()).isEqualTo(200);
                // A read fetches the document's graph whole once, not pattern by pattern (20 queries then).
                assertThat(fuseki.queriesLogged() - before).as("queries to Fuseki for one document's JSON").isLessThanOrEqualTo(3);
                assertThat(anonymous.get("/api/documents/" + restricted).status()).isEqualTo(404);
                assertThat(admin.get("/api/documents/" + restricted).status()).isEqualTo(200);

                String titled = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/title> ?title } "
                        + "FILTER(?g IN (<" + openGraph + ">, <" + restrictedGraph + ">)) }";
                assertThat(sparqlCount(anonymous, titled)).as("graphs with a title an anonymous caller reads through the hub").isEqualTo(1);
                assertThat(sparqlCount(admin, titled)).as("graphs with a title the admin reads through the hub").isEqualTo(2);

                assertThat(admin.delete("/api/documents/" + restricted).status()).isIn(200, 204);
                assertThat(fuseki.count("ASK { GRAPH <" + restrictedGraph + "> { ?s ?p ?o } }")).as("deleted note in Fuseki").isZero();
            }
            try (ConfigurableApplicationContext restarted = start(fuseki.dataset(), data)) {
                Http admin = http(restarted).withBearer(DeployedHubs.ADMIN_TOKEN);
                assertThat(http(restarted).get("/api/documents/" + open).status()).as("the public note after a restart").isEqualTo(200);
                assertThat(admin.get("/api/documents/" + restricted).status()).as("the deleted note after a restart").isEqualTo(404);
            }
        }
    }

    @Test
    void aServiceThatGoesAwayGives503sWithNothingAcknowledgedLostAndIsUsedAgainOnceBack() throws Exception {
        Path fusekiDir = Files.createDirectories(work.resolve("fuseki-tdb2"));
        int port = FusekiServer.freePort();
        FusekiServer fuseki = new FusekiServer(fusekiDir, port, true);
        try (ConfigurableApplicationContext hub = start(fuseki.dataset(), Files.createDirectories(work.resolve("data-away")))) {
            Http admin = http(hub).withBearer(DeployedHubs.ADMIN_TOKEN);
            String kept = upload(admin, "public", "Latrine desludging in Arsal stopped when the municipality ran out of fuel.");
            fuseki.close();

            Http.Response away = http(hub).get("/api/documents/" + kept);
            assertThat(away.status()).as(away.toString()).isEqualTo(503);
            assertThat(away.contentType()).startsWith("application/problem+json");
            assertThat(away.json().path("detail").asString()).contains(fuseki.dataset());
            assertThat(away.header("Retry-After")).isNotBlank();
            Http.Response refused = admin.upload("/api/documents", "while-away.md", "# While away\n\nWater trucking in Akkar.\n"
                    .getBytes(StandardCharsets.UTF_8), Map.of("type", "field-note", "sensitivity", "public"));
            assertThat(refused.status()).as("an upload while the store is away: " + refused).isEqualTo(503);

            try (FusekiServer back = new FusekiServer(fusekiDir, port, true)) {
                assertThat(http(hub).get("/api/documents/" + kept).status()).as("once the store is back").isEqualTo(200);
                assertThat(back.count("ASK { GRAPH ?g { ?d <http://purl.org/dc/terms/title> \"While away\" } }"))
                        .as("the refused upload in the store").isZero();
                upload(admin, "public", "Rent in Zahle rose again after the store came back.");
            }
        } finally {
            fuseki.close();
        }
    }

    @Test
    void aBackupOfTheRemoteStoreRestoresIntoAnEmbeddedHub() throws Exception {
        String kept;
        String backup;
        try (FusekiServer fuseki = new FusekiServer(Files.createDirectories(work.resolve("fuseki-backup")));
             ConfigurableApplicationContext hub = start(fuseki.dataset(), Files.createDirectories(work.resolve("data-backup")),
                     "--kh.backup.folder=" + work.resolve("backups"))) {
            Http admin = http(hub).withBearer(DeployedHubs.ADMIN_TOKEN);
            kept = upload(admin, "restricted", "Cash for rent kept families in Halba housed through the winter.");
            assertThat(admin.json("POST", "/api/accounts", "{\"username\": \"samir\", \"displayName\": \"Samir\", "
                    + "\"roles\": [\"contributor\"], \"password\": \"a backup test password\"}").status()).isEqualTo(201);
            Http.Response made = admin.post("/api/admin/backups", "application/json", new byte[0]);
            assertThat(made.status()).as(made.toString()).isEqualTo(201);
            assertThat(made.json().path("manifest").path("quads").asLong())
                    .as("quads in the backup: the graph, not the hub's own records").isEqualTo(fuseki.count(
                            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } FILTER(!CONTAINS(STR(?g), '/graph/system/')) }"));
            backup = made.json().path("path").asString();
        }
        Path restored = work.resolve("restored");
        BackupRestore.restore(Path.of(backup), restored);
        try (ConfigurableApplicationContext embedded = DeployedHubs.start(restored)) {
            Http admin = http(embedded).withBearer(DeployedHubs.ADMIN_TOKEN);
            assertThat(admin.get("/api/documents/" + kept).status()).as("the note, restored into an embedded hub").isEqualTo(200);
            JsonNode hits = admin.get("/api/search?q=" + Http.enc("cash for rent Halba")).json().path("results");
            assertThat(hits.valueStream().map(h -> h.path("document").path("id").asString())).contains(kept);
            assertThat(http(embedded).get("/api/documents/" + kept).status()).as("still restricted").isEqualTo(404);
            assertThat(http(embedded).withBasic("samir", "a backup test password").get("/api/me").json().path("name").asString())
                    .as("the account kept in the shared store, restored into the data folder").isEqualTo("samir");
            assertThat(admin.get("/api/audit?action=document.upload").json().valueStream().map(e -> e.path("target").asString()).toList())
                    .as("the trail kept in the shared store, restored into the data folder").anyMatch(t -> t.contains(kept));
        }
    }

    @Test
    void aHubMovedToTheServiceKeepsItsAccountsTrailAndOriginals() throws Exception {
        Path data = Files.createDirectories(work.resolve("data-moved"));
        String kept;
        try (ConfigurableApplicationContext embedded = DeployedHubs.start(data)) {
            Http admin = http(embedded).withBearer(DeployedHubs.ADMIN_TOKEN);
            kept = upload(admin, "public", "Generator owners in Bebnine raised their monthly fee twice in one winter.");
            assertThat(admin.json("POST", "/api/accounts", "{\"username\": \"lina\", \"displayName\": \"Lina\", "
                    + "\"roles\": [\"contributor\"], \"password\": \"a migration test password\"}").status()).isEqualTo(201);
        }
        try (FusekiServer fuseki = new FusekiServer(Files.createDirectories(work.resolve("fuseki-moved")))) {
            StoreMigration.toService(data, URI.create(fuseki.dataset()));
            try (ConfigurableApplicationContext moved = start(fuseki.dataset(), data)) {
                Http admin = http(moved).withBearer(DeployedHubs.ADMIN_TOKEN);
                assertThat(http(moved).withBasic("lina", "a migration test password").get("/api/me").json().path("name").asString())
                        .as("the account, moved into the store").isEqualTo("lina");
                Http.Response original = http(moved).get("/api/documents/" + kept + "/original");
                assertThat(original.status()).as(original.toString()).isEqualTo(200);
                assertThat(original.text()).contains("Bebnine");
                assertThat(admin.get("/api/audit?action=document.upload").json().valueStream().map(e -> e.path("target").asString()).toList())
                        .as("the trail, moved into the store").anyMatch(t -> t.contains(kept));
            }
            assertThat(data.resolve("accounts.json.in-store")).exists();
            assertThat(data.resolve("accounts.json")).doesNotExist();
            String later;
            try (ConfigurableApplicationContext again = start(fuseki.dataset(), data)) {
                Http admin = http(again).withBearer(DeployedHubs.ADMIN_TOKEN);
                assertThat(uploads(admin, kept)).as("moved once, not at every start").isEqualTo(1);
                later = upload(admin, "public", "Shops in Bebnine stopped taking Lebanese pounds for fuel in March.");
                assertThat(admin.json("POST", "/api/accounts", "{\"username\": \"omar\", \"displayName\": \"Omar\", "
                        + "\"roles\": [\"contributor\"], \"password\": \"a way back test password\"}").status()).isEqualTo(201);
            }

            // And back: the graph into a new data folder's embedded store, the records into its files.
            Path back = work.resolve("data-back");
            StoreMigration.fromService(URI.create(fuseki.dataset()), back);
            for (int start = 0; start < 2; start++) {
                try (ConfigurableApplicationContext embedded = DeployedHubs.start(back)) {
                    Http admin = http(embedded).withBearer(DeployedHubs.ADMIN_TOKEN);
                    assertThat(http(embedded).withBasic("lina", "a migration test password").get("/api/me").json().path("name").asString())
                            .isEqualTo("lina");
                    assertThat(http(embedded).withBasic("omar", "a way back test password").get("/api/me").json().path("name").asString())
                            .as("an account made over the store").isEqualTo("omar");
                    assertThat(http(embedded).get("/api/documents/" + kept + "/original").text()).contains("raised their monthly fee");
                    assertThat(http(embedded).get("/api/documents/" + later + "/original").text()).contains("Lebanese pounds");
                    assertThat(uploads(admin, kept)).as("start " + start).isEqualTo(1);
                    assertThat(uploads(admin, later)).as("start " + start).isEqualTo(1);
                }
            }
            assertThat(back.resolve("accounts.json")).exists();
            assertThat(back.resolve("audit")).isDirectoryContaining("glob:**/audit-*.jsonl");
        }
    }

    /** How many entries of the audit trail record an upload of {@code document}. */
    private static long uploads(Http admin, String document) {
        return admin.get("/api/audit?action=document.upload").json().valueStream()
                .filter(e -> e.path("target").asString().contains(document)).count();
    }

    @Test
    void aSecondReplicaOnANewDataFolderDoesNotLoadTheDemoAgain() throws Exception {
        Path corpus = Files.createDirectories(work.resolve("demo-corpus"));
        Files.writeString(corpus.resolve("zahle-water.md"), "# Zahle water\n\nHouseholds in Zahle bought water from trucks all summer.\n");
        Files.createDirectories(corpus.resolve("questions"));
        Files.writeString(corpus.resolve("questions/questions.json"), "[{\"text\": \"Why did households in Zahle buy water "
                + "from trucks?\", \"sectors\": [\"wash\"], \"areas\": [], \"askedBy\": \"UNICEF\"}]");
        String[] demo = {"--kh.ingest.load-corpus=true", "--kh.ingest.corpus-dir=" + corpus};
        try (FusekiServer fuseki = new FusekiServer(Files.createDirectories(work.resolve("fuseki-demo")))) {
            try (ConfigurableApplicationContext first = start(fuseki.dataset(), Files.createDirectories(work.resolve("demo-one")), demo)) {
                Http admin = http(first).withBearer(DeployedHubs.ADMIN_TOKEN);
                assertThat(admin.get("/api/documents").json().size()).isEqualTo(1);
                assertThat(admin.get("/api/questions").json().size()).isEqualTo(1);
            }
            Path second = Files.createDirectories(work.resolve("demo-two"));
            try (ConfigurableApplicationContext two = start(fuseki.dataset(), second, demo)) {
                Http admin = http(two).withBearer(DeployedHubs.ADMIN_TOKEN);
                assertThat(admin.get("/api/questions").json().size()).as("the demo question, asked once").isEqualTo(1);
                assertThat(admin.get("/api/documents").json().size()).isEqualTo(1);
            }
            assertThat(second.resolve("questions-loaded")).as("the second replica's marker").exists();
            assertThat(second.resolve("corpus-loaded")).exists();
        }
    }

    @Test
    void anUnreachableServiceStopsTheStartNamingIt() throws IOException {
        String nowhere = "http://127.0.0.1:" + FusekiServer.freePort() + "/kh";
        assertThatThrownBy(() -> start(nowhere, Files.createDirectories(work.resolve("unreachable"))).close())
                .hasStackTraceContaining("cannot use the graph store at " + nowhere + " (kh.store.url)");
    }

    private static ConfigurableApplicationContext start(String store, Path data, String... more) {
        List<String> settings = new ArrayList<>(List.of("--kh.store.url=" + store));
        settings.addAll(List.of(more));
        return DeployedHubs.start(data, settings.toArray(String[]::new));
    }

    private static long sparqlCount(Http client, String query) {
        Http.Response response = client.post("/sparql", "application/sparql-query", query.getBytes(StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return Long.parseLong(response.json().path("results").path("bindings").path(0).path("n").path("value").asString());
    }
}
