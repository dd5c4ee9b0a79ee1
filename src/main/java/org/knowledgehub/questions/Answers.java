package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.List;

import org.knowledgehub.search.SearchResponse;

/**
 * The answers to a question.
 *
 * @param confident     false when nothing answers well enough: the calibrated "no good answer"
 * @param reason        why the answer is not confident (a constraint nothing meets, a quote too far from the
 *                      question), or null when it is
 * @param understanding what the question was understood to ask: its kind and its constraints
 * @param concepts      the concepts understood in the question, used to expand and boost the search
 * @param conflicts figures for the same indicator, population, area and period that candidates disagree on
 */
public record Answers(String question, boolean confident, String reason, Understanding understanding,
                      List<Answer.Entity> concepts, List<Integer> years, List<Answer> answers, List<Conflict> conflicts) {

    /** The same answers in another order or with other candidates (reviews added, a period's first). */
    public Answers withAnswers(List<Answer> others) {
        return new Answers(question, confident, reason, understanding, concepts, years, others, conflicts);
    }

    /**
     * Candidates giving different figures for the same indicator, population, area and period, side by side.
     *
     * @param qualifiers the part of the population both speak of ("female-headed"), "" for all of it
     * @param kind      share, change, count, amount or rate, in {@code unit}
     */
    public record Conflict(String indicator, String population, String qualifiers, String area, String period, String kind,
                           String unit, List<Figure> figures) {
    }

    /** One side: the figure, the sentence that gives it ({@code quote}), its passage and its document. */
    public record Figure(String value, String passage, String quote, String document, SearchResponse.DocumentRef source) {
    }

    /** The IRIs of every passage these answers show (candidates, further candidates, duplicates, figures): for the audit trail. */
    public List<String> sources() {
        List<String> out = new ArrayList<>();
        for (Answer a : answers) {
            out.add(a.passage());
            a.more().forEach(m -> out.add(m.passage()));
            a.duplicates().forEach(d -> out.add(d.passage()));
        }
        conflicts.forEach(c -> c.figures().forEach(f -> out.add(f.passage())));
        return out;
    }
}
