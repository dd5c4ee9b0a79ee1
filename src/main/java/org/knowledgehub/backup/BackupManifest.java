package org.knowledgehub.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds ({@value #FILE} in its folder): every file with the part it belongs to, its
 * size and SHA-256, the hub version that wrote it, when, and how many documents, passages and
 * quads it holds. Restore checks every file against it before touching the data folder.
 *
 * @param format       the manifest's own version
 * @param indexRebuilt true when the backup holds no search index because the hub kept it in a search
 *                     engine (which backs it up itself): a hub restored from it indexes the store's
 *                     documents at its first start; null in backups written before there was a choice
 */
public record BackupManifest(int format, String hubVersion, String created, long documents, long passages, long quads,
                             Boolean indexRebuilt, List<Entry> files) {

    static final String FILE = "manifest.json";
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One file of the backup, its path relative to the backup folder (and to the data folder it restores into). */
    public record Entry(String part, String path, long bytes, String sha256) {
    }

    static Entry describe(String part, Path folder, String relativePath) {
        Path file = folder.resolve(relativePath);
        try {
            return new Entry(part, relativePath, Files.size(file), sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path folder) {
        try {
            Files.writeString(folder.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws BackupRefused when the folder has no readable manifest */
    static BackupManifest read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused("manifest", folder + " is not a Knowledge Hub backup: it has no " + FILE);
        }
        try {
            return JSON.readValue(file.toFile(), BackupManifest.class);
        } catch (JacksonException e) {
            throw new BackupRefused("manifest", "the backup's " + FILE + " cannot be read: " + e.getOriginalMessage());
        }
    }

    /**
     * Checks that the backup in {@code folder} is whole: its required parts listed, every file
     * listed present, of the listed size and hash, and inside the backup folder.
     *
     * @throws BackupRefused naming the first part that is missing or damaged
     */
    void verify(Path folder) {
        if (format != FORMAT) {
            throw new BackupRefused("manifest", "the backup's format is " + format + "; this hub restores format " + FORMAT);
        }
        for (String part : requiredParts()) {
            if (files.stream().noneMatch(e -> e.part().equals(part))) {
                throw new BackupRefused(part, "the backup has no " + part + " part");
            }
        }
        for (Entry e : files) {
            Path file = inside(folder, e);
            if (!Files.isRegularFile(file)) {
                throw new BackupRefused(e.part(), "the " + e.part() + " part is incomplete: " + e.path() + " is missing");
            }
            try {
                if (Files.size(file) != e.bytes()) {
                    throw new BackupRefused(e.part(), "the " + e.part() + " part is damaged: " + e.path() + " has "
                            + Files.size(file) + " bytes instead of " + e.bytes());
                }
                if (!sha256(file).equals(e.sha256())) {
                    throw new BackupRefused(e.part(), "the " + e.part() + " part is damaged: " + e.path()
                            + " does not have the SHA-256 the manifest gives");
                }
            } catch (IOException x) {
                throw new BackupRefused(e.part(), "the " + e.part() + " part cannot be read: " + e.path() + ": " + x.getMessage());
            }
        }
    }

    /** The parts this backup must have: without them nothing can be restored. */
    private List<String> requiredParts() {
        return rebuildsIndex() ? List.of(BackupPart.STORE.label()) : List.of(BackupPart.STORE.label(), BackupPart.INDEX.label());
    }

    /** Whether a hub restored from this backup builds its search index from the store. */
    boolean rebuildsIndex() {
        return Boolean.TRUE.equals(indexRebuilt);
    }

    /** The file of an entry, refused if its path leads out of the backup folder. */
    static Path inside(Path folder, Entry e) {
        Path file = folder.resolve(e.path()).normalize();
        if (!file.startsWith(folder.normalize()) || Path.of(e.path()).isAbsolute()) {
            throw new BackupRefused(e.part(), "the manifest names a file outside the backup: " + e.path());
        }
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
