package org.knowledgehub.questions;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A figure a sentence gives, with what it measures: the indicator, for which population (and
 * which part of it: "female-headed households", "boys"), where, when, and what kind of value in
 * which unit. Any of indicator, population, area and period is null when the sentence and its
 * document do not tell.
 *
 * @param qualifiers the parts of the population the sentence narrows to, sorted ("" for none)
 * @param period    a year ("2020"), a school year ("2020/2021"), with a round or season when stated
 * @param written   the figure as the sentence writes it ("49%", "LBP 312,798")
 */
record FigureClaim(String indicator, String population, String qualifiers, String area, String period, FigureKind kind,
                   String unit, BigDecimal value, String written, String sentence) {

    /**
     * Two figures disagree only when they measure the same known indicator for the same known
     * population, area and period, as the same kind of value in the same unit, and differ by more
     * than rounding. Anything unknown on either side means they cannot be compared.
     */
    boolean disagreesWith(FigureClaim other) {
        return comparableWith(other) && kind.differ(value, other.value);
    }

    /** Whether indicator, population, area and period are all known. */
    boolean known() {
        return indicator != null && population != null && area != null && period != null;
    }

    boolean comparableWith(FigureClaim other) {
        return known() && other.known() && indicator.equals(other.indicator) && population.equals(other.population)
                && qualifiers.equals(other.qualifiers) && area.equals(other.area) && period.equals(other.period)
                && kind == other.kind && Objects.equals(unit, other.unit);
    }
}
