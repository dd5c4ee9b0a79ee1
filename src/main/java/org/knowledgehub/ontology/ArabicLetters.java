package org.knowledgehub.ontology;

import java.util.Map;

/**
 * The Persian and Urdu letters that Arabic-script text from the region mixes in (a keyboard's
 * keheh for kaf, farsi yeh for yeh, peh and gaf in borrowed names), each with the Arabic letter a
 * reader would write for it. The index and the gazetteer fold them alike, so that either spelling
 * finds and links the same word.
 */
public final class ArabicLetters {

    /** Letter to its Arabic counterpart. */
    public static final Map<Character, Character> VARIANTS = Map.ofEntries(
            Map.entry('\u06A9', 'ك'), // keheh
            Map.entry('\u06AF', 'ك'), // gaf
            Map.entry('\u06CC', 'ي'), // farsi yeh
            Map.entry('\u06D2', 'ي'), // yeh barree (Urdu)
            Map.entry('\u067E', 'ب'), // peh
            Map.entry('\u0686', 'ج'), // tcheh
            Map.entry('\u0698', 'ز'), // jeh
            Map.entry('\u06A4', 'ف'), // veh
            Map.entry('\u0679', 'ت'), // tteh (Urdu)
            Map.entry('\u0688', 'د'), // ddal (Urdu)
            Map.entry('\u0691', 'ر'), // rreh (Urdu)
            Map.entry('\u06BA', 'ن'), // noon ghunna (Urdu)
            Map.entry('\u06C1', 'ه'), // heh goal (Urdu)
            Map.entry('\u06BE', 'ه'), // heh doachashmee (Urdu)
            Map.entry('\u06C0', 'ه')); // heh with yeh above

    private ArabicLetters() {
    }

    /** The Arabic letter for a Persian or Urdu one; any other character as it is. */
    public static char fold(char c) {
        return VARIANTS.getOrDefault(c, c);
    }

    /** Whether a text holds any character of the Arabic script. */
    public static boolean anyIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0600' && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
                return true;
            }
        }
        return false;
    }
}
