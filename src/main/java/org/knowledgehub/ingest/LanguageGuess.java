package org.knowledgehub.ingest;

import java.util.List;

import org.knowledgehub.search.TextLanguage;

/**
 * The language of a document's text, from its script and its most common words: Arabic, French
 * or English, the languages of the Lebanon response. A file's language property is often the
 * word processor's default, so the text decides.
 */
final class LanguageGuess {

    /** The languages told apart, which are also those an uploader may declare. */
    static final List<String> CODES = List.of("en", "fr", "ar");

    private static final int SAMPLE = 20_000;

    private LanguageGuess() {
    }

    /**
     * The language of one passage: its own when its script or words say so clearly (an Arabic
     * paragraph in an English report), else its document's.
     */
    static String ofPassage(String text, String documentLanguage) {
        MetadataClaim guess = infer(text);
        return !guess.method().equals("default") && guess.confidence() >= 0.7 ? guess.value()
                : documentLanguage == null ? guess.value() : documentLanguage;
    }

    static MetadataClaim infer(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        if (TextLanguage.mostlyArabic(sample)) {
            return new MetadataClaim("language", "ar", "script", 0.9);
        }
        int[] counts = new int[2];
        TextLanguage.forEachWord(sample, w -> {
            counts[0] += TextLanguage.FRENCH.contains(w) ? 1 : 0;
            counts[1] += TextLanguage.ENGLISH.contains(w) ? 1 : 0;
        });
        int french = counts[0];
        int english = counts[1];
        int total = french + english;
        if (total < 5) {
            return new MetadataClaim("language", "en", "default", 0.3);
        }
        String lang = french > english ? "fr" : "en";
        return new MetadataClaim("language", lang, "common-words", Math.round(100.0 * Math.max(french, english) / total) / 100.0);
    }
}
