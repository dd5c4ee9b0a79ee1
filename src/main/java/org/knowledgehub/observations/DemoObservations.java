package org.knowledgehub.observations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.knowledgehub.DemoFiles;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ingest.IngestProperties;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.store.DemoLoads;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Contributes the demo field observations of {@code corpus/observations/} on the first start of a
 * data folder, each for the organisation it names and validated like any other; a marker in the
 * data folder records that it was done, so a withdrawn demo observation does not come back.
 */
@Component
@ConditionalOnProperty(name = "kh.ingest.load-corpus", havingValue = "true", matchIfMissing = true)
class DemoObservations implements ApplicationRunner {

    private static final Caller CORPUS = new Caller("corpus", Set.of(Role.ADMIN), null, Set.of());

    private final Observations observations;
    private final Path folder;
    private final Path marker;
    private final DemoLoads loads;

    DemoObservations(Observations observations, IngestProperties ingest, HubProperties hub, DemoLoads loads) {
        this.observations = observations;
        this.loads = loads;
        this.folder = ingest.corpusDir().resolve("observations");
        this.marker = hub.dataDir().resolve("observations-loaded");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        new DemoFiles<ObservationSubmission>("observations", new TypeReference<>() { }, s -> "the observation of " + s.organisation())
                .loadOnce(folder, marker, loads::claim, s -> observations.submit(s, CORPUS));
    }
}
