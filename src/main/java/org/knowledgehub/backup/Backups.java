package org.knowledgehub.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.knowledgehub.HubProperties;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.security.Accounts;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Originals;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Online backups: the store, read in one transaction, and the search index as of the same
 * commit (both taken while ingest cannot commit, which then goes on while the files are copied;
 * an index kept in a search engine is left to the engine's backups and rebuilt on restore),
 * with the originals the store refers to, accounts, the audit trail and the load markers, each
 * file listed in a {@link BackupManifest}. A backup is written under a temporary name and renamed
 * when complete, so a folder named {@code kh-backup-...} is always whole. After each backup only
 * the newest {@code kh.backup.keep} are kept. Searches carry on throughout.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    static final String PREFIX = "kh-backup-";
    private static final String PARTIAL = ".partial";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A backup on disk. */
    public record Backup(String path, BackupManifest manifest) {
    }

    private final Path dataDir;
    private final Path folder;
    private final int keep;
    private final KnowledgeStore store;
    private final PassageIndex index;
    private final Originals originals;
    private final Uris uris;
    private final AuditTrail audit;
    private final Accounts accounts;

    Backups(HubProperties hub, BackupProperties properties, KnowledgeStore store, PassageIndex index, Originals originals,
            Uris uris, AuditTrail audit, Accounts accounts) {
        this.dataDir = hub.dataDir();
        // Absolute, so the path a backup answers with can be given to bin/kh restore from anywhere.
        this.folder = properties.folder().toAbsolutePath().normalize();
        this.keep = properties.keep();
        this.store = store;
        this.index = index;
        this.originals = originals;
        this.uris = uris;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Writes a backup, removes the oldest beyond {@code kh.backup.keep}, and records it in the audit trail. */
    public synchronized Backup create(Caller caller) {
        long t0 = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path target = folder.resolve(PREFIX + NAME.format(now));
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(PREFIX + NAME.format(now) + "-" + n);
        }
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        BackupManifest manifest;
        try {
            Files.createDirectories(partial);
            ownerOnly(partial);
            List<BackupManifest.Entry> files = new ArrayList<>();
            Counts counts = storeAndIndex(partial, files);
            copyRest(partial, files);
            manifest = new BackupManifest(BackupManifest.FORMAT, KnowledgeHubApplication.version(), now.toString(),
                    counts.documents, counts.passages, counts.quads, counts.indexRebuilt ? Boolean.TRUE : null, List.copyOf(files));
            manifest.write(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e instanceof IOException io ? new UncheckedIOException("the backup could not be written: " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
        prune(folder, keep);
        audit.recordWrite(caller, "backup.create", target.toString(), List.of());
        log.info("Backup {} written in {} s: {} documents, {} passages, {} quads, {} files", target,
                String.format("%.1f", (System.nanoTime() - t0) / 1e9), manifest.documents(), manifest.passages(),
                manifest.quads(), manifest.files().size());
        return new Backup(target.toString(), manifest);
    }

    /** The complete backups in the backups folder, newest first. */
    public List<Backup> list() {
        return complete(folder).stream().map(p -> new Backup(p.toString(), BackupManifest.read(p))).toList();
    }

    private record Counts(long documents, long passages, long quads, boolean indexRebuilt) {
    }

    /**
     * The store and the index as of the same documents: ingest commits both while holding the
     * index's write lock, so with the lock held the store's read transaction and the index's
     * snapshot agree; the lock is let go as soon as both are taken.
     */
    private Counts storeAndIndex(Path partial, List<BackupManifest.Entry> files) {
        ReentrantLock writes = index.writeLock();
        writes.lock();
        try {
            return store.readAll(dsg -> {
                try (PassageIndex.Snapshot snapshot = index.snapshot()) {
                    writes.unlock();
                    Path indexCopy = Files.createDirectories(partial.resolve(BackupPart.INDEX_FOLDER));
                    boolean copied = snapshot.copyTo(indexCopy);
                    if (copied) {
                        files.addAll(describeAll(BackupPart.INDEX, partial, indexCopy));
                    } else {
                        Files.delete(indexCopy);
                    }
                    long documents = Iter.toList(dsg.listGraphNodes()).stream()
                            .filter(g -> uris.documentIdOfGraph(g).isPresent()).count();
                    Set<String> hashes = new TreeSet<>();
                    long quads = dump(dsg, partial.resolve(BackupPart.STORE_FILE), hashes, uris);
                    files.add(BackupManifest.describe(BackupPart.STORE.label(), partial, BackupPart.STORE_FILE));
                    copyOriginals(hashes, partial, files);
                    return new Counts(documents, snapshot.passages(), quads, !copied);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            if (writes.isHeldByCurrentThread()) {
                writes.unlock();
            }
        }
    }

    /**
     * Writes every quad as gzipped N-Quads, noting the content hashes of the originals they refer to;
     * not the hub's own records a shared store keeps (they go into the backup as the files a data
     * folder keeps them in).
     */
    private static long dump(DatasetGraph dsg, Path file, Set<String> contentHashes, Uris uris) throws IOException {
        Node contentHash = KH.contentHash.asNode();
        long n = 0;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
            writer.start();
            for (Iterator<Quad> quads = dsg.find(); quads.hasNext(); ) {
                Quad q = quads.next();
                if (uris.isSystemGraph(q.getGraph())) {
                    continue;
                }
                n++;
                if (q.getPredicate().equals(contentHash) && q.getObject().isLiteral()) {
                    contentHashes.add(q.getObject().getLiteralLexicalForm());
                }
                writer.quad(q);
            }
            writer.finish();
        }
        return n;
    }

    /** The originals the store's documents refer to; one removed meanwhile (its document replaced) is left out. */
    private void copyOriginals(Set<String> hashes, Path partial, List<BackupManifest.Entry> files) throws IOException {
        for (String hash : hashes) {
            String relative = BackupPart.ORIGINALS_FOLDER + "/" + hash.substring(0, 2) + "/" + hash;
            Path copy = partial.resolve(relative);
            Files.createDirectories(copy.getParent());
            if (!originals.copyTo(hash, copy)) {
                continue;
            }
            files.add(BackupManifest.describe(BackupPart.ORIGINALS.label(), partial, relative));
        }
    }

    /** Accounts, the audit trail (each file up to its last whole line) and the load markers. */
    private void copyRest(Path partial, List<BackupManifest.Entry> files) throws IOException {
        if (audit.inStore()) {
            // Replicas share a store: the accounts and the trail are records there, written out as a data folder keeps them.
            accounts.writeFile(partial.resolve(BackupPart.ACCOUNTS_FILE));
            files.add(BackupManifest.describe(BackupPart.ACCOUNTS.label(), partial, BackupPart.ACCOUNTS_FILE));
            audit.exportTo(partial.resolve(BackupPart.AUDIT_FOLDER));
            files.addAll(describeAll(BackupPart.AUDIT, partial, partial.resolve(BackupPart.AUDIT_FOLDER)));
        }
        for (String name : BackupPart.ACCOUNT_FILES) {
            if (audit.inStore() && name.equals(BackupPart.ACCOUNTS_FILE)) {
                continue;
            }
            if (Files.isRegularFile(dataDir.resolve(name))) {
                Files.copy(dataDir.resolve(name), partial.resolve(name));
                files.add(BackupManifest.describe(BackupPart.ACCOUNTS.label(), partial, name));
            }
        }
        Path auditFolder = dataDir.resolve(BackupPart.AUDIT_FOLDER);
        if (!audit.inStore() && Files.isDirectory(auditFolder)) {
            Path copies = Files.createDirectories(partial.resolve(BackupPart.AUDIT_FOLDER));
            try (Stream<Path> months = Files.list(auditFolder)) {
                for (Path month : months.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(month);
                    int end = bytes.length;
                    while (end > 0 && bytes[end - 1] != '\n') {
                        end--; // an entry being appended right now goes into the next backup
                    }
                    Files.write(copies.resolve(month.getFileName()), Arrays.copyOf(bytes, end));
                }
            }
            files.addAll(describeAll(BackupPart.AUDIT, partial, copies));
        }
        try (Stream<Path> top = Files.list(dataDir)) {
            for (Path marker : top.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(BackupPart.MARKER_SUFFIX))
                    .sorted().toList()) {
                Files.copy(marker, partial.resolve(marker.getFileName()));
                files.add(BackupManifest.describe(BackupPart.MARKERS.label(), partial, marker.getFileName().toString()));
            }
        }
    }

    private static List<BackupManifest.Entry> describeAll(BackupPart part, Path backup, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> BackupManifest.describe(part.label(), backup, backup.relativize(f).toString().replace('\\', '/')))
                    .toList();
        }
    }

    /** Complete backups in a folder (those with a manifest), newest first. */
    static List<Path> complete(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.getFileName().toString().endsWith(PARTIAL)
                            && Files.isRegularFile(p.resolve(BackupManifest.FILE)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the complete backups beyond the newest {@code keep}, and what failed backups left behind. */
    static void prune(Path folder, int keep) {
        List<Path> backups = complete(folder);
        backups.stream().skip(keep).forEach(old -> {
            deleteQuietly(old);
            log.info("Backup {} removed: kh.backup.keep={}", old, keep);
        });
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).forEach(Backups::deleteQuietly);
        } catch (IOException e) {
            log.warn("Cannot list the backups folder {}: {}", folder, e.toString());
        }
    }

    /** Only the hub's user may enter the folder: a backup holds password and token hashes and protected documents. */
    static void ownerOnly(Path folder) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static void deleteQuietly(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Cannot remove {}: {}", folder, e.toString());
        }
    }
}
