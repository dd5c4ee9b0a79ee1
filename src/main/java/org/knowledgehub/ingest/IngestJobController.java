package org.knowledgehub.ingest;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.Problems;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/ingests}: the progress of uploads ingested in the background. */
@RestController
@Tag(name = "documents")
class IngestJobController {

    private final IngestJobs jobs;

    IngestJobController(IngestJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/ingests/{id}")
    @Operation(summary = "The progress of a background ingest (its sender or an admin)",
            description = "queued, parsing, annotating (with the share of the text done), storing, then committed "
                    + "(with the document) or failed (with the problem the upload would have been answered with).")
    IngestStatus get(@PathVariable String id) {
        return jobs.find(id, CurrentCaller.get()).map(IngestStatus::of)
                .orElseThrow(() -> Problems.notFound("ingest " + (id.length() > 60 ? id.substring(0, 60) + "…" : id)));
    }

    @GetMapping("/api/ingests")
    @Operation(summary = "Your background ingests (every one for an admin), newest first")
    List<IngestStatus> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw Problems.invalid("limit", "limit must be between 1 and 500");
        }
        return jobs.of(CurrentCaller.get(), limit).stream().map(IngestStatus::of).toList();
    }
}
