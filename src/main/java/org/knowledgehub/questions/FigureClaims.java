package org.knowledgehub.questions;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.springframework.stereotype.Component;

/**
 * The headline figure a sentence gives for an indicator: "49% of households are moderately or
 * severely food insecure, compared to 29% in 2019" claims 49% for the indicator, the sentence's
 * area (Lebanon when none) and the year of the text (2019 belongs to the 29%). Only sentences
 * that name exactly one indicator make a claim, so a figure is never attributed by guesswork.
 */
@Component
class FigureClaims {

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?(?:%|per ?cent)");
    private static final Pattern YEAR = Pattern.compile("\\b(19[89]\\d|20[0-4]\\d)\\b");
    /** How far after a figure its own year may stand ("29% in 2019"). */
    private static final int OWN_YEAR_WINDOW = 12;

    /** A figure given for an indicator, area and year, with the sentence that gives it. */
    record Claim(String indicator, String area, int year, String value, String sentence) {
    }

    private final Gazetteer gazetteer;
    private final ConceptLabels labels;

    FigureClaims(Gazetteer gazetteer, ConceptLabels labels) {
        this.gazetteer = gazetteer;
        this.labels = labels;
    }

    /**
     * @param textYear the year the text speaks of when a sentence does not say (its document's);
     *                 0 when unknown
     */
    List<Claim> in(String text, int textYear) {
        List<Claim> out = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            claim(text.substring(start, end).strip(), textYear).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Claim> claim(String sentence, int textYear) {
        Set<String> indicators = new HashSet<>();
        Set<String> areas = new HashSet<>();
        for (Gazetteer.Match m : gazetteer.find(sentence, true)) {
            if (m.type() == MentionType.INDICATOR) {
                indicators.add(labels.code(m.concept()));
            } else if (m.type() == MentionType.PLACE) {
                areas.add(labels.code(m.concept()));
            }
        }
        Matcher figure = PERCENT.matcher(sentence);
        if (indicators.size() != 1 || areas.size() > 1 || !figure.find()) {
            return Optional.empty();
        }
        int year = yearOf(sentence, figure, textYear);
        if (year == 0) {
            return Optional.empty();
        }
        String area = areas.isEmpty() ? "LB" : areas.iterator().next();
        return Optional.of(new Claim(indicators.iterator().next(), area, year, figure.group(1) + "%", sentence));
    }

    /** The year right after the figure; else a year of the sentence no other figure claims; else the text's. */
    private static int yearOf(String sentence, Matcher figure, int textYear) {
        Matcher own = YEAR.matcher(sentence).region(figure.end(), Math.min(sentence.length(), figure.end() + OWN_YEAR_WINDOW));
        if (own.find()) {
            return Integer.parseInt(own.group(1));
        }
        Set<Integer> claimedByOthers = new HashSet<>();
        Matcher other = PERCENT.matcher(sentence);
        while (other.find()) {
            if (other.start() != figure.start()) {
                Matcher y = YEAR.matcher(sentence).region(other.end(), Math.min(sentence.length(), other.end() + OWN_YEAR_WINDOW));
                if (y.find()) {
                    claimedByOthers.add(Integer.parseInt(y.group(1)));
                }
            }
        }
        Matcher any = YEAR.matcher(sentence);
        while (any.find()) {
            int y = Integer.parseInt(any.group(1));
            if (!claimedByOthers.contains(y)) {
                return y;
            }
        }
        return textYear;
    }
}
