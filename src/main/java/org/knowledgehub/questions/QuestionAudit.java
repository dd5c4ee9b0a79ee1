package org.knowledgehub.questions;

import java.util.List;

import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * What the audit trail records of research questions, the same whether the API or a page was used:
 * which graphs a question's reading showed and which graph a write went to.
 */
@Component
class QuestionAudit {

    private final AuditTrail audit;
    private final Uris uris;

    QuestionAudit(AuditTrail audit, Uris uris) {
        this.audit = audit;
        this.uris = uris;
    }

    void created(Caller caller, Question q) {
        audit.recordWrite(caller, "question.create", q.uri(), List.of(q.uri()), "created");
    }

    /** @param channel "question" (the API) or "question-page" */
    void read(Caller caller, String channel, QuestionService.QuestionView view) {
        audit.recordRead(caller, channel, view.question().uri(), view.answers().sources());
    }

    /** The review is written into the question's graph about the passage's document. */
    void reviewed(Caller caller, QuestionService.QuestionView view, String passage, String verdict) {
        audit.recordWrite(caller, "question.review", passage, uris.documentIdOf(passage.strip())
                .map(doc -> List.of(uris.questionSourceGraph(view.question().id(), doc))).orElse(List.of()), verdict);
    }

    void corrected(Caller caller, Question q) {
        audit.recordWrite(caller, "question.correct", q.uri(), List.of(q.uri()), "kind=" + q.kind() + " period=" + q.period()
                + " areas=" + q.areas() + " population=" + q.population() + " ignored=" + q.ignored());
    }

    void statusChanged(Caller caller, Question q) {
        audit.recordWrite(caller, "question.status", q.uri(), List.of(q.uri()), q.status());
    }
}
