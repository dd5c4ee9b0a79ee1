package org.knowledgehub.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest settings.
 *
 * @param maxTextChars most characters of text one file may yield
 * @param maxNesting   most levels a file may nest quotes, lists or elements (deeper ones are refused)
 * @param threads      documents parsed in parallel by bulk ingests (command line, corpus)
 * @param batchSize    documents committed together by bulk ingests
 * @param commitInterval age at which a bulk ingest's batch is committed even if not full
 * @param corpusDir    folder ingested on the first start (the demo corpus)
 * @param loadCorpus   whether to ingest {@code corpusDir} on the first start
 * @param compactEvery store commits after which the service compacts the store in the background
 *                     (0 turns it off); the command line compacts after every bulk ingest
 */
@ConfigurationProperties("kh.ingest")
public record IngestProperties(
        @DefaultValue("20000000") int maxTextChars,
        @DefaultValue("2") int threads,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5s") Duration commitInterval,
        @DefaultValue("corpus") Path corpusDir,
        @DefaultValue("true") boolean loadCorpus,
        @DefaultValue("1000") int compactEvery,
        @DefaultValue("100") int maxNesting) {
}
