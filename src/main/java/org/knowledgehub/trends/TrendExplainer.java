package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knowledgehub.Problems;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.questions.Answer;
import org.knowledgehub.questions.AnswerCues;
import org.knowledgehub.questions.Answers;
import org.knowledgehub.questions.Question;
import org.knowledgehub.questions.QuestionService;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Why an indicator changed in an area between two years: the change itself, the passages that
 * may explain it (asked as a research question whose concepts are the indicator, hence its
 * sectors, and the area, hence its districts, over the period), the research questions already
 * open on it, and the years where sources disagree on the figure.
 */
@Component
class TrendExplainer {

    private static final int EVIDENCE = 10;

    private final TrendsService trends;
    private final QuestionService questions;
    private final Gazetteer gazetteer;
    private final ConceptLabels labels;
    private final AccessPolicy access;
    private final AuditTrail audit;

    TrendExplainer(TrendsService trends, QuestionService questions, Gazetteer gazetteer, ConceptLabels labels, AccessPolicy access,
                   AuditTrail audit) {
        this.audit = audit;
        this.trends = trends;
        this.questions = questions;
        this.gazetteer = gazetteer;
        this.labels = labels;
        this.access = access;
    }

    /** The indicator's values at both ends of the period (null where there is none) and the difference. */
    record Change(Integer from, BigDecimal fromValue, Integer to, BigDecimal toValue, BigDecimal change, String unit) {
    }

    /** A year in which publications give different values; {@code shown} is the one the series uses. */
    record Disagreement(int year, TrendViews.SourcedValue shown, List<TrendViews.SourcedValue> others) {
    }

    /** A year of the period with several imports (editions): the headline, the latest import, and the others, newest first. */
    record Editions(int year, TrendViews.SourcedValue headline, List<TrendViews.SourcedValue> others) {

        /** The headline, then the others: the rows of the page's table. */
        public List<TrendViews.SourcedValue> all() {
            List<TrendViews.SourcedValue> out = new ArrayList<>(List.of(headline));
            out.addAll(others);
            return out;
        }
    }

    record Explanation(TrendViews.IndicatorRef indicator, TrendViews.AreaRef area, TrendViews.ConceptRef population,
                       Change change, Answers evidence, List<Question> openQuestions, List<Disagreement> disagreements,
                       List<Editions> editions, QuestionService.Ask suggestedQuestion) {
    }

    Explanation explain(String indicator, String area, String population, String fromParam, String toParam, Caller caller) {
        int from = year("from", fromParam);
        int to = year("to", toParam);
        if (from >= to) {
            throw Problems.invalid("to", "to must be a later year than from");
        }
        if (to - from > QuestionService.MAX_PERIOD_YEARS) {
            throw Problems.invalid("to", "to must be at most " + QuestionService.MAX_PERIOD_YEARS + " years after from");
        }
        TrendViews.Trend trend = trends.trend(indicator, area, population, access.visibleTo(caller));
        List<TrendViews.Point> points = trend.series().stream().filter(s -> s.role().equals("area")).findFirst()
                .map(TrendViews.Series::points).orElse(List.of());
        TrendViews.Point start = at(points, from);
        TrendViews.Point end = at(points, to);
        Change change = new Change(from, start == null ? null : start.value(), to, end == null ? null : end.value(),
                start == null || end == null ? null : end.value().subtract(start.value()),
                end != null ? end.unit() : start != null ? start.unit() : trend.indicator().unit());

        List<String> sectors = trend.indicator().created() ? trends.createdSectors(trend.indicator().iri(), access.visibleTo(caller))
                : gazetteer.sectorsOf(trend.indicator().iri()).stream().map(labels::code).toList();
        Set<String> nearbyAreas = nearby(trend);
        QuestionService.Ask ask = new QuestionService.Ask(
                "Why did " + lowerFirst(trend.indicator().label()) + " change in " + trend.area().label() + " between "
                        + from + " and " + to + "?",
                sectors, List.of(trend.area().code()), from + "/" + to,
                trend.population() == null ? null : trend.population().code(), null, "why");
        Answers evidence = ordered(questions.ask(ask, caller, EVIDENCE), from, to);
        // The explanation's API and its page both come here: the evidence they show is read here.
        audit.recordRead(caller, "explain", trend.indicator().iri() + " " + trend.area().code() + " " + from + "/" + to,
                evidence.sources());
        List<Question> open = questions.list(null, null, "open", null).stream()
                .filter(q -> q.areas().isEmpty() || q.areas().stream().anyMatch(nearbyAreas::contains))
                .filter(q -> q.sectors().stream().anyMatch(sectors::contains))
                .toList();
        return new Explanation(trend.indicator(), trend.area(), trend.population(), change, evidence, open,
                disagreements(points, from, to), editions(points, from, to), ask);
    }

    /**
     * Passages about the period before those about other years only, and within each, those that
     * give reasons ("explained by", "due to", "because"...) before those that only restate the
     * figures: a coordinator asking why wants the explanation, and the figures are in the trend
     * already; then those that speak of more of the period's years (of the change, not of one
     * end). The ranking is kept within each group.
     */
    private static Answers ordered(Answers a, int from, int to) {
        List<Answer> ordered = new ArrayList<>(a.answers());
        ordered.sort(Comparator.comparing((Answer answer) -> !aboutPeriod(answer, from, to))
                .thenComparing(answer -> !givesReasons(answer))
                .thenComparing(answer -> -yearsOfPeriod(answer, from, to)));
        return a.withAnswers(ordered);
    }

    /** How many of the period's years a passage speaks of: one about both ends speaks of the change. */
    private static long yearsOfPeriod(Answer answer, int from, int to) {
        List<Integer> years = answer.mentions() == null ? List.of() : answer.mentions().years();
        return years.stream().filter(y -> y >= from && y <= to).distinct().count();
    }

    /** A passage that names no year, or one of the period's. */
    private static boolean aboutPeriod(Answer answer, int from, int to) {
        List<Integer> years = answer.mentions() == null ? List.of() : answer.mentions().years();
        return years.isEmpty() || years.stream().anyMatch(y -> y >= from && y <= to);
    }

    private static boolean givesReasons(Answer answer) {
        return AnswerCues.givesReasons(answer.text());
    }

    private static TrendViews.Point at(List<TrendViews.Point> points, int year) {
        return points.stream().filter(p -> p.year() == year).findFirst().orElse(null);
    }

    /** The area, its parent and its children: a question about any of them concerns the trend. */
    private static Set<String> nearby(TrendViews.Trend trend) {
        Set<String> out = new HashSet<>();
        trend.series().stream().filter(s -> !s.role().equals("national")).forEach(s -> out.add(s.area().code()));
        out.add(trend.area().code());
        return out;
    }

    private static List<Disagreement> disagreements(List<TrendViews.Point> points, int from, int to) {
        List<Disagreement> out = new ArrayList<>();
        for (TrendViews.Point p : points) {
            List<TrendViews.SourcedValue> others = p.otherSources().stream()
                    .filter(o -> o.value().compareTo(p.value()) != 0).toList();
            if (p.year() >= from && p.year() <= to && !others.isEmpty()) {
                out.add(new Disagreement(p.year(), headline(p), others));
            }
        }
        return out;
    }

    private static List<Editions> editions(List<TrendViews.Point> points, int from, int to) {
        return points.stream().filter(p -> p.year() >= from && p.year() <= to && !p.otherSources().isEmpty())
                .map(p -> new Editions(p.year(), headline(p), p.otherSources())).toList();
    }

    private static TrendViews.SourcedValue headline(TrendViews.Point p) {
        return new TrendViews.SourcedValue(p.value(), p.unit(), p.source(), p.dataset(), p.observation(), p.imported(), p.fileName(),
                p.importedBy());
    }

    private static int year(String field, String param) {
        if (param == null || !param.strip().matches("\\d{4}")) {
            throw Problems.invalid(field, field + " must be a year such as 2019");
        }
        return Integer.parseInt(param.strip());
    }

    private static String lowerFirst(String label) {
        // "Moderate or severe food insecurity" reads as a phrase; acronyms ("SMEB") keep their case.
        return label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
