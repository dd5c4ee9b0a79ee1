package org.knowledgehub.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubProperties;
import org.knowledgehub.HubTest;
import org.knowledgehub.search.LucenePassageIndex;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.search.SearchHit;
import org.knowledgehub.search.SearchProperties;
import org.knowledgehub.search.SearchQuery;
import org.knowledgehub.search.UserQueryParser;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An online backup taken while clients search, restored into a new data folder: the restored store
 * and index (opened with the hub's own classes) answer the same searches with the same top 10 and
 * the same SPARQL counts, with the same accounts; damaged backups and non-empty folders are refused.
 */
class BackupRestoreTest extends HubTest {

    private static final List<String> SEARCHES = List.of("water", "eviction", "cash assistance", "Akkar", "shelter",
            "education enrolment", "health", "protection", "food security", "Bekaa", "refugees", "winterization");
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @Autowired
    private KnowledgeStore store;
    @Autowired
    private PassageIndex index;
    @Autowired
    private PassageVectors vectors;
    @Autowired
    private HubProperties hub;
    @Autowired
    private SearchProperties searchProperties;

    @Test
    void aBackupTakenWhileClientsSearchRestoresToTheSameAnswers() throws Exception {
        vectors.awaitIdle();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger searches = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int i = client; !stop.get(); i++) {
                    Http.Response r = http().get("/api/search?q=" + Http.enc(SEARCHES.get(i % SEARCHES.size())));
                    if (r.status() != 200) {
                        errors.add(r.toString());
                    }
                    searches.incrementAndGet();
                }
            }));
        }
        Http.Response created;
        int before;
        try {
            while (searches.get() < 8) {
                Thread.sleep(20);
            }
            before = searches.get();
            created = admin().post("/api/admin/backups", "application/json", new byte[0]);
            while (searches.get() < before + 8) {
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }
        }
        assertThat(errors).as("searches while the backup was written").isEmpty();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Path backup = Path.of(created.json().get("path").asString());
        assertThat(backup).isDirectory().startsWith(Path.of(dataDir() + "-backups"));
        assertThat(created.json().get("manifest").get("documents").asLong()).isGreaterThan(10);
        assertThat(Files.getPosixFilePermissions(backup)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(admin().get("/api/admin/backups").text()).contains(backup.getFileName().toString());
        assertThat(admin().get("/api/audit?action=backup.create").text()).contains(backup.getFileName().toString());

        Path restored = Files.createTempDirectory(dataDir().getParent(), "restored-");
        BackupRestore.Restored result = BackupRestore.restore(backup, restored);
        assertThat(result.quads()).isEqualTo(created.json().get("manifest").get("quads").asLong());

        Set<Node> everything = store.readAll(d -> Iter.toSet(d.listGraphNodes()));
        VisibleGraphs all = new VisibleGraphs(everything);
        LucenePassageIndex copy = new LucenePassageIndex(new HubProperties(restored, hub.baseUri()), searchProperties);
        int full = 0;
        try {
            assertThat(copy.count()).isEqualTo(index.count()).isEqualTo((int) result.manifest().passages());
            UserQueryParser parser = new UserQueryParser(index.queryAnalyzers());
            for (String text : SEARCHES) {
                SearchQuery q = new SearchQuery(parser.parse(text, "q"), null, null, null, null, null, null, null, null, null,
                        null, null, null, 10, 0);
                List<String> live = ids(index.search(q, all, false).hits());
                assertThat(ids(copy.search(q, all, false).hits())).as(text).isEqualTo(live);
                full += live.size() == 10 ? 1 : 0;
            }
        } finally {
            copy.destroy();
        }
        assertThat(full).as("searches with a full top 10").isGreaterThanOrEqualTo(5);

        DatasetGraph restoredStore = DatabaseMgr.connectDatasetGraph(restored.resolve("tdb2").toString());
        try {
            String live = store.readAll(d -> counts(d));
            assertThat(Txn.calculateRead(restoredStore, () -> counts(restoredStore))).isEqualTo(live);
        } finally {
            TDBInternal.expel(restoredStore);
        }
        assertThat(Files.readString(restored.resolve("accounts.json"))).isEqualTo(Files.readString(dataDir().resolve("accounts.json")));
        assertThat(restored.resolve("corpus-loaded")).exists();
        assertThat(restored.resolve("audit")).isDirectory();

        assertThatThrownBy(() -> BackupRestore.restore(backup, restored)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("not empty").extracting(e -> ((BackupRefused) e).part()).isEqualTo("target");

        Path withoutIndexFile = copyOf(backup);
        Path segments;
        try (Stream<Path> files = Files.list(withoutIndexFile.resolve("index"))) {
            segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        }
        Files.delete(segments);
        Path target = dataDir().getParent().resolve("restore-target-" + System.nanoTime());
        assertThatThrownBy(() -> BackupRestore.restore(withoutIndexFile, target)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("index part is incomplete").hasMessageContaining(segments.getFileName().toString());
        assertThat(target).doesNotExist();

        Path cutStore = copyOf(backup);
        try (RandomAccessFile f = new RandomAccessFile(cutStore.resolve("store.nq.gz").toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThatThrownBy(() -> BackupRestore.restore(cutStore, target)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("store part is damaged").hasMessageContaining("store.nq.gz");
        assertThat(target).doesNotExist();

        Path withoutManifest = copyOf(backup);
        Files.delete(withoutManifest.resolve(BackupManifest.FILE));
        assertThatThrownBy(() -> BackupRestore.restore(withoutManifest, target)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("no manifest.json");
    }

    @Test
    void backupsAreForAdminsOnly() {
        assertThat(http().post("/api/admin/backups", "application/json", new byte[0]).status()).isEqualTo(401);
        assertThat(http().get("/api/admin/backups").status()).isEqualTo(401);
    }

    @Test
    void retentionKeepsTheNewestBackupsAndClearsUnfinishedOnes() throws IOException {
        Path folder = Files.createTempDirectory(dataDir().getParent(), "retention-");
        for (String name : List.of("kh-backup-20250101T000000Z", "kh-backup-20250102T000000Z", "kh-backup-20250103T000000Z")) {
            Files.createDirectories(folder.resolve(name));
            Files.writeString(folder.resolve(name).resolve(BackupManifest.FILE), "{}");
        }
        Files.createDirectories(folder.resolve("kh-backup-20250104T000000Z.partial"));
        Files.createDirectories(folder.resolve("unrelated"));
        Backups.prune(folder, 2);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("kh-backup-20250102T000000Z", "kh-backup-20250103T000000Z", "unrelated");
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.passage().passageUri()).toList();
    }

    private static String counts(DatasetGraph d) {
        return QueryExec.dataset(d).query(COUNT).select().next().toString();
    }

    private static Path copyOf(Path backup) throws IOException {
        Path copy = Files.createTempDirectory(backup.getParent().getParent(), "damaged-");
        try (Stream<Path> files = Files.walk(backup)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = copy.resolve(backup.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return copy;
    }
}
