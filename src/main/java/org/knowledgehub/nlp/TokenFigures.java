package org.knowledgehub.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import edu.stanford.nlp.ling.CoreLabel;

/**
 * What SUTime and the numeric classifiers find in English, read from the tokens of the French and
 * Arabic pipelines, which have neither: percentages ("40 %", "٤٠٪") and, in French, dates of a month
 * and a year ("mars 2023", "12 mars 2023"). Offsets are those of the tokens, in the annotated text.
 */
final class TokenFigures {

    private static final Map<String, Integer> FRENCH_MONTHS = Map.ofEntries(Map.entry("janvier", 1), Map.entry("fevrier", 2),
            Map.entry("mars", 3), Map.entry("avril", 4), Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7),
            Map.entry("aout", 8), Map.entry("septembre", 9), Map.entry("octobre", 10), Map.entry("novembre", 11),
            Map.entry("decembre", 12));

    private TokenFigures() {
    }

    /** The figures among the tokens of {@code text}; each token's own characters are read, not its normalised word. */
    static List<NamedEntity> find(String text, List<CoreLabel> tokens, boolean frenchDates) {
        List<String> words = tokens.stream().map(t -> text.substring(t.beginPosition(), t.endPosition())).toList();
        List<NamedEntity> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = western(words.get(i));
            // The Arabic segmenter leaves "and" attached to a number: "و35".
            int prefix = word.matches("[وفبل]\\d.*") ? 1 : 0;
            String number = word.substring(prefix);
            if (number.matches("\\d[\\d.,]*[%٪]")) {
                out.add(percent(tokens.get(i), prefix, tokens.get(i)));
            } else if (number.matches("\\d[\\d.,]*") && i + 1 < tokens.size() && words.get(i + 1).matches("[%٪]")) {
                out.add(percent(tokens.get(i), prefix, tokens.get(i + 1)));
                i++;
            } else if (frenchDates && FRENCH_MONTHS.containsKey(folded(word)) && i + 1 < tokens.size()
                    && words.get(i + 1).matches("(19|20)\\d\\d")) {
                String month = "%s-%02d".formatted(words.get(i + 1), FRENCH_MONTHS.get(folded(word)));
                String day = i > 0 ? words.get(i - 1).replace("er", "") : "";
                boolean withDay = day.matches("[1-9]|[12]\\d|3[01]");
                out.add(new NamedEntity("DATE", tokens.get(withDay ? i - 1 : i).beginPosition(), tokens.get(i + 1).endPosition(),
                        withDay ? month + "-%02d".formatted(Integer.parseInt(day)) : month, null));
                i++;
            }
        }
        return out;
    }

    private static NamedEntity percent(CoreLabel first, int skipped, CoreLabel last) {
        return new NamedEntity("PERCENT", first.beginPosition() + skipped, last.endPosition(), null, null);
    }

    /** Digits of any script as ASCII digits: "٤٠" is "40". */
    static String western(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String folded(String word) {
        return Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
