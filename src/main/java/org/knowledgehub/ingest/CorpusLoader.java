package org.knowledgehub.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.knowledgehub.HubProperties;
import org.knowledgehub.store.DemoLoads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Ingests the demo corpus on the first start, and never again on that data folder: a marker in the
 * data folder records that it was done (the command line ingests a changed corpus on demand).
 */
@Component
@ConditionalOnProperty(name = "kh.ingest.load-corpus", havingValue = "true", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the demo questions, whose accepted answers are passages of these documents
class CorpusLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CorpusLoader.class);

    private final IngestService ingest;
    private final IngestProperties properties;
    private final Path marker;
    private final DemoLoads loads;

    CorpusLoader(IngestService ingest, IngestProperties properties, HubProperties hub, DemoLoads loads) {
        this.ingest = ingest;
        this.loads = loads;
        this.properties = properties;
        this.marker = hub.dataDir().resolve("corpus-loaded");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path corpus = properties.corpusDir();
        if (Files.exists(marker)) {
            log.info("Demo corpus already loaded into this data folder ({}); not ingesting it again", marker);
            return;
        }
        if (!Files.isDirectory(corpus)) {
            log.info("No corpus folder at {}; starting with an empty hub", corpus.toAbsolutePath());
            return;
        }
        if (!loads.claim(marker)) {
            return;
        }
        log.info("First start: ingesting the corpus in {}", corpus.toAbsolutePath());
        IngestRate rate = new IngestRate();
        BulkReport report = ingest.ingestAll(FolderSources.of(corpus, "corpus"), (done, total, source, outcome, failure) -> {
            if (failure != null) {
                log.warn("Corpus file {} not ingested: {}", source, failure);
            }
            if (IngestRate.newTenth(done, total)) {
                log.info("Corpus {}", rate.after(done, total));
            }
        });
        Files.writeString(marker, Instant.now() + " " + report.documents() + " documents from " + corpus.toAbsolutePath() + "\n");
        log.info("Corpus loaded: {} documents, {} passages, {} failures", report.documents(), report.passages(),
                report.failures().size());
    }
}
