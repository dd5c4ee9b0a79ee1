package org.knowledgehub.questions;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Statement;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.ReportSeries;
import org.springframework.stereotype.Component;

/**
 * The figures sentences give for an indicator. "49% of households are moderately or severely food
 * insecure, compared to 29% in 2019" claims 49% for the sentence's year (its document's) and 29%
 * for 2019. A figure is given for the sentence's one indicator, or where a sentence names several,
 * for the one named last before it (never one named after it); a figure after the first makes a
 * claim only when the sentence ties it to a year or an area of its own ("29% in 2019", "the North
 * (70%)"). Each clause of a sentence joined by a semicolon makes its own claims.
 */
@Component
class FigureClaims {

    /** How far before a figure the place it is given for may stand. */
    private static final int OWN_AREA_GAP = 25;
    /** A semicolon joins clauses that each make their own claims ("FHHs (58%) ...; FHHs (68%) ... crisis"). */
    private static final Pattern CLAUSES = Pattern.compile(";\\s");
    private static final Pattern ABBREVIATION_END = Pattern.compile("\\b(?:vs|e\\.g|i\\.e|approx|cf)\\.$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_AFTER_STOP = Pattern.compile("(?<=\\p{Ll}{3}\\.)\\s+(?=\\d)");
    /** "(< SMEB)": the reports' sign for below, which the gazetteer knows only in words. */
    private static final Pattern BELOW_SIGN = Pattern.compile("<\\s?(?=\\p{L})");

    private final Gazetteer gazetteer;
    private final ConceptLabels labels;
    private final ReportSeries series;

    FigureClaims(Gazetteer gazetteer, ConceptLabels labels, ReportSeries series) {
        this.gazetteer = gazetteer;
        this.labels = labels;
        this.series = series;
    }

    /**
     * What the document tells of the sentences that do not say: the year of its edition (in its
     * title, else its date's), and the population and area its title, or its report series' name,
     * names ("Vulnerability Assessment of Syrian Refugees in Lebanon"); Lebanon when it names none.
     */
    record Context(int year, String population, String area) {
    }

    Context context(String title, String date) {
        String named = title == null ? "" : title;
        int year = FigureText.firstYear(named);
        if (year == 0 && date != null && date.length() >= 4 && date.substring(0, 4).matches("\\d{4}")) {
            year = Integer.parseInt(date.substring(0, 4));
        }
        String about = named + " " + series.namedIn(named).map(s -> String.join(" ", s.names())).orElse("");
        Set<String> populations = codes(about, MentionType.POPULATION);
        Set<String> areas = codes(about, MentionType.PLACE);
        return new Context(year, populations.size() == 1 ? populations.iterator().next() : null,
                areas.size() > 1 ? null : areas.isEmpty() ? "LB" : areas.iterator().next());
    }

    List<FigureClaim> in(String text, Context context) {
        List<FigureClaim> out = new ArrayList<>();
        for (String sentence : sentences(text)) {
            for (String clause : CLAUSES.split(sentence)) {
                out.addAll(claims(clause.strip(), context));
            }
        }
        return out;
    }

    /**
     * The sentences of a text, not broken after an abbreviation such as "vs." ("(55% vs. 48%)"), and
     * broken before a number after a full stop, which the break rules leave joined: "shelters. 1
     * https://..." ends a sentence before its footnote.
     */
    private static List<String> sentences(String text) {
        return breaks(text).stream().flatMap(s -> NUMBER_AFTER_STOP.splitAsStream(s)).toList();
    }

    private static List<String> breaks(String text) {
        List<String> out = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(text);
        int from = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (end == text.length() || !ABBREVIATION_END.matcher(text.substring(from, end).stripTrailing()).find()) {
                out.add(text.substring(from, end));
                from = end;
            }
        }
        return out;
    }

    private List<FigureClaim> claims(String written, Context context) {
        String sentence = BELOW_SIGN.matcher(written).replaceAll("below ");
        List<Gazetteer.Match> indicators = new ArrayList<>();
        Set<String> populations = new TreeSet<>();
        List<Gazetteer.Match> places = new ArrayList<>();
        for (Gazetteer.Match m : gazetteer.find(sentence, true)) {
            switch (m.type()) {
                case INDICATOR -> indicators.add(m);
                case POPULATION -> populations.add(labels.code(m.concept()));
                case PLACE -> places.add(m);
                default -> { }
            }
        }
        indicators = measured(indicators, sentence);
        if (indicators.isEmpty()) {
            return List.of();
        }
        String population = populations.size() > 1 ? null : populations.isEmpty() ? context.population() : populations.iterator().next();
        String qualifiers = FigureText.qualifiers(sentence);
        List<FigureText.Figure> figures = FigureText.figures(sentence);
        List<FigureClaim> out = new ArrayList<>();
        for (FigureText.Figure f : figures) {
            Gazetteer.Match measure = indicatorOf(indicators, f);
            if (measure == null) {
                continue;
            }
            String indicator = labels.code(measure.concept());
            String ownYear = FigureText.ownYear(sentence, f, figures);
            String ownArea = ownArea(places, f, figures);
            boolean first = f == figures.getFirst();
            if (!first && ownYear == null && ownArea == null || !measures(unitOf(measure.concept()), f.kind())) {
                continue;
            }
            String period = ownYear != null ? ownYear : FigureText.sentencePeriod(sentence, figures, context.year());
            String area = ownArea != null ? ownArea : places.isEmpty() ? context.area()
                    : places.size() == 1 ? labels.code(places.getFirst().concept()) : null;
            out.add(new FigureClaim(indicator, population, qualifiers, area, period == null ? null : period + FigureText.round(sentence),
                    f.kind(), f.unit(), f.value(), f.written(), written));
        }
        return out;
    }

    /**
     * The indicators a sentence measures: among several, one named in words that narrow the
     * population ("households in non-permanent shelters were more food insecure") says whose
     * figure it is, not what is measured.
     */
    private static List<Gazetteer.Match> measured(List<Gazetteer.Match> indicators, String sentence) {
        if (indicators.stream().map(Gazetteer.Match::concept).distinct().count() < 2) {
            return indicators;
        }
        List<Gazetteer.Match> measures = indicators.stream()
                .filter(m -> !FigureText.namesPart(sentence.substring(m.start(), m.end()))).toList();
        return measures.isEmpty() ? indicators : measures;
    }

    /**
     * The indicator a figure is given for: the sentence's only one, else the last one named
     * before the figure ("...working (33%) and the unemployment rate decreasing from 35%"); none
     * when several are named and none before it.
     */
    private static Gazetteer.Match indicatorOf(List<Gazetteer.Match> indicators, FigureText.Figure f) {
        if (indicators.stream().map(Gazetteer.Match::concept).distinct().count() == 1) {
            return indicators.getFirst();
        }
        Gazetteer.Match nearest = null;
        for (Gazetteer.Match m : indicators) {
            if (m.end() <= f.start()) {
                nearest = m;
            }
        }
        return nearest;
    }

    /**
     * The place named right before a figure, among several places, with no other figure between
     * ("the North (70%)", "in Akkar from 33%").
     */
    private String ownArea(List<Gazetteer.Match> places, FigureText.Figure f, List<FigureText.Figure> figures) {
        Gazetteer.Match nearest = null;
        for (Gazetteer.Match p : places) {
            if (p.end() <= f.start()) {
                nearest = p;
            }
        }
        if (nearest == null || places.size() < 2 || f.start() - nearest.end() > OWN_AREA_GAP) {
            return null;
        }
        int from = nearest.end();
        boolean between = figures.stream().anyMatch(g -> g.start() >= from && g.start() < f.start());
        return between ? null : labels.code(nearest.concept());
    }

    /** The indicator's unit ("% of households", "LBP per household"), or "" when the ontology gives none. */
    private String unitOf(String indicator) {
        Statement unit = labels.resource(indicator).getProperty(KH.unit);
        return unit == null ? "" : unit.getString();
    }

    /**
     * Whether a figure of this kind can be a value of an indicator in this unit: a share for an
     * indicator in %, an amount for one in LBP or USD, a change for either; "33% borrow to buy
     * medicine" is no value of the average debt.
     */
    private static boolean measures(String unit, FigureKind kind) {
        if (kind == FigureKind.CHANGE) {
            return true;
        }
        if (unit.startsWith("%")) {
            return kind == FigureKind.SHARE;
        }
        if (unit.startsWith("LBP") || unit.startsWith("USD")) {
            return kind == FigureKind.AMOUNT;
        }
        return kind != FigureKind.SHARE && kind != FigureKind.AMOUNT;
    }

    private Set<String> codes(String text, MentionType type) {
        Set<String> out = new TreeSet<>();
        gazetteer.find(text, true).stream().filter(m -> m.type() == type).forEach(m -> out.add(labels.code(m.concept())));
        return out;
    }
}
