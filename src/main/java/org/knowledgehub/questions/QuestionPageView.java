package org.knowledgehub.questions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knowledgehub.ontology.ConceptChoices;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.store.LocalLinks;

/**
 * What the page of a research question shows: the question with its concepts named, its
 * candidates as {@link QuestionService#view} ranks and groups them, and the figures they disagree on.
 *
 * @param understanding how the hub understood the question: its kind and constraints ("understood as")
 * @param reason        why no candidate is a confident answer, or null
 * @param mayReview     whether the caller gets the review forms (the service decides, as it enforces)
 * @param mayCorrect    whether the caller gets the form that corrects the understanding
 */
record QuestionPageView(Question question, List<ConceptChoices.Choice> sectors, List<ConceptChoices.Choice> areas,
                        ConceptChoices.Choice population, boolean confident, String reason,
                        Understanding understanding, List<CandidateView> candidates, List<ConflictView> conflicts,
                        boolean mayReview, boolean mayCorrect) {

    /** The kinds a question can be corrected to, for the form. */
    public List<String> kinds() {
        return java.util.Arrays.stream(Understanding.Kind.values()).map(Understanding.Kind::code).toList();
    }

    /** The constraints read from the question's text, which the form can strike out, and those struck out already. */
    public List<String> ignorable() {
        List<String> out = new java.util.ArrayList<>(understanding == null ? List.of() : understanding.constraints().stream()
                .filter(c -> !c.given()).map(c -> c.type() + ":" + c.value()).toList());
        question.ignored().stream().filter(i -> !out.contains(i)).forEach(out::add);
        return out;
    }

    /**
     * Figures for one indicator, population, area and period that candidates disagree on.
     *
     * @param measure what both figures measure in words: the population's part and the kind of value ("share, %")
     */
    record ConflictView(ConceptChoices.Choice indicator, ConceptChoices.Choice population, ConceptChoices.Choice area, String period,
                        String measure, List<FigureView> figures) {
    }

    /** One side: the figure, its sentence, and its source (document, organisations, date, link to the passage). */
    record FigureView(String value, String quote, String passage, String document, String documentTitle, List<String> organisations,
                      String date) {
    }

    static QuestionPageView of(QuestionService.QuestionView view, boolean mayReview, boolean mayCorrect, ConceptChoices concepts,
                               LocalLinks links) {
        Answers answers = view.answers();
        Set<String> conflicting = new HashSet<>();
        answers.conflicts().forEach(c -> c.figures().forEach(f -> conflicting.add(f.passage())));
        List<ConflictView> conflicts = answers.conflicts().stream().map(c -> new ConflictView(concepts.indicator(c.indicator()),
                concepts.population(c.population()), concepts.area(c.area()), c.period(),
                (c.qualifiers().isEmpty() ? "" : c.qualifiers().replace(",", ", ") + "; ") + c.kind() + ", " + c.unit(),
                c.figures().stream().map(f -> {
                    SearchResponse.DocumentRef d = f.source();
                    return new FigureView(f.value(), f.quote(), links.href(f.passage()), links.href(d.uri()), d.title(),
                            d.organisations(), d.date());
                }).toList())).toList();
        Question q = view.question();
        return new QuestionPageView(q, concepts.sectors(q.sectors()), concepts.areas(q.areas()), concepts.population(q.population()),
                answers.confident(), answers.reason(), answers.understanding(),
                answers.answers().stream().map(a -> CandidateView.of(a, conflicting)).toList(), conflicts, mayReview, mayCorrect);
    }
}
