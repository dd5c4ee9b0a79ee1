package org.knowledgehub.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ingest settings.
 *
 * @param maxTextChars most characters of text one file may yield
 * @param maxNesting   most levels a file may nest quotes, lists or elements (deeper ones are refused)
 * @param threads      documents parsed in parallel by bulk ingests (command line, corpus)
 * @param batchSize    most documents committed together by bulk ingests
 * @param batchTriples a bulk ingest's batch is also committed once its documents hold this many
 *                     triples, which bounds its memory when documents are large
 * @param commitInterval age at which a bulk ingest's batch is committed even if not full
 * @param corpusDir    folder ingested on the first start (the demo corpus)
 * @param loadCorpus   whether to ingest {@code corpusDir} on the first start
 * @param compactWaste share of the store that blocks left behind by earlier commits must exceed for
 *                     it to be compacted: in the background after a commit, and after a bulk ingest
 *                     from the command line (1 turns compaction off)
 * @param compactAbove  size below which the store is not compacted (a small store costs little to
 *                      keep as it is)
 * @param uploadWorkers  uploads (HTTP) ingested at the same time, each on a thread of its own
 * @param uploadQueue    uploads that may wait for a worker; more are refused with 503 and Retry-After
 * @param uploadsPerCaller uploads one caller may have running or waiting; more are refused with 429
 * @param retryAfter     what those refusals tell the client to wait
 * @param backgroundAbove files larger than this are ingested in the background: 202 Accepted with a
 *                       status resource, kept on disk until committed
 * @param jobsKept       how long the status of a finished background ingest stays readable
 * @param jobLease       with replicas sharing a remote store: how long a background ingest stays with
 *                       the replica running it without word from it (renewed every third of it);
 *                       then another replica takes it over
 */
@ConfigurationProperties("kh.ingest")
public record IngestProperties(
        @DefaultValue("20000000") int maxTextChars,
        @DefaultValue("2") int threads,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("1000000") long batchTriples,
        @DefaultValue("5s") Duration commitInterval,
        @DefaultValue("corpus") Path corpusDir,
        @DefaultValue("true") boolean loadCorpus,
        @DefaultValue("0.25") double compactWaste,
        @DefaultValue("256MB") DataSize compactAbove,
        @DefaultValue("100") int maxNesting,
        @DefaultValue("2") int uploadWorkers,
        @DefaultValue("8") int uploadQueue,
        @DefaultValue("3") int uploadsPerCaller,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("1MB") DataSize backgroundAbove,
        @DefaultValue("7d") Duration jobsKept,
        @DefaultValue("30s") Duration jobLease) {
}
