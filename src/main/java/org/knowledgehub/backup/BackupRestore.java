package org.knowledgehub.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.knowledgehub.store.KnowledgeStore;
import org.springframework.util.FileSystemUtils;

/**
 * {@code restore BACKUP [--kh.data-dir=DIR]} (run by {@code bin/kh restore} as the jar's main
 * class through Spring Boot's PropertiesLauncher): restores a backup into an empty data
 * folder while no hub runs, without starting the service. The backup is checked against its
 * manifest first (every part present, sizes and SHA-256 as listed) and refused, naming the part,
 * if anything is missing or damaged; a data folder that is not empty is refused too. The store is
 * loaded from the backup's N-Quads into a new TDB2 store; every other file is copied to its place.
 */
public final class BackupRestore {

    public static final String COMMAND = "restore";

    /** What a restore did. */
    public record Restored(Path dataDir, BackupManifest manifest, long quads) {
    }

    private BackupRestore() {
    }

    /**
     * @throws BackupRefused when the backup is incomplete or damaged, or the data folder is not
     *                       empty; nothing is written then
     */
    public static Restored restore(Path backup, Path dataDir) {
        BackupManifest manifest = BackupManifest.read(backup);
        manifest.verify(backup);
        boolean existed = Files.exists(dataDir);
        requireEmpty(dataDir);
        try {
            Files.createDirectories(dataDir);
            Backups.ownerOnly(dataDir);
            for (BackupManifest.Entry e : manifest.files()) {
                if (e.part().equals(BackupPart.STORE.label())) {
                    continue;
                }
                Path target = dataDir.resolve(e.path());
                Files.createDirectories(target.getParent());
                Files.copy(BackupManifest.inside(backup, e), target);
            }
            long quads = KnowledgeStore.create(dataDir.resolve(BackupPart.STORE_FOLDER), backup.resolve(BackupPart.STORE_FILE));
            if (quads != manifest.quads()) {
                throw new IllegalStateException("the store was restored with " + quads + " quads; the backup lists " + manifest.quads());
            }
            return new Restored(dataDir, manifest, quads);
        } catch (IOException | RuntimeException e) {
            clear(dataDir, existed);
            throw e instanceof IOException io ? new UncheckedIOException("the restore failed: " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    private static void requireEmpty(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new BackupRefused("target", dataDir + " is a file, not a data folder");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                throw new BackupRefused("target", "the data folder " + dataDir + " is not empty: a backup is restored only "
                        + "into an empty folder (stop the hub and move the old data folder aside, or name another with --kh.data-dir)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what a failed restore wrote, leaving the data folder as it was (absent, or empty). */
    private static void clear(Path dataDir, boolean keepFolder) {
        try {
            if (!keepFolder) {
                FileSystemUtils.deleteRecursively(dataDir);
                return;
            }
            try (Stream<Path> entries = Files.list(dataDir)) {
                for (Path p : entries.toList()) {
                    FileSystemUtils.deleteRecursively(p);
                }
            }
        } catch (IOException ignored) {
            // best effort: the restore's own failure is what gets reported
        }
    }

    /** The command line: {@code restore BACKUP [--kh.data-dir=DIR]}; the data folder defaults to KH_DATA_DIR, then data. */
    public static void main(String[] args) {
        Path backup = null;
        String dataDir = System.getenv().getOrDefault("KH_DATA_DIR", "data");
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--kh.data-dir=")) {
                dataDir = args[i].substring("--kh.data-dir=".length());
            } else if (backup == null) {
                backup = Path.of(args[i]);
            } else {
                backup = null;
                break;
            }
        }
        if (backup == null) {
            System.err.println("usage: kh restore BACKUP_FOLDER [--kh.data-dir=DIR]");
            System.exit(2);
        }
        try {
            Restored restored = restore(backup.toAbsolutePath(), Path.of(dataDir).toAbsolutePath());
            System.out.printf("Restored %s into %s: %d documents, %d passages, %d quads (written %s by Knowledge Hub %s)%n",
                    backup, restored.dataDir(), restored.manifest().documents(), restored.manifest().passages(), restored.quads(),
                    restored.manifest().created(), restored.manifest().hubVersion());
            if (restored.manifest().rebuildsIndex()) {
                System.out.println("The backup holds no search index (the hub kept it in a search engine): the hub indexes the "
                        + "documents at its first start on this data folder.");
            }
            System.exit(0);
        } catch (BackupRefused e) {
            System.err.println("restore refused (" + e.part() + "): " + e.getMessage());
            System.exit(1);
        }
    }
}
