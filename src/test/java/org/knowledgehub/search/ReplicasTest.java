package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.DeployedHubs.http;
import static org.knowledgehub.DeployedHubs.upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.DeployedHubs;
import org.knowledgehub.FusekiServer;
import org.knowledgehub.Http;
import org.knowledgehub.SolrCloudServer;
import org.knowledgehub.backup.BackupRestore;
import org.knowledgehub.security.BrowserSession;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Two hub replicas sharing one store (a real Fuseki) and one index (a real two-node SolrCloud), each
 * with a data folder of its own, as behind a load balancer: what one is given, the other serves
 * within the store's follow interval (documents and their access rules, accounts and API tokens,
 * sign-in pauses, browser sessions, one audit trail, originals); the hub's own records stay out of
 * every caller's reach; one replica and one search node gone, the other replica goes on with
 * everything acknowledged, and its backup restores into an embedded hub that indexes it again.
 */
class ReplicasTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path work;

    @Test
    void twoReplicasServeTheSameHub() throws Exception {
        Path fusekiDir = Files.createDirectories(work.resolve("fuseki"));
        int fusekiPort = FusekiServer.freePort();
        FusekiServer fuseki = new FusekiServer(fusekiDir, fusekiPort, true);
        Path backup;
        String open;
        String restricted;
        try (SolrCloudServer solr = new SolrCloudServer(Files.createDirectories(work.resolve("solr")), 2)) {
            solr.createCollection("passages", 2, 2);
            // Each shard on both nodes, and the hubs told of both: one node may fail.
            String collections = String.join(",", solr.nodes().stream().map(node -> node + "/passages").toList());
            // Files over 4 KB are ingested in the background; a job's replica silent for 2 s loses it to the other.
            String[] shared = {"--kh.store.url=" + fuseki.dataset(), "--kh.search.url=" + collections,
                    "--kh.ingest.background-above=4KB", "--kh.ingest.job-lease=2s"};
            String[] oneWorker = Stream.concat(Arrays.stream(shared), Stream.of("--kh.ingest.upload-workers=1")).toArray(String[]::new);
            ConfigurableApplicationContext one = DeployedHubs.start(Files.createDirectories(work.resolve("one")), oneWorker);
            try (ConfigurableApplicationContext two = DeployedHubs.start(Files.createDirectories(work.resolve("two")), shared)) {
                Http adminOne = http(one).withBearer(DeployedHubs.ADMIN_TOKEN);
                Http adminTwo = http(two).withBearer(DeployedHubs.ADMIN_TOKEN);

                // A document uploaded through one is found through two, with its access rules.
                open = upload(adminOne, "public", "Water trucking in Zahle cost households twice as much after the network failed.");
                restricted = upload(adminOne, "restricted", "Evictions in Bar Elias followed rent demands in US dollars.");
                assertThat(eventually(() -> documents(http(two), "water trucking Zahle"), List.of(open))).containsExactly(open);
                assertThat(eventually(() -> documents(adminTwo, "evictions Bar Elias"), List.of(restricted))).containsExactly(restricted);
                assertThat(documents(http(two), "evictions Bar Elias")).as("restricted, anonymous, through two").isEmpty();
                assertThat(http(two).get("/id/document/" + open).status()).as("its page through two").isEqualTo(200);
                Http.Response original = http(two).get("/api/documents/" + open + "/original");
                assertThat(original.status()).as(original.toString()).isEqualTo(200);
                assertThat(original.text()).as("the original, uploaded through one, through two").contains("Water trucking in Zahle");

                // An account made through one, and its API token, work through two.
                assertThat(adminOne.json("POST", "/api/accounts", "{\"username\": \"rana\", \"displayName\": \"Rana\", "
                        + "\"roles\": [\"contributor\"], \"password\": \"a replica test password\"}").status()).isEqualTo(201);
                Http.Response made = http(one).withBasic("rana", "a replica test password").json("POST", "/api/me/tokens", "{\"name\": \"script\"}");
                assertThat(made.status()).as(made.toString()).isEqualTo(201);
                String token = made.json().path("token").asString();
                assertThat(eventually(() -> http(two).withBearer(token).get("/api/me").json().path("name").asString(), "rana"))
                        .as("the token through two").isEqualTo("rana");

                // Wrong passwords count together: five spread over both replicas pause the name on both; unlocked through one, on both.
                for (int i = 0; i < 5; i++) {
                    assertThat(http(i % 2 == 0 ? one : two).withBasic("rana", "not the password").get("/api/me").status()).isEqualTo(401);
                }
                assertThat(eventually(() -> http(one).withBasic("rana", "a replica test password").get("/api/me").status(), 429))
                        .as("paused through one").isEqualTo(429);
                assertThat(http(two).withBasic("rana", "a replica test password").get("/api/me").status()).as("paused through two").isEqualTo(429);
                assertThat(adminOne.post("/api/accounts/rana/unlock", "application/json", new byte[0]).status()).isEqualTo(204);
                assertThat(eventually(() -> http(two).withBasic("rana", "a replica test password").get("/api/me").status(), 200))
                        .as("unlocked through one, signs in through two").isEqualTo(200);

                // A browser signed in through one is signed in through two, and signed out everywhere from two.
                BrowserSession browserOne = new BrowserSession(http(one).base());
                BrowserSession browserTwo = browserOne.at(http(two).base());
                assertThat(browserOne.signIn("rana", "a replica test password").status()).isEqualTo(302);
                assertThat(browserTwo.get("/api/me").json().path("name").asString()).as("signed in, through two").isEqualTo("rana");
                assertThat(browserTwo.get("/").text()).contains("id=\"logout\"");
                Http.Response signedOut = browserTwo.postForm("/logout", Map.of("_csrf", BrowserSession.csrfToken(browserTwo.get("/"))));
                assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(302);
                assertThat(browserOne.get("/api/me").json().path("signedIn").asBoolean()).as("signed out, through one").isFalse();

                // One audit trail: a write through each replica, both read through either.
                String other = upload(adminTwo, "public", "Fuel prices in Akkar doubled the cost of running generators for clinics.");
                JsonNode trail = adminOne.get("/api/audit?action=document.upload&limit=10").json();
                assertThat(trail.valueStream().map(e -> e.path("target").asString()).toList())
                        .anyMatch(t -> t.contains(other)).anyMatch(t -> t.contains(open));

                // The hub's own records are in no caller's reach, not even the admin's.
                Http.Response graphs = adminTwo.post("/sparql", "application/sparql-query",
                        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }".getBytes(StandardCharsets.UTF_8), "Accept", "text/csv");
                assertThat(graphs.status()).isEqualTo(200);
                assertThat(graphs.text()).contains("/graph/document/").doesNotContain("/graph/system/");
                Http.Response intoRecords = adminTwo.post("/update", "application/sparql-update", ("INSERT DATA { GRAPH <" + graphBase(graphs)
                        + "system/accounts> { <urn:x:a> <urn:x:b> \"c\" } }").getBytes(StandardCharsets.UTF_8));
                assertThat(intoRecords.status()).as(intoRecords.toString()).isEqualTo(400);
                assertThat(fuseki.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <urn:x:a> ?p ?o } }")).isZero();

                // Background ingests through one, followed through two: a large note, and a small one waiting behind it
                // (one worker), then one is stopped; two takes over what one left unfinished.
                String large = background(adminOne, "ras-baalbek-pumps.txt", "The Ras Baalbek pumping station ran on diesel bought at market price. ", 1_000_000);
                String waiting = background(adminOne, "qaa-tanks.txt", "Tanks in Qaa were refilled by the municipality every third day. ", 5_000);
                assertThat(eventually(() -> http(two).withBearer(DeployedHubs.ADMIN_TOKEN).get(waiting).status(), 200))
                        .as("the job accepted through one, through two").isEqualTo(200);

                // One replica gone, then one search node: the other replica serves everything either acknowledged, and takes more.
                one.close();
                solr.stopNode(0);
                assertThat(documents(http(two), "water trucking Zahle")).containsExactly(open);
                assertThat(documents(http(two), "fuel Akkar generators")).containsExactly(other);
                assertThat(http(two).withBearer(token).get("/api/me").json().path("name").asString()).isEqualTo("rana");
                for (String job : List.of(large, waiting)) {
                    assertThat(eventually(() -> adminTwo.get(job).json().path("state").asString(), "committed", Duration.ofSeconds(120)))
                            .as(job + ", finished by one before it stopped or taken over by two").isEqualTo("committed");
                }
                assertThat(documents(http(two), "Qaa tanks refilled municipality")).hasSize(1);
                String after = upload(adminTwo, "public", "Solar panels kept the Hermel water station pumping through the outages.");
                assertThat(documents(http(two), "solar panels Hermel")).containsExactly(after);

                // A backup holds the store and the hub's records, not Solr's collection (Solr backs that up itself).
                Http.Response written = adminTwo.post("/api/admin/backups", "application/json", new byte[0]);
                assertThat(written.status()).as(written.toString()).isEqualTo(201);
                assertThat(written.json().path("manifest").path("indexRebuilt").asBoolean()).isTrue();
                assertThat(written.json().path("manifest").path("passages").asInt()).as("the collection's passages").isGreaterThanOrEqualTo(4);
                backup = Path.of(written.json().path("path").asString());

                // The store gone: a signed-in page is a 503 problem, not an error page; back, the same session serves again.
                BrowserSession browser = new BrowserSession(http(two).base());
                assertThat(browser.signIn("rana", "a replica test password").status()).isEqualTo(302);
                fuseki.close();
                Http.Response gone = browser.get("/api/me");
                assertThat(gone.status()).as(gone.toString()).isEqualTo(503);
                assertThat(gone.header("Retry-After")).isNotNull();
                assertThat(gone.json().path("detail").asString()).contains(fuseki.dataset());
                fuseki = new FusekiServer(fusekiDir, fusekiPort, true);
                assertThat(browser.get("/api/me").json().path("name").asString()).as("after the store came back").isEqualTo("rana");
                assertThat(documents(http(two), "fuel Akkar generators")).containsExactly(other);
            } finally {
                one.close();
            }
        } finally {
            fuseki.close();
        }

        // Restored into an embedded hub, which indexes the documents at its first start.
        Path restored = work.resolve("restored");
        BackupRestore.restore(backup, restored);
        try (ConfigurableApplicationContext embedded = DeployedHubs.start(restored)) {
            assertThat(documents(http(embedded), "water trucking Zahle")).as("the best match").first().isEqualTo(open);
            assertThat(documents(http(embedded), "evictions Bar Elias")).as("restricted, anonymous").isEmpty();
            assertThat(http(embedded).withBasic("rana", "a replica test password").get("/api/me").json().path("name").asString())
                    .as("the account, kept in the store, now in the data folder").isEqualTo("rana");
            assertThat(documents(http(embedded).withBearer(DeployedHubs.ADMIN_TOKEN), "evictions Bar Elias")).containsExactly(restricted);
            assertThat(http(embedded).get("/api/documents/" + open + "/original").text()).contains("Water trucking in Zahle");
        }
    }

    /** The base of the hub's graph names ({@code .../graph/}), from a listing of them. */
    private static String graphBase(Http.Response graphs) {
        String line = graphs.text().lines().filter(l -> l.contains("/graph/document/")).findFirst().orElseThrow();
        return line.substring(0, line.indexOf("/graph/") + "/graph/".length());
    }

    /** Uploads a public note of {@code sentence} repeated to {@code bytes}, taken in the background; its status resource. */
    private static String background(Http admin, String name, String sentence, int bytes) {
        byte[] file = sentence.repeat(bytes / sentence.length() + 1).getBytes(StandardCharsets.UTF_8);
        Http.Response accepted = admin.upload("/api/documents", name, file, Map.of("type", "field-note", "sensitivity", "public"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.header("Location");
    }

    /** What {@code read} gives once it gives {@code expected}, or at the end of {@link #WITHIN}. */
    private static <T> T eventually(Supplier<T> read, T expected) throws InterruptedException {
        return eventually(read, expected, WITHIN);
    }

    private static <T> T eventually(Supplier<T> read, T expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        T value = read.get();
        while (!expected.equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }

    private static List<String> documents(Http caller, String words) {
        Http.Response found = caller.get("/api/search?q=" + Http.enc(words));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().path("results").valueStream().map(h -> h.path("document").path("id").asString()).distinct().toList();
    }
}
