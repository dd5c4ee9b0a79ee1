package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.nlp.CoreNlpEngine;
import org.knowledgehub.nlp.EntityLinker;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.NlpProperties;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.ReportSeries;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ingest chain, an explicit ordered list of named stages:
 * parse → segment → minutes → metadata → annotate → link → mask → graph → observation → index
 * (sentence embeddings are made after the commit, see {@link org.knowledgehub.search.PassageVectors}).
 * Running the chain changes nothing stored; committing its result is the committer's job.
 * Everything after mask sees the masked text only. Each stage's time goes to the metric
 * {@code kh.ingest.stage} tagged with the stage's name.
 */
@Component
class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final List<IngestStage> stages;
    private final Map<String, Timer> stageTimers;

    IngestPipeline(IngestProperties properties, NlpProperties nlp, Uris uris, OrganisationDirectory organisations,
                   ConceptLabels labels, ReportSeries series, CoreNlpEngine engine, EntityLinker entityLinker,
                   Gazetteer gazetteer, MeterRegistry meters) {
        String version = KnowledgeHubApplication.version();
        OrganisationLinker linker = new OrganisationLinker(organisations, uris);
        this.stages = List.of(
                new ParseStage(new DocumentParser(properties.maxTextChars(), properties.maxNesting())),
                new SegmentStage(),
                new MinutesStage(),
                new MetadataStage(series, gazetteer),
                new AnnotateStage(engine, nlp.enabled()),
                new LinkStage(entityLinker),
                new MaskStage(),
                new GraphStage(uris, linker, labels, version, List.of("index"), gazetteer.version(), nlp.organisationThreshold()),
                new ObservationStage(uris),
                new IndexStage(uris, labels));
        this.stageTimers = stages.stream().collect(Collectors.toMap(IngestStage::name, stage -> Timer.builder("kh.ingest.stage")
                .description("Time a document spends in one stage of the ingest chain")
                .tag("stage", stage.name()).register(meters), (a, b) -> a));
    }

    List<String> stageNames() {
        return stages.stream().map(IngestStage::name).toList();
    }

    DocumentContext run(IngestRequest request, String id, String contentHash, String stamp) {
        return run(request, id, contentHash, stamp, IngestProgress.NONE);
    }

    DocumentContext run(IngestRequest request, String id, String contentHash, String stamp, IngestProgress progress) {
        DocumentContext doc = new DocumentContext(request, id, contentHash, stamp, progress);
        List<String> timings = new ArrayList<>();
        for (IngestStage stage : stages) {
            if (!stage.accepts(doc)) {
                continue;
            }
            progress.stage(stage.name());
            long t0 = System.nanoTime();
            stage.process(doc);
            long nanos = System.nanoTime() - t0;
            stageTimers.get(stage.name()).record(nanos, TimeUnit.NANOSECONDS);
            doc.stagesRun.add(stage.name());
            timings.add(stage.name() + "=" + nanos / 1_000_000 + "ms");
        }
        log.debug("Pipeline {} ({}): {}", id, request.sourceName(), String.join(" ", timings));
        return doc;
    }
}
