package org.knowledgehub.observations;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.knowledgehub.FormProblem;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue of field observations for coordinators (of the observations' sectors) and
 * admins, and the status of their own organisation's observations for contributors. Both read
 * through {@link Observations#list}, so a page shows what {@code GET /api/observations} would,
 * and a verdict goes through the same {@link Observations#review} as {@code POST /api/observations/{id}/reviews}.
 */
@Controller
class ObservationReviewPage {

    /** As many observations as the API lists at most. */
    private static final int LIMIT = 1000;
    /** The form's fields a refused verdict may name. */
    private static final Set<String> FIELDS = Set.of("verdict", "note");

    private final Observations observations;

    ObservationReviewPage(Observations observations) {
        this.observations = observations;
    }

    @GetMapping("/observations/review")
    String queue(Model model) {
        Caller caller = CurrentCaller.get();
        List<ObservationView> reviewable = observations.list(caller, null, null, null, null, LIMIT).stream()
                .filter(o -> Observations.mayReview(o, caller)).toList();
        model.addAttribute("awaiting", reviewable.stream().filter(o -> o.status().equals("submitted")).toList());
        model.addAttribute("reviewed", reviewable.stream().filter(o -> !o.status().equals("submitted")).toList());
        return "observations-review";
    }

    @PostMapping("/observations/{id}/reviews")
    String review(@PathVariable String id, @RequestParam(required = false) String verdict,
                  @RequestParam(required = false) String note, RedirectAttributes redirect, Model model,
                  HttpServletResponse response) {
        try {
            ObservationView o = observations.review(id, verdict, note, CurrentCaller.get());
            // The page words it in the reader's language.
            redirect.addFlashAttribute("notice", o.title());
            redirect.addFlashAttribute("noticeStatus", o.status());
            redirect.addFlashAttribute("noticeId", o.id());
            return "redirect:/observations/review";
        } catch (ErrorResponseException e) {
            model.addAttribute("problem", FormProblem.of(e, FIELDS, "observation", response));
            model.addAttribute("problemId", id);
            return queue(model);
        }
    }

    @GetMapping("/observations/mine")
    String mine(Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("observations", caller.organisation() == null ? List.of()
                : observations.list(caller, null, null, null, caller.organisation(), LIMIT));
        return "observations-mine";
    }
}
