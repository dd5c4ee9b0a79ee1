package org.knowledgehub.ontology;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How alike two names are, 0..1: the share of the longer name's words the other has (words
 * compared folded), or one minus the edit distance over the length of the folded names, whichever
 * is higher. "Caritas" and "Caritas Lebanon" share half their words; "Solidarites International"
 * and "Solidarités International" are equal once folded.
 */
public final class NameSimilarity {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameSimilarity() {
    }

    public static double of(String a, String b) {
        List<String> wa = words(a);
        List<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        long shared = wa.stream().filter(wb::contains).count();
        double byWords = (double) shared / Math.max(wa.size(), wb.size());
        return Math.max(byWords, byLetters(LabelFolding.fold(a), LabelFolding.fold(b)));
    }

    /** One minus the edit distance of two folded names over the longer one's length. */
    public static double byLetters(String fa, String fb) {
        int longer = Math.max(fa.length(), fb.length());
        return longer == 0 ? 0 : 1.0 - (double) editDistance(fa, fb) / longer;
    }

    public static List<String> words(String s) {
        return WORDS.splitAsStream(s.toLowerCase(Locale.ROOT)).map(LabelFolding::fold).filter(w -> !w.isEmpty()).toList();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
