package org.knowledgehub.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data that simple patterns find without any model: e-mail addresses, phone numbers and
 * ID-like numbers (case and registration numbers, long digit runs).
 */
public final class PersonalDataPatterns {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** Lebanese numbers (+961 3 123 456, 03 123456, 961-70-123456) and other international ones. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:(?:\\+|00)961[\\s.-]?|0)\\d{1,2}[\\s.-]?\\d{3}[\\s.-]?\\d{3}(?!\\d)"
                    + "|(?<![\\w+])(?:\\+|00)\\d{1,3}(?:[\\s.-]?\\d{1,4}){3,5}(?!\\d)");
    /** "LEB-12345678", "ID 123456789", nine digits or more in a row. */
    private static final Pattern ID_NUMBER = Pattern.compile("\\b(?:[A-Z]{2,5}[-/]?\\d{6,}|\\d{9,})\\b");

    private PersonalDataPatterns() {
    }

    public static List<Mention> find(String text) {
        List<Mention> out = new ArrayList<>();
        for (Pattern p : List.of(EMAIL, PHONE, ID_NUMBER)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Mention mention = new Mention(m.start(), m.end(), m.group(), MentionType.PERSONAL_DATA, null, null, 0.9,
                        false, "pattern");
                if (out.stream().noneMatch(mention::overlaps)) {
                    out.add(mention);
                }
            }
        }
        return out;
    }
}
