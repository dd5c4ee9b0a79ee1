package org.knowledgehub.search;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

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
        // One pass, ASCII without a script lookup: ingest asks this of every passage.
        long letters = 0;
        long arabic = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? 1 : 0;
                continue;
            }
            letters += Character.isLetter(c) ? 1 : 0;
            arabic += Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC ? 1 : 0;
        }
        return letters > 0 && arabic * 2 > letters;
    }

    /** Each run of letters of a text, lower-cased: the words the common-word counts look up. */
    public static void forEachWord(String text, Consumer<String> word) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < n && Character.isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                word.accept(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The language of a short text (a question, a sentence): Arabic by its script, French when its
     * common words (question words included) outnumber the English ones, else English.
     */
    public static String ofShortText(String text) {
        if (mostlyArabic(text)) {
            return "ar";
        }
        int[] french = new int[1];
        int[] english = new int[1];
        forEachWord(text, w -> {
            french[0] += FRENCH.contains(w) || FRENCH_QUESTION.contains(w) ? 1 : 0;
            english[0] += ENGLISH.contains(w) ? 1 : 0;
        });
        return french[0] > english[0] ? "fr" : "en";
    }
}
