package org.knowledgehub.questions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.knowledgehub.ontology.ConceptChoices;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.store.LocalLinks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of a research question ({@code /id/question/{id}} sends browsers here): the same view
 * as {@code GET /api/questions/{id}}, and for those who may review, the forms of {@link QuestionReviewForms}.
 */
@Controller
class QuestionViewPage {

    private final QuestionService questions;
    private final QuestionAudit audit;
    private final ConceptChoices concepts;
    private final LocalLinks links;
    private final UnderstandingText understood;

    QuestionViewPage(QuestionService questions, QuestionAudit audit, ConceptChoices concepts, LocalLinks links,
                     UnderstandingText understood) {
        this.questions = questions;
        this.audit = audit;
        this.concepts = concepts;
        this.links = links;
        this.understood = understood;
    }

    @GetMapping("/questions/{id}")
    String page(@PathVariable String id, Locale reader, Model model) {
        Caller caller = CurrentCaller.get();
        QuestionService.QuestionView view = questions.view(id, caller, null);
        audit.read(caller, "question-page", view);
        model.addAttribute("page", QuestionPageView.of(view, questions.mayReview(caller, view.question()),
                questions.mayCorrect(caller, view.question()), concepts.in(reader), links));
        model.addAttribute("links", links);
        Understanding u = view.answers().understanding();
        if (u != null) {
            // In the reader's interface language, whatever language the question was asked in.
            model.addAttribute("understoodAs", understood.summary(u, reader));
            Map<String, String> chips = new HashMap<>();
            u.constraints().forEach(c -> chips.put(c.type() + ":" + c.value(), understood.chip(c, reader)));
            model.addAttribute("constraintChips", chips);
        }
        return "question";
    }
}
