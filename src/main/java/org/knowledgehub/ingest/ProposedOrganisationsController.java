package org.knowledgehub.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review queue of proposed organisations, for coordinators and admins: as JSON and as a page. */
@Controller
@Tag(name = "organisations")
class ProposedOrganisationsController {

    private final ProposedOrganisations proposals;
    private final OrganisationReviews reviews;
    /** What was done is said in the reader's language. */
    private final MessageSource messages;

    ProposedOrganisationsController(ProposedOrganisations proposals, OrganisationReviews reviews, MessageSource messages) {
        this.proposals = proposals;
        this.reviews = reviews;
        this.messages = messages;
    }

    /** An acceptance: the proposal's name, and the organisation's name, acronym, other name and kind. */
    record Acceptance(String proposal, String name, String acronym, String alias, String kind) {
    }

    /** A rejection: the proposal's name. */
    record Rejection(String proposal) {
    }

    @PostMapping(path = "/api/organisations/proposed/accept", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Adds a proposed organisation to the directory and re-links the documents naming it (coordinator, admin)")
    OrganisationReviews.Accepted accept(@RequestBody Acceptance a) {
        return reviews.accept(CurrentCaller.get(), a.proposal(), a.name(), a.acronym(), a.alias(), a.kind());
    }

    @PostMapping(path = "/api/organisations/proposed/reject", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Records a proposed name as no organisation: it is never proposed again (coordinator, admin)")
    Map<String, String> reject(@RequestBody Rejection r) {
        return Map.of("rejected", reviews.reject(CurrentCaller.get(), r.proposal()));
    }

    @PostMapping("/organisations/proposed/accept")
    String acceptFromPage(@RequestParam Map<String, String> form, Locale reader, RedirectAttributes redirect) {
        try {
            OrganisationReviews.Accepted done = reviews.accept(CurrentCaller.get(), form.get("proposal"), form.get("name"),
                    form.get("acronym"), form.get("alias"), form.get("kind"));
            redirect.addFlashAttribute("done", messages.getMessage("proposed.accepted",
                    new Object[] {done.name(), String.valueOf(done.documents().size())}, reader));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("refused", e.getBody().getDetail());
        }
        return "redirect:/organisations/proposed";
    }

    @PostMapping("/organisations/proposed/reject")
    String rejectFromPage(@RequestParam Map<String, String> form, Locale reader, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", messages.getMessage("proposed.rejected",
                    new Object[] {reviews.reject(CurrentCaller.get(), form.get("proposal"))}, reader));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("refused", e.getBody().getDetail());
        }
        return "redirect:/organisations/proposed";
    }

    @GetMapping(path = "/api/organisations/proposed", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Names NER took for organisations that the directory does not know, with the documents naming them (coordinator, admin)")
    List<ProposedOrganisations.Proposal> proposed() {
        return proposals.list(CurrentCaller.get());
    }

    @GetMapping("/organisations/proposed")
    String page(Model model) {
        model.addAttribute("proposals", proposals.list(CurrentCaller.get()));
        return "organisations-proposed";
    }
}
