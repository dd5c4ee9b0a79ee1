package org.knowledgehub.questions;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a sentence gives figures for. A figure belongs to the year right after it ("US$ 1,115
 * in 2019", "29% in 2019"); a figure without one belongs to the years the sentence names other
 * than those it only compares with ("15 hours per day, more than double the figure for 2021" gives
 * no 2021 figure), else to the years its document is about.
 */
final class FigureYears {

    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.])(19[5-9]\\d|20\\d\\d)(?![\\d,])");
    /**
     * A figure's own year, right after it: "29% in 2019", "(27%) in 2018", "LBP 111,457 in December 2020"
     * (the rest of an amount that a currency begins is skipped first).
     */
    private static final Pattern OWN_YEAR = Pattern.compile("(?i)^[\\d,.]*(?:\\s?(?:million|billion|thousand|M)\\b)?"
            + "\\)?,?\\s*(?:\\(|in |for |during |by |as of )?\\s*(?:(?:january|february|march|april|may|june|july|august|"
            + "september|october|november|december)\\s+)?(19[5-9]\\d|20\\d\\d)\\b");
    /** What precedes a year the sentence only compares with ("compared to 2020", "the figure for 2021", "up from ... in 2019"). */
    private static final Pattern REFERENCE = Pattern.compile("(?i)\\b(?:compared (?:to|with)|than|similar to|same as|as in|(?:un)?like|(?:figure|level|rate|share|one)s? "
            + "(?:for|of|in)|from|since|versus|vs\\.?|relative to|against|previous|last)\\b[^.;]{0,12}$");
    private static final int REFERENCE_REACH = 30;

    private FigureYears() {
    }

    /** Whether a text names a year at all. */
    static boolean namesYear(String text) {
        return YEAR.matcher(text).find();
    }

    /**
     * @param documentYears the years the sentence's document is about
     * @return the years the sentence gives a figure for; empty when it gives none or none can be told
     */
    static Set<Integer> of(String sentence, Collection<Integer> documentYears) {
        List<MatchResult> figures = AnswerCues.figures(sentence);
        Set<Integer> out = new HashSet<>();
        Set<Integer> ownStarts = new HashSet<>();
        boolean unattached = false;
        for (MatchResult f : figures) {
            Matcher own = OWN_YEAR.matcher(sentence).region(f.end(), sentence.length());
            if (own.lookingAt()) {
                out.add(Integer.parseInt(own.group(1)));
                ownStarts.add(own.start(1));
            } else {
                unattached = true;
            }
        }
        if (!unattached) {
            return out;
        }
        Set<Integer> headline = new HashSet<>();
        Matcher y = YEAR.matcher(sentence);
        while (y.find()) {
            String before = sentence.substring(Math.max(0, y.start() - REFERENCE_REACH), y.start());
            if (!ownStarts.contains(y.start()) && !REFERENCE.matcher(before).find()) {
                headline.add(Integer.parseInt(y.group(1)));
            }
        }
        out.addAll(headline.isEmpty() ? documentYears : headline);
        return out;
    }
}
