package org.knowledgehub.questions;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.knowledgehub.Problems;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.tables.CsvExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Research questions, their ranked answers and their review; and free questions ({@code /api/ask}). */
@RestController
@Tag(name = "questions")
class QuestionController {

    private final QuestionService questions;
    private final AuditTrail audit;
    private final QuestionAudit questionAudit;

    QuestionController(QuestionService questions, AuditTrail audit, QuestionAudit questionAudit) {
        this.questions = questions;
        this.audit = audit;
        this.questionAudit = questionAudit;
    }

    @GetMapping("/api/ask")
    @Operation(summary = "Answer a question without storing it",
            description = "Ranked answers (passages with the best sentences, why they matched, full provenance), grouped by "
                    + "document, near-duplicates merged, disagreeing figures flagged; confident=false when nothing answers well.")
    Answers ask(@Parameter(description = "The question in plain language") @RequestParam(required = false) String q,
                @Parameter(description = "Sector codes, e.g. wash") @RequestParam(required = false) List<String> sector,
                @Parameter(description = "P-codes, e.g. LB2") @RequestParam(required = false) List<String> area,
                @Parameter(description = "Population group code") @RequestParam(required = false) String population,
                @Parameter(description = "A year or years: 2020, 2019/2020") @RequestParam(required = false) String period,
                @Parameter(description = "The kind of answer asked for, when the hub should not read it from the question: "
                        + "fact, list, why, trend, comparison, who, where or when") @RequestParam(required = false) String kind,
                @Parameter(description = "Documents to return answers from, 1-50 (default 10)") @RequestParam(required = false) String k) {
        Answers answers = questions.ask(new QuestionService.Ask(q, sector, area, period, population, null, kind), CurrentCaller.get(),
                number(k));
        audit.recordRead(CurrentCaller.get(), "ask", AuditTrail.digest(q), answers.sources());
        return answers;
    }

    @PostMapping("/api/questions")
    @Operation(summary = "Ask a research question (any signed-in member)")
    ResponseEntity<Question> create(@RequestBody(required = false) QuestionService.Ask ask) {
        if (ask == null) {
            throw Problems.invalid("text", "the body must be a JSON object with text and sectors");
        }
        Question q = questions.create(ask, CurrentCaller.get());
        questionAudit.created(CurrentCaller.get(), q);
        return ResponseEntity.created(URI.create("/api/questions/" + q.id())).body(q);
    }

    @GetMapping("/api/questions")
    @Operation(summary = "List research questions")
    List<Question> list(@RequestParam(required = false) String sector, @RequestParam(required = false) String area,
                        @Parameter(description = "open or closed") @RequestParam(required = false) String status,
                        @RequestParam(required = false) String askedBy) {
        return questions.list(sector, area, status, askedBy);
    }

    @PatchMapping("/api/questions/{id}")
    @Operation(summary = "Correct how a question is understood (its asker, a coordinator of one of its sectors, an admin)",
            description = "Each member given replaces what the question had: kind, sectors, areas, period, population (an empty "
                    + "string removes it); ignore lists constraints read from the text to strike out, as type:value (area:LB3).")
    QuestionService.QuestionView correct(@PathVariable String id, @RequestBody(required = false) QuestionService.Correction correction) {
        QuestionService.QuestionView view = questions.correct(id, correction, CurrentCaller.get());
        questionAudit.corrected(CurrentCaller.get(), view.question());
        return view;
    }

    @GetMapping("/api/questions/{id}")
    @Operation(summary = "A research question with its ranked candidate answers and their reviews",
            description = "As CSV with Accept: text/csv or format=csv (hxl=true adds HXL hashtags): one row per candidate, "
                    + "with its provenance.")
    ResponseEntity<?> view(@PathVariable String id, @RequestParam(required = false) String k, HttpServletRequest request) {
        CsvExport export = CsvExport.of(request);
        QuestionService.QuestionView view = questions.view(id, CurrentCaller.get(), number(k));
        questionAudit.read(CurrentCaller.get(), "question", view);
        return export.answer(view, "question-" + id, CandidateCsv.COLUMNS, CandidateCsv.rows(view.answers()));
    }

    /** @param verdict accept, reject or normal */
    record Review(String passage, String verdict) {
    }

    @PostMapping("/api/questions/{id}/reviews")
    @Operation(summary = "Accept or reject a candidate answer (coordinator of one of the question's sectors, admin)")
    QuestionService.QuestionView review(@PathVariable String id, @RequestBody(required = false) Review review) {
        if (review == null) {
            throw Problems.invalid("passage", "the body must be a JSON object with passage and verdict");
        }
        QuestionService.QuestionView view = questions.review(id, review.passage(), review.verdict(), CurrentCaller.get());
        questionAudit.reviewed(CurrentCaller.get(), view, review.passage(), review.verdict());
        return view;
    }

    record Status(String status) {
    }

    @PostMapping("/api/questions/{id}/status")
    @Operation(summary = "Close or reopen a question (coordinator of one of its sectors, admin)")
    Question status(@PathVariable String id, @RequestBody(required = false) Status status) {
        Question q = questions.setStatus(id, status == null || status.status() == null ? "" : status.status().strip(),
                CurrentCaller.get());
        questionAudit.statusChanged(CurrentCaller.get(), q);
        return q;
    }

    private static Integer number(String k) {
        if (k == null || k.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw Problems.invalid("k", "k must be a whole number");
        }
    }
}
