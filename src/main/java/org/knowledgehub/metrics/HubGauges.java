package org.knowledgehub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.knowledgehub.ingest.IngestJobs;
import org.knowledgehub.nlp.CoreNlpEngine;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.PassageVectors;
import org.knowledgehub.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * The hub's sizes and queues as gauges on {@code /actuator/prometheus}: store and index on disk,
 * passages indexed, uploads waiting or running, texts in CoreNLP's hands and passages still
 * without their sentence embedding. Each is read when the metrics are scraped.
 */
@Component
class HubGauges implements MeterBinder {

    private final KnowledgeStore store;
    private final PassageIndex index;
    private final PassageVectors vectors;
    private final IngestJobs jobs;
    private final CoreNlpEngine nlp;

    HubGauges(KnowledgeStore store, PassageIndex index, PassageVectors vectors, IngestJobs jobs, CoreNlpEngine nlp) {
        this.store = store;
        this.index = index;
        this.vectors = vectors;
        this.jobs = jobs;
        this.nlp = nlp;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("kh.store.size", store, KnowledgeStore::sizeOnDisk).baseUnit("bytes")
                .description("Bytes of the TDB2 store on disk").register(meters);
        Gauge.builder("kh.index.size", index, PassageIndex::sizeOnDisk).baseUnit("bytes")
                .description("Bytes of the search index on disk").register(meters);
        Gauge.builder("kh.index.passages", index, PassageIndex::count)
                .description("Passages in the search index").register(meters);
        Gauge.builder("kh.ingest.uploads", jobs, IngestJobs::admitted)
                .description("Uploads being ingested or waiting for an ingest worker").register(meters);
        Gauge.builder("kh.nlp.annotating", nlp, CoreNlpEngine::annotating)
                .description("Texts handed to CoreNLP and not yet annotated (waiting for the models or being tagged)")
                .register(meters);
        Gauge.builder("kh.embedding.backlog", vectors, PassageVectors::pending)
                .description("Passages committed without their sentence embedding so far").register(meters);
    }
}
