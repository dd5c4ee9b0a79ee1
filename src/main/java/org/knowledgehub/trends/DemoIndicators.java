package org.knowledgehub.trends;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ingest.IngestProperties;
import org.knowledgehub.store.DemoLoads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Imports the demo indicator tables of {@code corpus/indicators/} (listed with their source in its
 * {@code catalog.csv}) on the first start of a data folder, as the demo corpus is ingested; a
 * marker in the data folder records that it was done, so the tables are not imported again as
 * further editions.
 */
@Component
@ConditionalOnProperty(name = "kh.ingest.load-corpus", havingValue = "true", matchIfMissing = true)
class DemoIndicators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIndicators.class);

    private final IndicatorImporter importer;
    private final Path folder;
    private final Path marker;
    private final DemoLoads loads;

    DemoIndicators(IndicatorImporter importer, IngestProperties ingest, HubProperties hub, DemoLoads loads) {
        this.importer = importer;
        this.loads = loads;
        this.folder = ingest.corpusDir().resolve("indicators");
        this.marker = hub.dataDir().resolve("indicators-loaded");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path catalog = folder.resolve("catalog.csv");
        if (Files.exists(marker) || !Files.isRegularFile(catalog) || !loads.claim(marker)) {
            return;
        }
        int observations = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(catalog, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                Path file = folder.resolve(r.get("path")).normalize();
                try {
                    ImportReport report = importer.importTable(new IndicatorImporter.Request(Files.readAllBytes(file),
                            file.getFileName().toString(), r.get("format"), r.get("source"), r.get("year"), r.get("population"),
                            r.isMapped("sector") ? r.get("sector") : null, r.get("sensitivity"), "corpus"));
                    observations += report.observations();
                } catch (ErrorResponseException e) {
                    log.warn("Demo indicator table {} not imported: {}", file, e.getBody().getDetail());
                } catch (IOException | RuntimeException e) {
                    log.warn("Demo indicator table {} not imported: {}", file, e.toString());
                }
            }
        }
        Files.writeString(marker, Instant.now() + " " + observations + " observations from " + folder.toAbsolutePath() + "\n");
        log.info("Demo indicator tables imported: {} observations from {}", observations, folder);
    }
}
