package org.knowledgehub.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.trends.TableInterpreter.NewObservation;

/** A sum of indicators is derived where a table gives all its parts in one unit, and not the sum itself. */
class DerivedSumsTest {

    private static final Map<String, List<String>> SUMS = Map.of("moderate-or-severe", List.of("moderate", "severe"));

    @Test
    void theSumOfThePartsOfAnAreaAndYearNamesThePartsItCameFrom() {
        NewObservation moderate = read(5, "Moderately Food Insecure", "moderate", "LB", "45.53", "%");
        NewObservation severe = read(5, "Severely Food Insecure", "severe", "LB", "3.52", "%");
        NewObservation moderateOnly = read(6, "Moderately Food Insecure", "moderate", "LB2", "56.31", "%");

        List<NewObservation> derived = DerivedSums.derive(List.of(moderate, severe, moderateOnly), SUMS);

        assertThat(derived).hasSize(1);
        NewObservation sum = derived.getFirst();
        assertThat(sum.indicator()).isEqualTo("moderate-or-severe");
        assertThat(sum.area()).isEqualTo("LB");
        assertThat(sum.value()).isEqualByComparingTo("49.05");
        assertThat(sum.unit()).isEqualTo("%");
        assertThat(sum.row()).isEqualTo(5);
        assertThat(sum.column()).isEqualTo("Moderately Food Insecure + Severely Food Insecure");
        assertThat(sum.derivedFrom()).containsExactly(moderate, severe);
    }

    @Test
    void nothingIsDerivedWhereTheTableGivesTheSumOrThePartsDifferInUnit() {
        List<NewObservation> given = List.of(read(5, "M", "moderate", "LB", "45", "%"), read(5, "S", "severe", "LB", "4", "%"),
                read(5, "M or S", "moderate-or-severe", "LB", "50", "%"));
        assertThat(DerivedSums.derive(given, SUMS)).isEmpty();

        List<NewObservation> units = List.of(read(5, "M", "moderate", "LB", "45", "%"), read(5, "S", "severe", "LB", "120", "households"));
        assertThat(DerivedSums.derive(units, SUMS)).isEmpty();
    }

    private static NewObservation read(int row, String column, String indicator, String area, String value, String unit) {
        return new NewObservation(row, column, indicator, area, 2020, new BigDecimal(value), unit, null, List.of());
    }
}
