package org.knowledgehub.observations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.knowledgehub.HubProperties;
import org.knowledgehub.ingest.IngestProperties;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contributes the demo field observations of {@code corpus/observations/} on the first start of a
 * data folder, each for the organisation it names and validated like any other; a marker in the
 * data folder records that it was done, so a withdrawn demo observation does not come back.
 */
@Component
@ConditionalOnProperty(name = "kh.ingest.load-corpus", havingValue = "true", matchIfMissing = true)
class DemoObservations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoObservations.class);
    private static final Caller CORPUS = new Caller("corpus", Set.of(Role.ADMIN), null, Set.of());

    private final Observations observations;
    private final Path folder;
    private final Path marker;

    DemoObservations(Observations observations, IngestProperties ingest, HubProperties hub) {
        this.observations = observations;
        this.folder = ingest.corpusDir().resolve("observations");
        this.marker = hub.dataDir().resolve("observations-loaded");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (Files.exists(marker) || !Files.isDirectory(folder)) {
            return;
        }
        int contributed = 0;
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : files) {
            List<ObservationSubmission> submissions = json.readValue(file.toFile(), new TypeReference<>() { });
            for (ObservationSubmission s : submissions) {
                try {
                    observations.submit(s, CORPUS);
                    contributed++;
                } catch (ErrorResponseException e) {
                    log.warn("Demo observation of {} in {} not contributed: {} {}", s.organisation(), file.getFileName(),
                            e.getBody().getDetail(), e.getBody().getProperties());
                }
            }
        }
        Files.writeString(marker, Instant.now() + " " + contributed + " observations from " + folder.toAbsolutePath() + "\n");
        log.info("Demo observations contributed: {} from {}", contributed, folder);
    }
}
