package org.knowledgehub.ontology;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a name to the key under which labels are compared: case, diacritics, punctuation and
 * spacing do not count ("B.O.T" = "BOT", "Zahlé" = "zahle", "UN-Habitat" = "UNHabitat"), and
 * Arabic letter variants that spelling mixes freely are unified: alef forms, teh marbuta, alef
 * maksura, tatweel, the Persian and Urdu letters of {@link ArabicLetters}, Arabic-Indic digits.
 */
public final class LabelFolding {

    private LabelFolding() {
    }

    public static String fold(String label) {
        if (isAscii(label)) {
            return foldAscii(label);
        }
        String s = Normalizer.normalize(label, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = ArabicLetters.fold(s.charAt(i));
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ة' -> out.append('ه');
                case 'ى' -> out.append('ي');
                case 'ـ' -> { } // tatweel, a stretch of the line
                default -> {
                    if (Character.isDigit(c)) {
                        out.append(Character.forDigit(Character.digit(c, 10), 10));
                    } else if (Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The same folding for the common case, without normalising: ingest folds every word it looks up. */
    private static String foldAscii(String label) {
        StringBuilder out = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
