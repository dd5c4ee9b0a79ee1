package org.knowledgehub.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.ontology.ArabicLetters;

/**
 * Dates in Arabic text, which CoreNLP's English models do not read: a month and year ("أيار ٢٠٢٣",
 * "تشرين الثاني 2022"), or a year after "عام" or "سنة" ("year"), in Arabic-Indic or Western digits.
 * Month names are the Levantine ones used in Lebanon and the Egyptian/Gulf ones (مايو).
 */
final class ArabicDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("كانون الثاني", 1), Map.entry("شباط", 2), Map.entry("آذار", 3), Map.entry("اذار", 3),
            Map.entry("نيسان", 4), Map.entry("أيار", 5), Map.entry("ايار", 5), Map.entry("حزيران", 6),
            Map.entry("تموز", 7), Map.entry("آب", 8), Map.entry("اب", 8), Map.entry("أيلول", 9), Map.entry("ايلول", 9),
            Map.entry("تشرين الأول", 10), Map.entry("تشرين الاول", 10), Map.entry("تشرين الثاني", 11),
            Map.entry("كانون الأول", 12), Map.entry("كانون الاول", 12),
            Map.entry("يناير", 1), Map.entry("فبراير", 2), Map.entry("مارس", 3), Map.entry("أبريل", 4), Map.entry("ابريل", 4),
            Map.entry("مايو", 5), Map.entry("يونيو", 6), Map.entry("يوليو", 7), Map.entry("أغسطس", 8), Map.entry("اغسطس", 8),
            Map.entry("سبتمبر", 9), Map.entry("أكتوبر", 10), Map.entry("اكتوبر", 10), Map.entry("نوفمبر", 11), Map.entry("ديسمبر", 12));
    private static final String YEAR = "((?:19[5-9]|20\\d)\\d|(?:١٩[٥-٩]|٢٠[٠-٩])[٠-٩]|(?:۱۹[۵-۹]|۲۰[۰-۹])[۰-۹])";
    private static final Pattern DATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:(" + String.join("|", MONTHS.keySet())
            + ")|(?:عام|سنة|العام|لعام|في عام))\\s+" + YEAR + "(?![\\p{N}])");

    private ArabicDates() {
    }

    static List<Mention> find(String text) {
        List<Mention> out = new ArrayList<>();
        if (!ArabicLetters.anyIn(text)) {
            // Every form the pattern reads starts with an Arabic word; most texts have none.
            return out;
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            StringBuilder year = new StringBuilder();
            m.group(2).chars().forEach(c -> year.append(Character.digit(c, 10)));
            String value = m.group(1) == null ? year.toString() : "%s-%02d".formatted(year, MONTHS.get(m.group(1)));
            out.add(new Mention(m.start(), m.end(), m.group(), MentionType.DATE, null, value, 0.9, false, "pattern"));
        }
        return out;
    }
}
