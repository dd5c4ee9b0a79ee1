package org.knowledgehub.questions;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Figures for one indicator, area and year that candidates disagree on. */
    record ConflictView(ConceptChoices.Choice indicator, ConceptChoices.Choice area, int year, List<FigureView> figures) {
    }

    record FigureView(String value, String quote, String passage, String document, String documentTitle) {
    }

    static QuestionPageView of(QuestionService.QuestionView view, boolean mayReview, boolean mayCorrect, ConceptChoices concepts,
                               LocalLinks links) {
        Answers answers = view.answers();
        Set<String> conflicting = new HashSet<>();
        answers.conflicts().forEach(c -> c.figures().forEach(f -> conflicting.add(f.passage())));
        Map<String, SearchResponse.DocumentRef> documents = new HashMap<>();
        for (Answer a : answers.answers()) {
            documents.putIfAbsent(a.provenance().document().id(), a.provenance().document());
            a.more().forEach(m -> documents.putIfAbsent(m.provenance().document().id(), m.provenance().document()));
            a.duplicates().forEach(d -> documents.putIfAbsent(d.document().id(), d.document()));
        }
        List<ConflictView> conflicts = answers.conflicts().stream().map(c -> new ConflictView(concepts.indicator(c.indicator()),
                concepts.area(c.area()), c.year(), c.figures().stream().map(f -> {
                    SearchResponse.DocumentRef d = documents.get(f.document());
                    return new FigureView(f.value(), f.quote(), links.href(f.passage()),
                            d == null ? "/id/document/" + f.document() : links.href(d.uri()), d == null ? f.document() : d.title());
                }).toList())).toList();
        Question q = view.question();
        return new QuestionPageView(q, concepts.sectors(q.sectors()), concepts.areas(q.areas()), concepts.population(q.population()),
                answers.confident(), answers.reason(), answers.understanding(),
                answers.answers().stream().map(a -> CandidateView.of(a, conflicting)).toList(), conflicts, mayReview, mayCorrect);
    }
}
