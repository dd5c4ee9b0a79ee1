package org.knowledgehub.ingest;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The review queue of proposed organisations, for coordinators and admins: as JSON and as a page. */
@Controller
@Tag(name = "organisations")
class ProposedOrganisationsController {

    private final ProposedOrganisations proposals;

    ProposedOrganisationsController(ProposedOrganisations proposals) {
        this.proposals = proposals;
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
