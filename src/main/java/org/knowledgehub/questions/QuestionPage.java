package org.knowledgehub.questions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowledgehub.ontology.ConceptChoices;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of research questions ({@code /questions}, filtered as {@code GET /api/questions} is)
 * and the form that asks one (signed-in members only; the trend explanation pre-fills it too).
 */
@Controller
class QuestionPage {

    private final QuestionService questions;
    private final QuestionAudit audit;
    private final ConceptChoices concepts;

    QuestionPage(QuestionService questions, QuestionAudit audit, ConceptChoices concepts) {
        this.questions = questions;
        this.audit = audit;
        this.concepts = concepts;
    }

    /** A question as the list shows it. */
    record Row(Question question, List<ConceptChoices.Choice> sectors, List<ConceptChoices.Choice> areas, int accepted) {
    }

    @GetMapping("/questions")
    String list(@RequestParam(required = false) String sector, @RequestParam(required = false) String area,
                @RequestParam(required = false) String status, @RequestParam(required = false) String askedBy, Locale reader,
                Model model) {
        Caller caller = CurrentCaller.get();
        ConceptChoices concepts = this.concepts.in(reader);
        Map<String, Integer> accepted = questions.acceptedCounts(caller);
        List<Row> rows = questions.list(sector, area, status, askedBy).stream()
                .map(q -> new Row(q, concepts.sectors(q.sectors()), concepts.areas(q.areas()), accepted.getOrDefault(q.id(), 0)))
                .toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("sector", sector == null ? "" : sector.strip());
        filters.put("area", area == null ? "" : area.strip());
        filters.put("status", status == null ? "" : status.strip());
        filters.put("askedBy", askedBy == null ? "" : askedBy.strip());
        model.addAttribute("rows", rows);
        model.addAttribute("filters", filters);
        model.addAttribute("sectors", concepts.sectors());
        model.addAttribute("areas", concepts.areas());
        model.addAttribute("populations", concepts.populations());
        return "questions";
    }

    @PostMapping("/questions")
    String ask(@RequestParam(required = false) String text, @RequestParam(required = false) List<String> sectors,
               @RequestParam(required = false) List<String> areas, @RequestParam(required = false) String period,
               @RequestParam(required = false) String population, @RequestParam(required = false) String askedBy,
               @RequestParam(required = false) String kind) {
        Question q = questions.create(new QuestionService.Ask(text, sectors == null ? List.of() : sectors,
                areas == null ? List.of() : areas, period, population, askedBy, kind), CurrentCaller.get());
        audit.created(CurrentCaller.get(), q);
        return "redirect:/questions/" + q.id();
    }
}
