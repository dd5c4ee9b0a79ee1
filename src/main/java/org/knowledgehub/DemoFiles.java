package org.knowledgehub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data kept as JSON lists in a folder of the corpus (observations, research questions), given
 * to the hub on the first start of a data folder only: a marker file in the data folder records that
 * it was done, so what users later withdraw, close or review differently does not come back. An
 * item the hub refuses is logged and the others still go in.
 */
public final class DemoFiles<T> {

    private static final Logger log = LoggerFactory.getLogger(DemoFiles.class);

    private final String what;
    private final TypeReference<List<T>> type;
    private final Function<T, String> name;

    /**
     * @param what plural of what the files hold, for the log ("observations")
     * @param name how the log names one item that was refused
     */
    public DemoFiles(String what, TypeReference<List<T>> type, Function<T, String> name) {
        this.what = what;
        this.type = type;
        this.name = name;
    }

    /**
     * Gives every item of the {@code *.json} files of {@code folder} to {@code load}, unless {@code
     * marker} exists or {@code claim} refuses it (another replica did it).
     */
    public void loadOnce(Path folder, Path marker, Predicate<Path> claim, Consumer<T> load) throws IOException {
        if (Files.exists(marker) || !Files.isDirectory(folder) || !claim.test(marker)) {
            return;
        }
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        JsonMapper json = JsonMapper.builder().build();
        int loaded = 0;
        for (Path file : files) {
            for (T item : json.readValue(file.toFile(), type)) {
                try {
                    load.accept(item);
                    loaded++;
                } catch (ErrorResponseException e) {
                    log.warn("Demo {} in {}: {} not taken: {} {}", what, file.getFileName(), name.apply(item), e.getBody().getDetail(),
                            e.getBody().getProperties());
                }
            }
        }
        Files.writeString(marker, Instant.now() + " " + loaded + " " + what + " from " + folder.toAbsolutePath() + "\n");
        log.info("Demo {} loaded: {} from {}", what, loaded, folder);
    }
}
