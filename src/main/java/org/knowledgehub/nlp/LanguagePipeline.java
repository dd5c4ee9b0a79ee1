package org.knowledgehub.nlp;

import java.util.Map;
import java.util.Properties;

import edu.stanford.nlp.pipeline.CoreEntityMention;

/**
 * Which CoreNLP pipeline annotates a text, by the text's language: English (the default, see
 * {@link CoreNlpEngine#settings()}), French or Arabic, from CoreNLP's own French and Arabic model
 * jars. French: tokenize, ssplit and the WikiNER CRF (persons, organisations, places, misc), without
 * a part-of-speech tagger, which its NER does not use and nothing else here needs. Arabic: the clitic
 * segmenter as tokenizer (its tokens keep their offsets in the original text, and read Arabic-Indic
 * digits as digits) and ssplit that also ends sentences at "؟"; not the part-of-speech tagger (20 MB
 * more), which nothing here reads. CoreNLP has no Arabic NER: the gazetteer finds Arabic names.
 */
public enum LanguagePipeline {

    ENGLISH("en", "tokenize, ssplit, pos, lemma, ner, SUTime"),
    FRENCH("fr", "French models: tokenize, ssplit, ner (WikiNER, 4 classes)"),
    ARABIC("ar", "Arabic models: tokenize (clitic segmenter), ssplit");

    /** The French NER's classes in the English NER's names, which the linker reads. */
    private static final Map<String, String> FRENCH_TYPES = Map.of("PER", "PERSON", "ORG", "ORGANIZATION", "LOC", "LOCATION");

    private final String code;
    private final String annotators;

    LanguagePipeline(String code, String annotators) {
        this.code = code;
        this.annotators = annotators;
    }

    /** The pipeline for a language code ("fr", "ar"); English for any other code and for null. */
    public static LanguagePipeline of(String language) {
        return "fr".equals(language) ? FRENCH : "ar".equals(language) ? ARABIC : ENGLISH;
    }

    public String code() {
        return code;
    }

    /** The name of the program in provenance: "corenlp" for English as before, "corenlp-fr", "corenlp-ar". */
    public String agentName() {
        return this == ENGLISH ? "corenlp" : "corenlp-" + code;
    }

    /** What the program is, for the provenance agent's label. */
    public String description() {
        return CoreNlpEngine.VERSION + " (annotate stage: " + annotators + ")";
    }

    /** The settings of the French or Arabic pipeline: those of the models' jar, without parsers. */
    Properties settings() {
        Properties p = new Properties();
        // A line break in the extracted text ends a block (list item, table row, paragraph).
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        switch (this) {
            case FRENCH -> {
                p.setProperty("annotators", "tokenize,ssplit,ner");
                p.setProperty("tokenize.language", "fr");
                p.setProperty("ner.model", "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz");
                // SUTime and the numeric classifiers read English.
                p.setProperty("ner.applyNumericClassifiers", "false");
                p.setProperty("ner.useSUTime", "false");
                p.setProperty("ner.applyFineGrained", "false");
                p.setProperty("ner.buildEntityMentions", "true");
            }
            case ARABIC -> {
                p.setProperty("annotators", "tokenize,ssplit");
                p.setProperty("tokenize.language", "ar");
                p.setProperty("segment.model", "edu/stanford/nlp/models/segmenter/arabic/arabic-segmenter-atb+bn+arztrain.ser.gz");
                p.setProperty("ssplit.boundaryTokenRegex", "[.]|[!?]+|[!\u061F]+");
            }
            case ENGLISH -> throw new IllegalStateException("English settings are CoreNlpEngine.settings()");
        }
        return p;
    }

    /** The entity's class in the English NER's names (PERSON, ORGANIZATION, LOCATION), which the linker reads. */
    String coarseType(String type) {
        return FRENCH_TYPES.getOrDefault(type, type);
    }

    /** The probability the French CRF gave the entity's tag, which it keys "I-ORG" rather than "ORG"; null if none. */
    Double probability(CoreEntityMention e) {
        Map<String, Double> probabilities = e.entityTypeConfidences();
        if (probabilities == null) {
            return null;
        }
        Double p = probabilities.getOrDefault(e.entityType(), probabilities.get("I-" + e.entityType()));
        return p == null || p < 0 || p > 1 ? null : p;
    }
}
