package org.knowledgehub.questions;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a figure measures, which decides whether two figures can be compared at all and how far
 * apart they may be before they disagree: shares and changes are written rounded to the point, so
 * they agree within one point; counts and amounts are written rounded ("LBP 1.8 million"), so
 * they agree within a relative tolerance.
 */
enum FigureKind {
    /** A share of a population, in %: "49% of households". */
    SHARE,
    /** A change, in percentage points or % (the reports write "%" for points): "up by 20%". */
    CHANGE,
    /** A number of people or households: "1.5 million refugees". */
    COUNT,
    /** A sum of money, in its currency: "LBP 312,798". */
    AMOUNT,
    /** A rate per thousand: "12 per 1,000". */
    RATE;

    private static final BigDecimal POINT = BigDecimal.ONE;
    private static final BigDecimal RELATIVE = new BigDecimal("0.03");

    /** Whether two values of this kind differ by more than their rounding explains. */
    boolean differ(BigDecimal a, BigDecimal b) {
        BigDecimal gap = a.subtract(b).abs();
        if (this == SHARE || this == CHANGE) {
            return gap.compareTo(POINT) > 0;
        }
        BigDecimal larger = a.abs().max(b.abs());
        return gap.compareTo(larger.multiply(RELATIVE, MathContext.DECIMAL64)) > 0;
    }

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
