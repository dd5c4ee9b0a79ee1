package org.knowledgehub.ingest;

import java.time.Instant;

/**
 * The status resource of a background ingest ({@code /api/ingests/{id}}).
 *
 * @param state    queued, parsing, annotating, storing, committed or failed
 * @param percent  how much of the text has been annotated (0 to 100)
 * @param document what the ingest did, once committed
 * @param problem  why it failed, once failed: the problem the upload would have been answered with
 * @param page     the page that shows this progress in a browser
 */
public record IngestStatus(String id, String state, int percent, String source, long bytes, Instant submitted,
                           Instant updated, IngestOutcome document, IngestJob.Failure problem, String page) {

    static IngestStatus of(IngestJob job) {
        return new IngestStatus(job.id(), job.state().code(), job.percent(), job.fields().sourceName(), job.fields().bytes(),
                job.submitted(), job.updated(), job.outcome(), job.failure(), "/ingests/" + job.id());
    }

    /** Whether nothing more will change. */
    public boolean finished() {
        return state.equals(IngestJob.State.COMMITTED.code()) || state.equals(IngestJob.State.FAILED.code());
    }
}
