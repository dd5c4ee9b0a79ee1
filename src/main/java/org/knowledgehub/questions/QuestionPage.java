package org.knowledgehub.questions;

import java.util.List;

import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The form that asks a research question from a page (the trend explanation pre-fills it); signed-in members only. */
@Controller
class QuestionPage {

    private final QuestionService questions;

    QuestionPage(QuestionService questions) {
        this.questions = questions;
    }

    @PostMapping("/questions")
    String ask(@RequestParam(required = false) String text, @RequestParam(required = false) List<String> sectors,
               @RequestParam(required = false) List<String> areas, @RequestParam(required = false) String period,
               @RequestParam(required = false) String population) {
        Question q = questions.create(new QuestionService.Ask(text, sectors == null ? List.of() : sectors,
                areas == null ? List.of() : areas, period, population, null), CurrentCaller.get());
        return "redirect:/id/question/" + q.id();
    }
}
