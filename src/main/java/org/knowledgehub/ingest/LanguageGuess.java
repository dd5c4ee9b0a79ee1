package org.knowledgehub.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language of a document's text, from its script and its most common words: Arabic, French
 * or English, the languages of the Lebanon response. A file's language property is often the
 * word processor's default, so the text decides.
 */
public final class LanguageGuess {

    /** The languages told apart, which are also those an uploader may declare. */
    static final List<String> CODES = List.of("en", "fr", "ar");

    private static final int SAMPLE = 20_000;
    private static final Set<String> FRENCH = Set.of("de", "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour",
            "sur", "au", "aux", "par", "qui", "que", "pas", "sont", "avec", "ces");
    private static final Set<String> FRENCH_QUESTION = Set.of("pourquoi", "combien", "quel", "quelle", "quels", "quelles",
            "quand", "où", "comment", "qui", "à", "ont", "été");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "are", "for", "with", "on",
            "that", "by", "was", "were", "this", "from", "as", "at", "be", "which");

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

    /**
     * The language of a short text (a question, a sentence): Arabic by its script, French when its
     * common words (question words included) outnumber the English ones, else English.
     */
    public static String ofShortText(String text) {
        if (arabic(text)) {
            return "ar";
        }
        int french = 0;
        int english = 0;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            french += FRENCH.contains(w) || FRENCH_QUESTION.contains(w) ? 1 : 0;
            english += ENGLISH.contains(w) ? 1 : 0;
        }
        return french > english ? "fr" : "en";
    }

    private static boolean arabic(String sample) {
        long letters = sample.codePoints().filter(Character::isLetter).count();
        long arabic = sample.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        return letters > 0 && arabic * 2 > letters;
    }

    static MetadataClaim infer(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        if (arabic(sample)) {
            return new MetadataClaim("language", "ar", "script", 0.9);
        }
        int french = 0;
        int english = 0;
        for (String w : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            french += FRENCH.contains(w) ? 1 : 0;
            english += ENGLISH.contains(w) ? 1 : 0;
        }
        int total = french + english;
        if (total < 5) {
            return new MetadataClaim("language", "en", "default", 0.3);
        }
        String lang = french > english ? "fr" : "en";
        return new MetadataClaim("language", lang, "common-words", Math.round(100.0 * Math.max(french, english) / total) / 100.0);
    }
}
