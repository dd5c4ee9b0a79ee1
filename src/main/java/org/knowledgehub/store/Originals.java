package org.knowledgehub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.knowledgehub.HubProperties;
import org.springframework.stereotype.Component;

/**
 * The original bytes of every document, stored by SHA-256 so that no name a user sent ever
 * becomes part of a file path.
 */
@Component
public class Originals {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public Originals(HubProperties hub) throws IOException {
        this.root = hub.dataDir().resolve("originals");
        Files.createDirectories(root);
    }

    /** Writes the bytes under their hash (atomically; a no-op if already there). */
    public void put(String sha256, byte[] bytes) {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "incoming", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store original " + sha256, e);
        }
    }

    public Path path(String sha256) {
        if (!HASH.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public boolean exists(String sha256) {
        return Files.exists(path(sha256));
    }

    public void delete(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes of every stored original, for start-up clean-up. */
    public Set<String> hashes() {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> HASH.matcher(n).matches())
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
