package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.knowledgehub.trends.TableInterpreter.NewObservation;

/**
 * Values of indicators that are the sum of others ({@code kh:sumOf}: moderate or severe food
 * insecurity is moderate plus severe), derived where a table gives every part for an area, year
 * and population group in the same unit, and not the sum itself.
 */
final class DerivedSums {

    private DerivedSums() {
    }

    /**
     * @param sums each indicator that is a sum, with its parts
     * @return the derived values, each naming the values it was derived from
     */
    static List<NewObservation> derive(List<NewObservation> read, Map<String, List<String>> sums) {
        Set<String> given = new HashSet<>();
        Map<String, Map<String, NewObservation>> partsByKey = new LinkedHashMap<>();
        for (NewObservation o : read) {
            given.add(o.indicator() + "|" + key(o));
            partsByKey.computeIfAbsent(key(o), k -> new LinkedHashMap<>()).put(o.indicator(), o);
        }
        List<NewObservation> derived = new ArrayList<>();
        sums.forEach((sum, parts) -> partsByKey.forEach((key, byIndicator) -> {
            List<NewObservation> found = parts.stream().map(byIndicator::get).filter(Objects::nonNull).toList();
            if (found.size() == parts.size() && !given.contains(sum + "|" + key)
                    && found.stream().map(NewObservation::unit).distinct().count() == 1) {
                derived.add(sumOf(sum, found));
            }
        }));
        return derived;
    }

    private static NewObservation sumOf(String indicator, List<NewObservation> parts) {
        NewObservation first = parts.getFirst();
        BigDecimal total = parts.stream().map(NewObservation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean headed = parts.stream().allMatch(p -> p.column() != null);
        String columns = headed ? String.join(" + ", parts.stream().map(NewObservation::column).toList()) : null;
        return new NewObservation(first.row(), columns, indicator, first.area(), first.year(), total, first.unit(),
                first.population(), parts);
    }

    private static String key(NewObservation o) {
        return o.area() + "|" + o.year() + "|" + o.population();
    }
}
