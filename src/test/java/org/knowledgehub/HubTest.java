package org.knowledgehub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knowledgehub.store.SharedRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the running service: one Spring context per JVM (all subclasses
 * share it), a real HTTP server on a random loopback port, a real TDB2 store and Lucene index in a
 * fresh folder, and the demo corpus ingested once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "kh.security.admin-token=" + HubTest.ADMIN_TOKEN,
        "kh.security.initial-admin.username=" + HubTest.ADMIN_ACCOUNT,
        "kh.security.initial-admin.password=" + HubTest.ADMIN_PASSWORD,
        "kh.sparql.timeout=3s",
        "spring.servlet.multipart.max-file-size=5MB",
        "spring.servlet.multipart.max-request-size=5MB",
        // Below the upload limit, so that a text file can be refused for its text alone.
        "kh.ingest.max-text-chars=2000000",
        "kh.ingest.corpus-dir=corpus",
        // A batch commits as soon as the previous one is done: bulk ingests overlap commits with parsing.
        "kh.ingest.commit-interval=0s",
        "logging.level.org.knowledgehub=info"
})
public abstract class HubTest {

    public static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";
    /** The first admin account, created from configuration. */
    public static final String ADMIN_ACCOUNT = "hub-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-not-a-secret";

    /** One data folder for the shared context; created once per test JVM. */
    private static final Path DATA = createDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    private SharedRecords sharedRecords;

    /**
     * With {@code -Dkh.test.store=fuseki} ({@code bin/kh test cluster}), the shared context keeps its
     * graph in a Fuseki of its own (in memory, started once per test JVM) instead of the embedded store.
     */
    private static final String STORE = System.getProperty("kh.test.store", "");
    /**
     * With {@code -Dkh.test.search=solr} (also {@code bin/kh test cluster}), its passages are in a
     * two-node SolrCloud of its own (started once per test JVM) instead of the embedded index.
     */
    private static final String SEARCH = System.getProperty("kh.test.search", "");

    /** Whether the shared context keeps its records (accounts, audit trail...) in a remote store rather than in files. */
    protected static boolean recordsInStore() {
        return STORE.equals("fuseki");
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("kh.data-dir", DATA::toString);
        if (STORE.equals("fuseki")) {
            registry.add("kh.store.url", SharedFuseki::dataset);
            // Over a service, a query takes longer than in the embedded store: 10 s instead of 3 s, and the
            // service gives up on a query soon after the hub has.
            registry.add("kh.sparql.timeout", () -> "10s");
            registry.add("kh.store.query-timeout", () -> "15s");
        } else if (!STORE.isEmpty()) {
            throw new IllegalArgumentException("kh.test.store is fuseki or unset, not " + STORE);
        }
        if (SEARCH.equals("solr")) {
            registry.add("kh.search.url", SharedSolr::collection);
        } else if (!SEARCH.isEmpty()) {
            throw new IllegalArgumentException("kh.test.search is solr or unset, not " + SEARCH);
        }
    }

    /** The test JVM's SolrCloud and its collection, started on first use and stopped with the JVM. */
    private static final class SharedSolr {
        private static final String COLLECTION = start();

        static String collection() {
            return COLLECTION;
        }

        private static String start() {
            try {
                SolrCloudServer server = new SolrCloudServer(Files.createDirectories(DATA.resolveSibling(DATA.getFileName() + "-solr")), 2);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                return server.createCollection("passages", 2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The test JVM's Fuseki, started on first use and stopped with the JVM. */
    private static final class SharedFuseki {
        private static final FusekiServer SERVER = start();

        static String dataset() {
            return SERVER.dataset();
        }

        private static FusekiServer start() {
            try {
                FusekiServer server = new FusekiServer(Files.createDirectories(DATA.resolveSibling(DATA.getFileName() + "-fuseki")));
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    protected Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    protected Http admin() {
        return http().withBearer(ADMIN_TOKEN);
    }

    protected static Path dataDir() {
        return DATA;
    }

    /** The accounts as the hub keeps them: the data folder's file, or each account's record in a remote store. */
    protected String accountsAsKept() throws IOException {
        return recordsInStore() ? String.join("\n", sharedRecords.read("accounts").values())
                : Files.readString(DATA.resolve("accounts.json"));
    }

    /**
     * A fresh folder under target/, or the one named by the system property {@code kh.test.data-dir}:
     * benchmarks over large document sets run again on what a previous run ingested.
     */
    private static Path createDataDir() {
        String reuse = System.getProperty("kh.test.data-dir");
        if (reuse != null && !reuse.isBlank()) {
            return Path.of(reuse).toAbsolutePath();
        }
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
