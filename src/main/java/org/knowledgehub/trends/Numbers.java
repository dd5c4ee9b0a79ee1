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

    private Numbers() {
    }

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
        return Optional.of(new Parsed(new BigDecimal(s), percent));
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
