package org.knowledgehub.search;

import java.util.Locale;
import java.util.Set;

/**
 * Arabic, French or English, from a text's script and its common words: the language of a
 * question or a sentence, and the word lists the ingest's guess of a document's language counts.
 */
public final class TextLanguage {

    public static final Set<String> FRENCH = Set.of("de", "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour",
            "sur", "au", "aux", "par", "qui", "que", "pas", "sont", "avec", "ces");
    public static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "are", "for", "with", "on",
            "that", "by", "was", "were", "this", "from", "as", "at", "be", "which");
    /** Words of French questions, which are short: "Combien de tentes ont été inondées à Bar Elias ?" */
    private static final Set<String> FRENCH_QUESTION = Set.of("pourquoi", "combien", "quel", "quelle", "quels", "quelles",
            "quand", "où", "comment", "à", "ont", "été");

    private TextLanguage() {
    }

    /** Whether most of a text's letters are Arabic script. */
    public static boolean mostlyArabic(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long arabic = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        return letters > 0 && arabic * 2 > letters;
    }

    /**
     * The language of a short text (a question, a sentence): Arabic by its script, French when its
     * common words (question words included) outnumber the English ones, else English.
     */
    public static String ofShortText(String text) {
        if (mostlyArabic(text)) {
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
}
