package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Numbers as tables write them: "55", "54.96", "1,683,360", "-0.5", "55%", "7.9E-4". */
final class Numbers {

    /** A number read from text; {@code percent} when it was written with a percent sign. */
    record Parsed(BigDecimal value, boolean percent) {
    }

    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /**
     * No indicator needs more (a count of people, an amount in LBP, a share), and a value such as
     * 1e3000000 would be written out as three million digits, holding the store for minutes.
     */
    static final BigDecimal LIMIT = new BigDecimal("1e15");
    static final int MAX_DECIMALS = 20;

    private Numbers() {
    }

    /** The number, or empty when the text is not one or when it is out of range (see {@link #LIMIT}, {@link #MAX_DECIMALS}). */
    static Optional<Parsed> parse(String text) {
        String s = text.replace('\u00A0', ' ').replace(" ", "");
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(s);
        if (value.abs().compareTo(LIMIT) >= 0 || value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(value, percent));
    }

    /** Why a table's value was skipped (the value cut short if long). */
    static String notANumber(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return "value '" + shown + "' is not a number (or not one below 10^15 with at most " + MAX_DECIMALS + " decimals)";
    }

    /** A workbook's number as the shortest decimal that reads back as the same double (0.5495804993069183, not its binary expansion). */
    static BigDecimal of(double value) {
        return BigDecimal.valueOf(value);
    }

    /** A plain decimal without trailing zeros, as written into the store. */
    static String lexical(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return v.toPlainString();
    }
}
