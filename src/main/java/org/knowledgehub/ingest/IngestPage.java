package org.knowledgehub.ingest;

import org.knowledgehub.Problems;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages that follow background ingests: the sender's list and one job's progress, refreshed until it ends. */
@Controller
class IngestPage {

    private final IngestJobs jobs;

    IngestPage(IngestJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/ingests")
    String list(Model model) {
        model.addAttribute("ingests", jobs.of(CurrentCaller.get(), 100).stream().map(IngestStatus::of).toList());
        return "ingests";
    }

    @GetMapping("/ingests/{id}")
    String show(@PathVariable String id, Model model) {
        IngestStatus status = jobs.find(id, CurrentCaller.get()).map(IngestStatus::of)
                .orElseThrow(() -> Problems.notFound("ingest " + (id.length() > 60 ? id.substring(0, 60) + "…" : id)));
        model.addAttribute("ingest", status);
        return "ingest";
    }
}
