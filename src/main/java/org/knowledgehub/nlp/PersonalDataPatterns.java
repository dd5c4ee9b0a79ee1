package org.knowledgehub.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Personal data that simple patterns find without any model: e-mail addresses, phone numbers and
 * ID-like numbers (case and registration numbers, long digit runs).
 */
public final class PersonalDataPatterns {

    /** What kind of personal data a pattern found. */
    public enum Kind {
        EMAIL, PHONE, ID_NUMBER
    }

    /**
     * Starts only where a run of address characters starts and takes at most 64 of them (the longest
     * local part): otherwise a long run without an '@' is searched from each of its characters.
     */
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]{1,64}@[\\w-]+(\\.[\\w-]+)+");
    /**
     * Lebanese numbers (+961 3 123 456, 03 123456, 961-70-123456) and other international ones.
     * Not the tail of a figure ("LBP 200,000-250,000" holds no phone number "000-250"), and not
     * across tabs or line breaks (table cells).
     */
    static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?<!\\d[.,])(?:(?:\\+|00)961[ .-]?|961[ .-]|0)\\d{1,2}[ .-]?\\d{3}[ .-]?\\d{3}(?!\\d|[.,]\\d)"
                    + "|(?<![\\w+])(?<!\\d[.,])(?:\\+|00)\\d{1,3}(?:[ .-]?\\d{1,4}){3,5}(?!\\d|[.,]\\d)");
    /** "LEB-12345678", "ID 123456789", nine digits or more in a row. */
    static final Pattern ID_NUMBER = Pattern.compile("\\b(?:[A-Z]{2,5}[-/]?\\d{6,}|\\d{9,})\\b");

    private PersonalDataPatterns() {
    }

    public static List<Mention> find(String text) {
        return find(text, new DigitWindows(text));
    }

    static List<Mention> find(String text, DigitWindows figures) {
        List<Mention> out = new ArrayList<>();
        // Ingest runs this on every text: e-mail addresses are looked for only where an '@' is,
        // numbers only around the text's digits.
        List<MatchResult> found = new ArrayList<>();
        if (text.indexOf('@') >= 0) {
            EMAIL.matcher(text).results().forEach(found::add);
        }
        found.addAll(figures.matches(PHONE));
        found.addAll(figures.matches(ID_NUMBER));
        for (MatchResult m : found) {
            Mention mention = new Mention(m.start(), m.end(), m.group(), MentionType.PERSONAL_DATA, null, null, 0.9,
                    false, "pattern");
            if (out.stream().noneMatch(mention::overlaps)) {
                out.add(mention);
            }
        }
        return out;
    }

    /** Which kind of personal data a span these patterns found is (empty for anything else). */
    public static Optional<Kind> kindOf(String span) {
        if (EMAIL.matcher(span).matches()) {
            return Optional.of(Kind.EMAIL);
        }
        if (PHONE.matcher(span).matches()) {
            return Optional.of(Kind.PHONE);
        }
        return ID_NUMBER.matcher(span).matches() ? Optional.of(Kind.ID_NUMBER) : Optional.empty();
    }
}
