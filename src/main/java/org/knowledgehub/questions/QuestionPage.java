package org.knowledgehub.questions;

import java.util.List;

import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The form that asks a research question from a page (the trend explanation pre-fills it); signed-in members only. */
@Controller
class QuestionPage {

    private final QuestionService questions;
    private final AuditTrail audit;

    QuestionPage(QuestionService questions, AuditTrail audit) {
        this.questions = questions;
        this.audit = audit;
    }

    @PostMapping("/questions")
    String ask(@RequestParam(required = false) String text, @RequestParam(required = false) List<String> sectors,
               @RequestParam(required = false) List<String> areas, @RequestParam(required = false) String period,
               @RequestParam(required = false) String population) {
        Question q = questions.create(new QuestionService.Ask(text, sectors == null ? List.of() : sectors,
                areas == null ? List.of() : areas, period, population, null), CurrentCaller.get());
        audit.recordWrite(CurrentCaller.get(), "question.create", q.uri(), List.of(q.uri()), "created");
        return "redirect:/id/question/" + q.id();
    }
}
