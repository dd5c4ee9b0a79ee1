package org.knowledgehub.questions;

import java.util.List;

/**
 * The answers to a question.
 *
 * @param confident false when nothing answers well enough: the calibrated "no good answer"
 * @param concepts  the concepts understood in the question, used to expand and boost the search
 * @param conflicts figures for the same indicator, area and year that candidates disagree on
 */
public record Answers(String question, boolean confident, List<Answer.Entity> concepts, List<Integer> years,
                      List<Answer> answers, List<Conflict> conflicts) {

    /** Candidates giving different figures for the same indicator, area and year, side by side. */
    public record Conflict(String indicator, String area, int year, List<Figure> figures) {
    }

    public record Figure(String value, String passage, String quote, String document) {
    }
}
