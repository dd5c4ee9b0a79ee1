package org.knowledgehub.questions;

import java.util.List;

import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The question page's forms: accept, reject or reset a candidate, close or reopen the question,
 * correct how it is understood (its kind, its period, the constraints read from its text).
 * The same service calls and audit records as {@code POST /api/questions/{id}/reviews} and
 * {@code /status}; the service decides who may (coordinators of one of the question's sectors,
 * admins), the security configuration sends others to sign in or refuses them, and every form
 * carries its CSRF token.
 */
@Controller
class QuestionReviewForms {

    private final QuestionService questions;
    private final QuestionAudit audit;

    QuestionReviewForms(QuestionService questions, QuestionAudit audit) {
        this.questions = questions;
        this.audit = audit;
    }

    @PostMapping("/questions/{id}/reviews")
    String review(@PathVariable String id, @RequestParam(required = false) String passage,
                  @RequestParam(required = false) String verdict) {
        Caller caller = CurrentCaller.get();
        QuestionService.QuestionView view = questions.review(id, passage, verdict, caller);
        audit.reviewed(caller, view, passage, verdict);
        return "redirect:/questions/" + view.question().id();
    }

    @PostMapping("/questions/{id}/understanding")
    String correct(@PathVariable String id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String period, @RequestParam(required = false) List<String> ignore) {
        Caller caller = CurrentCaller.get();
        QuestionService.QuestionView view = questions.correct(id, new QuestionService.Correction(kind == null ? "" : kind, null, null,
                period == null ? "" : period, null, ignore == null ? List.of() : ignore), caller);
        audit.corrected(caller, view.question());
        return "redirect:/questions/" + view.question().id();
    }

    @PostMapping("/questions/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status) {
        Caller caller = CurrentCaller.get();
        Question q = questions.setStatus(id, status == null ? "" : status.strip(), caller);
        audit.statusChanged(caller, q);
        return "redirect:/questions/" + q.id();
    }
}
