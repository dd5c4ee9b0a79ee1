package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowledgehub.search.SearchResponse;
import org.springframework.stereotype.Component;

/**
 * The figures candidates disagree on: claims of their sentences (see {@link FigureClaims}) for
 * the same indicator, population, area and period, of the same kind and unit, whose values differ
 * beyond rounding (see {@link FigureClaim#disagreesWith}). A figure that agrees with every other
 * is not shown.
 */
@Component
class FigureConflicts {

    private final FigureClaims claims;

    FigureConflicts(FigureClaims claims) {
        this.claims = claims;
    }

    private record Sourced(FigureClaim claim, Answer answer) {
    }

    List<Answers.Conflict> among(List<Answer> candidates) {
        Map<List<Object>, List<Sourced>> comparable = new LinkedHashMap<>();
        for (Answer a : candidates) {
            SearchResponse.DocumentRef d = a.provenance().document();
            for (FigureClaim c : claims.in(a.text(), claims.context(d.title(), d.date()))) {
                if (c.known()) {
                    comparable.computeIfAbsent(List.of(c.indicator(), c.population(), c.qualifiers(), c.area(), c.period(),
                            c.kind(), c.unit()), k -> new ArrayList<>()).add(new Sourced(c, a));
                }
            }
        }
        List<Answers.Conflict> out = new ArrayList<>();
        comparable.values().forEach(group -> {
            List<Sourced> disagreeing = group.stream()
                    .filter(s -> group.stream().anyMatch(o -> o.claim().disagreesWith(s.claim())))
                    .filter(distinctValues())
                    .toList();
            if (!disagreeing.isEmpty()) {
                FigureClaim c = disagreeing.getFirst().claim();
                out.add(new Answers.Conflict(c.indicator(), c.population(), c.qualifiers(), c.area(), c.period(), c.kind().code(),
                        c.unit(), disagreeing.stream().map(s -> new Answers.Figure(s.claim().written(), s.answer().passage(),
                        s.claim().sentence(), s.answer().provenance().document().id(), s.answer().provenance().document())).toList()));
            }
        });
        return out;
    }

    /** One figure per value and passage: a sentence repeated in the answers is one side, not two. */
    private static java.util.function.Predicate<Sourced> distinctValues() {
        List<List<Object>> seen = new ArrayList<>();
        return s -> {
            List<Object> key = List.of(s.claim().value().stripTrailingZeros(), s.answer().passage());
            if (seen.contains(key)) {
                return false;
            }
            seen.add(key);
            return true;
        };
    }
}
