package org.knowledgehub.questions;

import java.time.Month;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a sentence offers a kind of question: a cause or an explanation for a why-question, a
 * figure for a how-many, a change over years for a trend, items for a list, a date for a
 * when-question. Used to pick the sentence that answers among those that only speak of the topic.
 * Questions and sentences in Arabic or French are read with {@link ArabicFrenchCues} as well.
 */
public final class AnswerCues {

    private static final Pattern REASONS = Pattern.compile("(?i)\\b(?:explain(?:s|ed|ing)?(?: by)?|explanations?|because|"
            + "due to|driven by|drivers?|comes? from|came from|(?:main |primary |key )?sources? of|lies in|the reason|as a result(?: of)?|result(?:s|ed|ing)? (?:of|from|in)|caused by|causes?|led to|leading to|"
            + "reasons?|attributed to|owing to|following the|in light of|amid|given the|stemm(?:ing|ed|s) from|linked to|"
            + "associated with|contribut(?:ed|ing|es) to|main(?:ly)? (?:due|because)|mainly|largely|primarily|which (?:means|indicates)|"
            + "this (?:indicates|shows|means|reflects|is understood)|so that|in order to|to avoid|to (?:pay|afford|cover|cope)|impact of|effect of|"
            + "depreciation|inflation|crisis|prices? (?:of|increase|rise|hike)|consequen(?:ce|tly)|therefore|thus|hence)\\b"
            + "|, so (?!far\\b|much\\b|many\\b)");
    /**
     * A figure: a share, an amount of money, a count of something; not a year or a day of a date
     * ("4 August 2020" gives no figure).
     */
    private static final Pattern FIGURE = Pattern.compile("(?i)\\d(?:[\\d,.]*\\d)?\\s*(?:%|per ?cent|percent|percentage points?|points?)"
            + "|(?:LBP|USD|US\\$|\\$|SYP|EUR)\\s?\\d|\\d(?:[\\d,.]*\\d)?\\s*(?:million|billion|thousand|M\\b|LBP|USD|dollars?|hours?|days?|"
            + "weeks?|months?|years?|times|households?|people|persons?|individuals?|children|refugees|families|cases|members?|"
            + "meals?|groups?|kg|km|m2)|\\b\\d{1,3}(?:,\\d{3})+\\b|\\b\\d+\\.\\d+\\b|\\b(?:half|a third|one third|two thirds|a quarter|"
            + "three quarters|one out of|out of (?:ten|five)|nine out of|doubled|tripled|quadrupled|"
            + "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            + "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?(?:\\w+[- ])?per ?cent)\\b");
    private static final Pattern CHANGE = Pattern.compile("(?i)\\b(?:increas\\w*|decreas\\w*|ris(?:e|en|ing)|rose|fell|fall(?:en|ing)?|"
            + "drop(?:ped)?|declin\\w*|grew|grow\\w*|doubl\\w*|tripl\\w*|quadrupl\\w*|improv\\w*|worsen\\w*|deteriorat\\w*|"
            + "remained|stable|compared (?:to|with)|up from|down from|from \\d+|versus|since)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:19[5-9]\\d|20\\d\\d)\\b");
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:january|february|march|april|may|june|july|august|september|"
            + "october|november|december|19[5-9]\\d|20\\d\\d|\\d{1,2}:\\d{2}|\\d{1,2}\\s?(?:am|pm))\\b");
    private static final String AMOUNTS = "(?:share|percentage|proportion|per ?cent|rate|number|fraction|amount|portion|average|"
            + "cost|costs|price|prices|level|value|ratio|prevalence|size|income|debt|wage|wages|rent|total|count|figure|median|mean)";
    private static final Pattern HOW_MUCH = Pattern.compile("(?i)\\b(?:how (?:many|much|often|long|high|low|large|big|far)|"
            + "what\\b[^?.;]{0,40}?\\b" + AMOUNTS + "|which " + AMOUNTS + ")\\b");

    /** A month by name; "May" only before a day or a year, since it is also a verb. */
    private static final Pattern MONTH = Pattern.compile("\\b(January|February|March|April|June|July|August|September|October|"
            + "November|December|May(?=\\s+\\d))\\b");

    private AnswerCues() {
    }

    /**
     * Whether a sentence speaks of other months than the ones a question names: "since September" gives
     * no figure for a question on December, whatever figures it holds. False when either names none.
     */
    static boolean otherMonths(String question, String sentence) {
        Set<Integer> asked = months(question);
        Set<Integer> named = months(sentence);
        return !asked.isEmpty() && !named.isEmpty() && Collections.disjoint(asked, named);
    }

    /** The months a text names, as numbers, in English and, in a text that is not English, in Arabic or French. */
    private static Set<Integer> months(String text) {
        Set<Integer> out = MONTH.matcher(text).results().map(r -> Month.valueOf(r.group().toUpperCase(Locale.ROOT)).getValue())
                .collect(Collectors.toCollection(HashSet::new));
        if (ArabicFrenchCues.applies(text)) {
            out.addAll(ArabicFrenchCues.months(text));
        }
        return out;
    }

    /** Whether a text gives reasons: "due to", "because", "driven by", "as a result of", "mainly"... */
    public static boolean givesReasons(String text) {
        return REASONS.matcher(text).find() || ArabicFrenchCues.applies(text) && ArabicFrenchCues.givesReasons(text);
    }

    /** Whether a question asks for an amount: how many, what share, what is the average. */
    static boolean asksForAmount(String question) {
        return HOW_MUCH.matcher(question).find() || ArabicFrenchCues.applies(question) && ArabicFrenchCues.asksForAmount(question);
    }

    /**
     * Whether a sentence offers what a question of this kind asks for.
     *
     * @param amount whether the question asks for an amount
     */
    static boolean offers(Understanding.Kind kind, boolean amount, String sentence) {
        return offersInEnglish(kind, amount, sentence) || ArabicFrenchCues.applies(sentence) && offersInArabicOrFrench(kind, amount, sentence);
    }

    private static boolean offersInArabicOrFrench(Understanding.Kind kind, boolean amount, String sentence) {
        return switch (kind) {
            case WHY -> ArabicFrenchCues.givesReasons(sentence);
            case TREND -> ArabicFrenchCues.givesFigure(sentence) && ArabicFrenchCues.givesChange(sentence);
            case COMPARISON -> ArabicFrenchCues.givesFigure(sentence);
            case WHEN -> ArabicFrenchCues.givesDate(sentence);
            case LIST -> ArabicFrenchCues.items(sentence);
            case FACT -> !amount || ArabicFrenchCues.givesFigure(sentence);
            case WHO, WHERE -> true;
        };
    }

    private static boolean offersInEnglish(Understanding.Kind kind, boolean amount, String sentence) {
        return switch (kind) {
            case WHY -> givesReasons(sentence);
            case TREND -> FIGURE.matcher(sentence).find() && (CHANGE.matcher(sentence).find() || years(sentence) >= 2);
            case COMPARISON -> FIGURE.matcher(sentence).find();
            case WHEN -> DATE.matcher(sentence).find();
            case LIST -> items(sentence);
            case FACT -> !amount || FIGURE.matcher(sentence).find();
            case WHO, WHERE -> true;
        };
    }

    private static final Pattern COUNTED_ITEM = Pattern.compile("\\(\\s*\\d[\\d.,]*\\s*(?:%|per ?cent)\\s*\\)");
    private static final Pattern BULLETS = Pattern.compile("[•\\n]");
    private static final Pattern LAST_ITEM = Pattern.compile("(?i)\\b(?:and|or)\\b");
    /** Most words of an item inside a series ("spending savings, buying food on credit, and..."). */
    private static final int ITEM_WORDS = 8;

    /**
     * Whether a sentence lists items: two or more each with its share in brackets ("food (75%), rent
     * (51%)"), bullets or lines, or a series ("A, B, C and D") whose inner items are a few words each; a clause set off by
     * commas (", that negatively affect resilience and the capacity to generate income in the future,")
     * is no list.
     */
    private static boolean items(String sentence) {
        if (COUNTED_ITEM.matcher(sentence).results().count() >= 2 || BULLETS.matcher(sentence).results().count() >= 2) {
            return true;
        }
        return series(sentence.split("(?<!\\d),|,(?!\\d)|;"), LAST_ITEM);
    }

    /**
     * Whether the parts of a sentence cut at its separators make a series: three or more, the last
     * with the word that ends a series ({@code lastItem}: "and", "و", "et"...), the inner ones a few
     * words each.
     */
    static boolean series(String[] parts, Pattern lastItem) {
        if (parts.length < 3 || !lastItem.matcher(parts[parts.length - 1]).find()) {
            return false;
        }
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isBlank() || parts[i].strip().split("\\s+").length > ITEM_WORDS) {
                return false;
            }
        }
        return true;
    }

    private static long years(String sentence) {
        return YEAR.matcher(sentence).results().map(r -> r.group()).distinct().count();
    }
}
