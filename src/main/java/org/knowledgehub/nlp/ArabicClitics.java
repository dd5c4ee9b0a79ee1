package org.knowledgehub.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * The letters Arabic writes attached before a word: the conjunctions و ("and") and ف ("so"), the
 * prepositions ب ("in", "with"), ل ("for") and ك ("as"), and the article ال, which after ل is
 * written لل. "وبزحلة" is "and in Zahle", "للمنية" "for Minieh". Works on folded words
 * ({@link org.knowledgehub.ontology.LabelFolding}).
 */
final class ArabicClitics {

    /** Letters a word keeps after its clitics are removed: shorter, "بر" or "صور" would lose letters of their own. */
    private static final int MIN_LENGTH = 3;

    private ArabicClitics() {
    }

    /** A word without clitics, and how many letters were removed from its start. */
    record Bare(String word, int removed) {
    }

    /**
     * The word without a conjunction, without a conjunction and a preposition, and with لل read as
     * ل + ال: each form the name a text gives may hide behind ("وبزحلة": "بزحلة", "زحلة").
     */
    static List<Bare> withoutPrefixes(String word) {
        List<Bare> out = new ArrayList<>();
        int at = 0;
        if (startsWithAny(word, at, "وف") && word.length() - 1 >= MIN_LENGTH) {
            at = 1;
            out.add(new Bare(word.substring(at), at));
        }
        if (word.startsWith("لل", at) && word.length() - at >= MIN_LENGTH + 1) {
            out.add(new Bare("ا" + word.substring(at + 1), at)); // ل + ال: the removed letter is the ل
        } else if (startsWithAny(word, at, "بلك") && word.length() - at - 1 >= MIN_LENGTH) {
            out.add(new Bare(word.substring(at + 1), at + 1));
        }
        return out;
    }

    /** An Arabic word without its article ("المياه": "مياه"); other words as they are. */
    static String withoutArticle(String word) {
        return word.startsWith("ال") && word.length() - 2 >= MIN_LENGTH - 1 ? word.substring(2) : word;
    }

    private static boolean startsWithAny(String word, int at, String letters) {
        return word.length() > at && letters.indexOf(word.charAt(at)) >= 0;
    }
}
