package org.knowledgehub.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stanford CoreNLP (tokenize, ssplit, pos, lemma, ner with SUTime dates), its models loaded once
 * per process, in the background: the service answers searches while they load, and annotation
 * waits until they are ready.
 */
@Component
public class CoreNlpEngine {

    private static final Logger log = LoggerFactory.getLogger(CoreNlpEngine.class);

    public static final String VERSION = "Stanford CoreNLP 4.5.10";

    /** One pipeline per JVM: the models take seconds and hundreds of megabytes to load. */
    private static CompletableFuture<StanfordCoreNLP> pipeline;

    private final NlpProperties properties;
    /** Texts handed to CoreNLP and not yet annotated: waiting for the models or being tagged. */
    private final AtomicInteger annotating = new AtomicInteger();

    public CoreNlpEngine(NlpProperties properties) {
        this.properties = properties;
        if (properties.enabled()) {
            load();
        }
    }

    static synchronized CompletableFuture<StanfordCoreNLP> load() {
        if (pipeline == null) {
            pipeline = CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                StanfordCoreNLP loaded = new StanfordCoreNLP(settings());
                log.info("{} models loaded in {} s", VERSION, String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                return loaded;
            }, Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "corenlp-loader");
                t.setDaemon(true);
                return t;
            }));
        }
        return pipeline;
    }

    /** The CoreNLP settings: the annotators the issue asks for, without the slow fine-grained NER. */
    public static Properties settings() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        // A line break in the extracted text ends a block (list item, table row, paragraph).
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        // Fine-grained NER costs about 5x (TECH-NOTES); the ontology's gazetteer does its job here.
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "true");
        p.setProperty("ner.buildEntityMentions", "true");
        return p;
    }

    /** How many texts CoreNLP has in hand right now (waiting for the models or being annotated). */
    public int annotating() {
        return annotating.get();
    }

    public boolean ready() {
        CompletableFuture<StanfordCoreNLP> p = pipeline;
        return p != null && p.isDone() && !p.isCompletedExceptionally();
    }

    /**
     * Annotates a text, waiting for the models if they are still loading.
     *
     * @param documentDate anchors relative dates ("last year", "in March"); may be null
     */
    public CoreDocument annotate(String text, LocalDate documentDate) {
        CoreDocument document = new CoreDocument(text);
        if (documentDate != null) {
            document.annotation().set(CoreAnnotations.DocDateAnnotation.class, documentDate.toString());
        }
        annotating.incrementAndGet();
        try {
            pipeline().annotate(document);
        } finally {
            annotating.decrementAndGet();
        }
        return document;
    }

    /**
     * The named entities of a text of any length, annotated in pieces of at most
     * {@code kh.nlp.chunk-chars} (cut at line breaks, where CoreNLP ends sentences anyway), so that
     * memory is that of one piece; runs of characters too long to be words are left out.
     *
     * @param documentDate anchors relative dates; may be null
     * @param percentDone   told after each piece the share of the text (0 to 100) tagged so far
     */
    public List<NamedEntity> entities(String text, LocalDate documentDate, IntConsumer percentDone) {
        List<NamedEntity> out = new ArrayList<>();
        for (TextChunks.Chunk chunk : TextChunks.of(text, properties.chunkChars())) {
            CoreDocument annotated = annotate(TextChunks.withoutEndlessTokens(chunk.text(), properties.longestWord()), documentDate);
            for (CoreEntityMention e : annotated.entityMentions()) {
                out.add(new NamedEntity(e.entityType(), chunk.start() + e.charOffsets().first(),
                        chunk.start() + e.charOffsets().second(),
                        e.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class), probability(e)));
            }
            percentDone.accept((int) (100L * (chunk.start() + chunk.text().length()) / Math.max(1, text.length())));
        }
        return out;
    }

    /** CoreNLP's NamedEntityTagProbsAnnotation of the mention: the probability of its tag, if it gave one. */
    private static Double probability(CoreEntityMention e) {
        Map<String, Double> probabilities = e.entityTypeConfidences();
        if (probabilities == null) {
            return null;
        }
        Double p = probabilities.get(e.entityType());
        return p == null || p < 0 || p > 1 ? null : p;
    }

    private static StanfordCoreNLP pipeline() {
        try {
            return load().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for CoreNLP", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the CoreNLP models could not be loaded", e.getCause());
        }
    }
}
