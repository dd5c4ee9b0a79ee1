package org.knowledgehub.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 * waits until they are ready. French and Arabic texts have pipelines of their own
 * ({@link LanguagePipeline}), each loaded the first time a text in its language is annotated.
 */
@Component
public class CoreNlpEngine {

    private static final Logger log = LoggerFactory.getLogger(CoreNlpEngine.class);

    public static final String VERSION = "Stanford CoreNLP 4.5.10";

    /** One pipeline per JVM: the models take seconds and hundreds of megabytes to load. */
    private static CompletableFuture<StanfordCoreNLP> pipeline;
    /** The French and Arabic pipelines asked for so far, by language code; loaded once per JVM too. */
    private static final Map<String, CompletableFuture<StanfordCoreNLP>> others = new ConcurrentHashMap<>();

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

    /** The languages whose pipelines are loaded: "en" once its models are, then "fr" and "ar" as texts in them came. */
    public static Set<String> loadedLanguages() {
        Set<String> out = new TreeSet<>();
        CompletableFuture<StanfordCoreNLP> p = pipeline;
        if (p != null && p.isDone() && !p.isCompletedExceptionally()) {
            out.add("en");
        }
        others.forEach((language, f) -> {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                out.add(language);
            }
        });
        return out;
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
     * Annotates a text with the pipeline of its language ({@link LanguagePipeline#of}), loading that
     * pipeline first if no text in the language came before.
     *
     * @param language     ISO 639-1 code of the text's language; null or one without a pipeline of its own: English
     * @param documentDate anchors English relative dates; may be null
     */
    public CoreDocument annotate(String text, String language, LocalDate documentDate) {
        LanguagePipeline chosen = LanguagePipeline.of(language);
        if (chosen == LanguagePipeline.ENGLISH) {
            return annotate(text, documentDate);
        }
        CoreDocument document = new CoreDocument(text);
        annotating.incrementAndGet();
        try {
            pipeline(chosen).annotate(document);
        } finally {
            annotating.decrementAndGet();
        }
        return document;
    }

    /**
     * The named entities of a text in a given language. English: as {@link #entities(String, LocalDate,
     * IntConsumer)}. French: the French NER's persons, organisations and places. Arabic: none from a
     * NER, CoreNLP has no Arabic one. Both add the percentages their tokens show, French its dates of
     * a month and a year ({@link TokenFigures}), in place of SUTime, which reads English only.
     *
     * @param language     ISO 639-1 code of the text's language; null: English
     * @param documentDate anchors English relative dates; may be null
     */
    public List<NamedEntity> entities(String text, String language, LocalDate documentDate, IntConsumer percentDone) {
        LanguagePipeline chosen = LanguagePipeline.of(language);
        if (chosen == LanguagePipeline.ENGLISH) {
            return entities(text, documentDate, percentDone);
        }
        List<NamedEntity> out = new ArrayList<>();
        for (TextChunks.Chunk chunk : TextChunks.of(text, properties.chunkChars())) {
            String piece = TextChunks.withoutEndlessTokens(chunk.text(), properties.longestWord());
            CoreDocument annotated = annotate(piece, language, documentDate);
            List<NamedEntity> found = new ArrayList<>();
            // The Arabic pipeline has no NER, hence no entity mentions at all.
            List<CoreEntityMention> mentions = annotated.entityMentions() == null ? List.of() : annotated.entityMentions();
            for (CoreEntityMention e : mentions) {
                found.add(new NamedEntity(chosen.coarseType(e.entityType()), e.charOffsets().first(), e.charOffsets().second(),
                        null, chosen.probability(e)));
            }
            found.addAll(TokenFigures.find(piece, annotated.tokens(), chosen == LanguagePipeline.FRENCH));
            found.sort(Comparator.comparingInt(NamedEntity::start));
            found.forEach(e -> out.add(new NamedEntity(e.type(), chunk.start() + e.start(), chunk.start() + e.end(), e.normalized(),
                    e.probability())));
            percentDone.accept((int) (100L * (chunk.start() + chunk.text().length()) / Math.max(1, text.length())));
        }
        return out;
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

    /** The French or Arabic pipeline, loaded on a thread of its own the first time it is asked for, then kept. */
    private static StanfordCoreNLP pipeline(LanguagePipeline language) {
        CompletableFuture<StanfordCoreNLP> loading = others.computeIfAbsent(language.code(),
                code -> CompletableFuture.supplyAsync(() -> {
                    long t0 = System.nanoTime();
                    StanfordCoreNLP loaded = new StanfordCoreNLP(language.settings());
                    log.info("{} {} models loaded in {} s", VERSION, code, String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                    return loaded;
                }, r -> {
                    Thread t = new Thread(r, "corenlp-loader-" + code);
                    t.setDaemon(true);
                    t.start();
                }));
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for CoreNLP " + language.code(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the CoreNLP " + language.code() + " models could not be loaded", e.getCause());
        }
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
