package org.knowledgehub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.knowledgehub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The original bytes of every document, stored by SHA-256 so that no name a user sent ever
 * becomes part of a file path: in the data folder, or with a remote store in that store
 * ({@link StoredOriginals}), so that replicas sharing it serve each other's uploads.
 */
@Component
public class Originals {

    private static final Logger log = LoggerFactory.getLogger(Originals.class);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String SYSTEM_GRAPH = "originals";

    private final Path root;
    /** Null: in the data folder. */
    private final StoredOriginals shared;

    public Originals(HubProperties hub, KnowledgeStore store, Uris uris) throws IOException {
        this.root = hub.dataDir().resolve("originals");
        this.shared = store.remote().map(remote -> new StoredOriginals(remote, uris.systemGraph(SYSTEM_GRAPH))).orElse(null);
        if (shared == null) {
            Files.createDirectories(root);
            Node graph = uris.systemGraph(SYSTEM_GRAPH);
            if (store.readAll(d -> d.containsGraph(graph))) {
                moveStoreIntoFolder(store, graph);
            }
        } else if (Files.isDirectory(root)) {
            moveFolderIntoStore();
        }
    }

    /**
     * The originals a remote store kept, in the embedded store of a data folder made by {@code bin/kh
     * migrate from}: written to the folder, then their graph is dropped.
     */
    private void moveStoreIntoFolder(KnowledgeStore store, Node graph) {
        int[] moved = {0};
        store.readAll(d -> {
            StoredOriginals.forEachIn(d, graph, (hash, bytes) -> {
                put(hash, bytes);
                moved[0]++;
            });
            return null;
        });
        try (KnowledgeStore.WriteTransaction write = store.beginWrite()) {
            write.deleteGraph(graph);
            write.commit();
        }
        log.info("Moved the {} original files the store kept into {}", moved[0], root);
    }

    /**
     * The originals of a data folder whose hub now keeps them in a remote store (after {@code bin/kh
     * migrate to}): written to the store, the folder kept beside, renamed, so a later start does not
     * write them again.
     */
    private void moveFolderIntoStore() throws IOException {
        Set<String> hashes = folderHashes();
        for (String hash : hashes) {
            shared.put(hash, Files.readAllBytes(path(hash)));
        }
        Path kept = root.resolveSibling(root.getFileName() + ".in-store");
        Files.move(root, kept);
        log.info("Moved the {} original files in {} into the shared store; the folder is now {}", hashes.size(), root, kept);
    }

    /** Writes the bytes under their hash (atomically; a no-op if already there). */
    public void put(String sha256, byte[] bytes) {
        if (shared != null) {
            shared.put(checked(sha256), bytes);
            return;
        }
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

    /** The original, if it is kept. */
    public Optional<Resource> resource(String sha256) {
        if (shared != null) {
            return Optional.ofNullable(shared.get(checked(sha256))).map(ByteArrayResource::new);
        }
        Path path = path(sha256);
        return Files.exists(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
    }

    /** Copies the original to {@code target}; false if it is not kept (its document was replaced meanwhile). */
    public boolean copyTo(String sha256, Path target) throws IOException {
        Optional<Resource> original = resource(sha256);
        if (original.isEmpty()) {
            return false;
        }
        try (var in = original.get().getInputStream()) {
            Files.copy(in, target);
        } catch (NoSuchFileException gone) {
            return false;
        }
        return true;
    }

    public boolean exists(String sha256) {
        return shared != null ? shared.exists(checked(sha256)) : Files.exists(path(sha256));
    }

    public void delete(String sha256) {
        if (shared != null) {
            shared.delete(checked(sha256));
            return;
        }
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes of every stored original, for start-up clean-up. */
    public Set<String> hashes() {
        return shared != null ? shared.hashes() : folderHashes();
    }

    private Set<String> folderHashes() {
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

    private Path path(String sha256) {
        return root.resolve(checked(sha256).substring(0, 2)).resolve(sha256);
    }

    private static String checked(String sha256) {
        if (!HASH.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return sha256;
    }
}
