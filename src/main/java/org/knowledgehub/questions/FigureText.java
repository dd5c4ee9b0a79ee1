package org.knowledgehub.questions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the reports write figures, years and the parts of a population: the patterns
 * {@link FigureClaims} reads a sentence with. "Forty-nine percent" is 49%; "up by 20%" is a change
 * (the reports write "%" for percentage points); "LBP 312,798" an amount; "2020-2021" a school year.
 */
final class FigureText {

    /** A figure in a sentence: its span, kind, unit and value. */
    record Figure(int start, int end, FigureKind kind, String unit, BigDecimal value, String written) {
    }

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?";
    private static final Pattern PERCENT = Pattern.compile(NUMBER + "\\s?(?:%|per ?cent\\b|percent\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POINTS = Pattern.compile(NUMBER + "[\\s-]?(?:percentage[\\s-]?points?|points?\\b|pp\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_PERCENT = Pattern.compile("\\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            + "|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)\\s(?:per ?cent|percent)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT = Pattern.compile("(LBP|USD|US\\s?\\$|\\$)\\s?" + NUMBER + "(?:\\s(million|billion))?");
    private static final Pattern COUNT = Pattern.compile(NUMBER + "(?:\\s(million|thousand))?\\s(?:Syrian\\s|Palestine\\s|Lebanese\\s)?"
            + "(?:refugees|households|individuals|people|persons|children|families)\\b");
    private static final Pattern RATE = Pattern.compile(NUMBER + "\\sper\\s1,?000\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(19[89]\\d|20[0-4]\\d)\\b");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("\\b20([0-4]\\d)\\s?[-–/]\\s?(?:20)?([0-4]\\d)\\b");
    /** Words that make the year after them a year compared with, not the sentence's: "up by 20% compared to 2019". */
    private static final Pattern COMPARED = Pattern.compile("(?:compared (?:to|with)|since|from|than|versus|vs\\.?|similar(?:\\s\\w+)?\\sto|as in|"
            + "like|over)\\s(?:the\\s)?(?:\\w+\\s)?$", Pattern.CASE_INSENSITIVE);
    /** Three figures in a row with nothing between them: the labels of a chart, not sentences. */
    private static final Pattern CHART = Pattern.compile("\\d%\\s*\\d+(?:\\.\\d+)?%\\s*\\d+(?:\\.\\d+)?%");
    private static final Pattern ROUND = Pattern.compile("\\b(round|wave)\\s(\\d+)\\b|\\b(winter|summer|spring|autumn)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words before a figure that make it a change: "up by 20%", "an increase of 5%". */
    private static final Pattern CHANGE_BEFORE = Pattern.compile("(?:\\bby(?: around| about| nearly| almost| over| some)?|\\b(?:increase|decrease|rise|drop|decline|fall) of)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE_AFTER = Pattern.compile("^[\\s-]*(?:increase|decrease|rise|drop|decline|higher|lower)\\b",
            Pattern.CASE_INSENSITIVE);
    /** How far after a figure its own year may stand ("29% in 2019"). */
    private static final int OWN_YEAR_AFTER = 12;
    /** How far before a figure in parentheses its own year may stand ("the 2019 level (55%)"). */
    private static final Pattern YEAR_BEFORE = Pattern.compile("\\b(19[89]\\d|20[0-4]\\d)\\b[^.;,()%\\d]{0,12}\\(\\s*$");
    /**
     * What narrows a figure to a part of the population ("female-headed households", "boys") or to
     * a variant of the measure ("stress" coping strategies against "crisis" ones), each under one name.
     */
    private static final Map<String, Pattern> QUALIFIERS = Map.ofEntries(
            Map.entry("female-headed", Pattern.compile("\\b(?:female|women)[\\s-]?headed\\b|\\bFHHs?\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("male-headed", Pattern.compile("\\b(?:male|men)[\\s-]?headed\\b|\\bMHHs?\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("boys", Pattern.compile("\\bboys\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("girls", Pattern.compile("\\bgirls\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("disability", Pattern.compile("\\bdisabilit(?:y|ies)\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("non-permanent", Pattern.compile("\\bnon[\\s-]?permanent\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("non-residential", Pattern.compile("\\bnon[\\s-]?residential\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("residential", Pattern.compile("(?<!non)(?<!non-)(?<!non )\\bresidential\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("severely-food-insecure", Pattern.compile("(?<!or )\\bseverely food insecure\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("moderately-food-insecure", Pattern.compile("\\bmoderately food insecure\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("quintile", Pattern.compile("\\bquintiles?\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("food-secure", Pattern.compile("\\bfood secure\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("marginally-food-insecure", Pattern.compile("\\bmarginally food insecure\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("women", Pattern.compile("\\bwomen\\b(?![\\s-]?headed)", Pattern.CASE_INSENSITIVE)),
            Map.entry("men", Pattern.compile("\\bmen\\b(?![\\s-]?headed)", Pattern.CASE_INSENSITIVE)),
            Map.entry("youth", Pattern.compile("\\byouth\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("among-a-part", Pattern.compile("\\b(?:out of|among) (?:the )?(?:children|households|those|individuals|refugees)\\b",
                    Pattern.CASE_INSENSITIVE)),
            Map.entry("stress", Pattern.compile("\\bstress\\b", Pattern.CASE_INSENSITIVE)),
            // The level of coping strategies, not "the economic crisis" a sentence blames.
            Map.entry("crisis", Pattern.compile("(?<!economic )(?<!financial )\\bcrisis(?=[\\s-]+(?:level|coping|strateg|or\\b|and\\b)|/)",
                    Pattern.CASE_INSENSITIVE)),
            Map.entry("emergency", Pattern.compile("\\bemergency\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("food-based", Pattern.compile("\\bfood[\\s-](?:based|related)\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("borrowing", Pattern.compile("\\bborrow\\w*", Pattern.CASE_INSENSITIVE)),
            Map.entry("without-assistance", Pattern.compile("\\b(?:excluding|without|removed|deducted)\\b[^.]*\\bassistance\\b|"
                    + "\\bassistance\\b[^.]*\\b(?:excluded|removed|deducted)\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("within-a-distance", Pattern.compile("\\b\\d+[\\s-]minutes?\\b|\\broundtrip\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("basic", Pattern.compile("\\bbasic\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("aged", Pattern.compile("\\b(?:aged|ages?|between)\\s\\d+\\s(?:to|and|-|–)\\s?\\d+", Pattern.CASE_INSENSITIVE)));
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** "Nine out of 10 households" is no count of a population. */
    private static final BigDecimal SMALLEST_COUNT = BigDecimal.valueOf(1_000);

    private FigureText() {
    }

    /**
     * The figures of a sentence in the order they stand; a share above 100% is no share of a
     * population and is left out, and the labels of a chart are no figures of a sentence.
     */
    static List<Figure> figures(String sentence) {
        List<Figure> found = new ArrayList<>();
        if (CHART.matcher(sentence).find()) {
            return found;
        }
        collect(found, AMOUNT.matcher(sentence), m -> {
            String currency = m.group(1).startsWith("LBP") ? "LBP" : "USD";
            return new Figure(m.start(), m.end(), change(sentence, m.start(), m.end()) ? FigureKind.CHANGE : FigureKind.AMOUNT, currency, scaled(number(m.group(2), m.group(3)), m.group(4)), m.group());
        });
        collect(found, POINTS.matcher(sentence), m -> new Figure(m.start(), m.end(), FigureKind.CHANGE, "points",
                number(m.group(1), m.group(2)), m.group()));
        collect(found, PERCENT.matcher(sentence), m -> percent(sentence, m.start(), m.end(), number(m.group(1), m.group(2)), m.group()));
        collect(found, WORD_PERCENT.matcher(sentence), m -> percent(sentence, m.start(), m.end(), words(m.group(1)), m.group()));
        collect(found, RATE.matcher(sentence), m -> new Figure(m.start(), m.end(), FigureKind.RATE, "per 1,000",
                number(m.group(1), m.group(2)), m.group()));
        collect(found, COUNT.matcher(sentence), m -> new Figure(m.start(), m.end(), FigureKind.COUNT, "people",
                scaled(number(m.group(1), m.group(2)), m.group(3)), m.group()));
        found.removeIf(f -> f.kind() == FigureKind.SHARE && f.value().compareTo(HUNDRED) > 0
                || f.kind() == FigureKind.COUNT && f.value().compareTo(SMALLEST_COUNT) < 0);
        found.sort(Comparator.comparingInt(Figure::start));
        return found;
    }

    /** The year the sentence ties to a figure: right after it ("29% in 2019") or before it in parentheses ("2019 level (55%)"). */
    static String ownYear(String sentence, Figure f, List<Figure> figures) {
        int end = Math.min(sentence.length(), f.end() + OWN_YEAR_AFTER);
        for (Figure g : figures) {
            if (g.start() >= f.end() && g.start() < end) {
                end = g.start();
            }
        }
        Matcher after = YEAR.matcher(sentence).region(f.end(), end);
        if (after.find()) {
            return after.group(1);
        }
        Matcher before = YEAR_BEFORE.matcher(sentence.substring(0, f.start()));
        return before.find() ? before.group(1) : null;
    }

    /** The period a sentence speaks of where a figure has no year of its own: a school year, a year no figure claims, else the document's. */
    static String sentencePeriod(String sentence, List<Figure> figures, int documentYear) {
        Matcher school = SCHOOL_YEAR.matcher(sentence);
        while (school.find()) {
            int first = Integer.parseInt(school.group(1));
            if (Integer.parseInt(school.group(2)) == first + 1) {
                return "20" + school.group(1) + "/20" + school.group(2);
            }
        }
        Set<String> claimed = new TreeSet<>();
        figures.forEach(f -> {
            String y = ownYear(sentence, f, figures);
            if (y != null) {
                claimed.add(y);
            }
        });
        Matcher any = YEAR.matcher(sentence);
        while (any.find()) {
            boolean compared = COMPARED.matcher(sentence.substring(Math.max(0, any.start() - 25), any.start())).find();
            if (!claimed.contains(any.group(1)) && !compared) {
                return any.group(1);
            }
        }
        return documentYear == 0 ? null : String.valueOf(documentYear);
    }

    /** A round or season the sentence names, to add to its period (" round 2", " winter"); "" when none. */
    static String round(String sentence) {
        Matcher m = ROUND.matcher(sentence);
        if (!m.find()) {
            return "";
        }
        return " " + (m.group(3) != null ? m.group(3) : m.group(1) + " " + m.group(2)).toLowerCase(Locale.ROOT);
    }

    /** The qualifiers that name a part of the population, not a variant of the measure. */
    private static final Set<String> PARTS = Set.of("female-headed", "male-headed", "boys", "girls", "disability", "non-permanent",
            "non-residential", "residential", "women", "men", "youth");

    /** Whether a phrase names a part of the population ("households in non-permanent shelters"). */
    static boolean namesPart(String phrase) {
        return PARTS.stream().anyMatch(name -> QUALIFIERS.get(name).matcher(phrase).find());
    }

    /** The parts of a population a sentence names, sorted and joined ("boys,girls"); "" for none. */
    static String qualifiers(String sentence) {
        Set<String> out = new TreeSet<>();
        QUALIFIERS.forEach((name, p) -> {
            if (p.matcher(sentence).find()) {
                out.add(name);
            }
        });
        return String.join(",", out);
    }

    static int firstYear(String text) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static boolean change(String sentence, int start, int end) {
        return CHANGE_BEFORE.matcher(sentence.substring(Math.max(0, start - 30), start)).find()
                || CHANGE_AFTER.matcher(sentence.substring(end)).find();
    }

    private static Figure percent(String sentence, int start, int end, BigDecimal value, String written) {
        return change(sentence, start, end) ? new Figure(start, end, FigureKind.CHANGE, "points", value, written)
                : new Figure(start, end, FigureKind.SHARE, "%", value, written);
    }

    private static void collect(List<Figure> found, Matcher m, java.util.function.Function<Matcher, Figure> read) {
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (found.stream().noneMatch(f -> f.start() < end && start < f.end())) {
                found.add(read.apply(m));
            }
        }
    }

    private static BigDecimal number(String whole, String fraction) {
        return new BigDecimal(whole.replace(",", "") + (fraction == null ? "" : "." + fraction));
    }

    private static BigDecimal scaled(BigDecimal value, String scale) {
        if (scale == null) {
            return value;
        }
        return value.multiply(switch (scale) {
            case "thousand" -> BigDecimal.valueOf(1_000);
            case "million" -> BigDecimal.valueOf(1_000_000);
            default -> BigDecimal.valueOf(1_000_000_000);
        });
    }

    private static BigDecimal words(String text) {
        int total = 0;
        for (String w : text.toLowerCase(Locale.ROOT).split("[\\s-]")) {
            total += WORDS.getOrDefault(w, 0);
        }
        return BigDecimal.valueOf(total);
    }
}
