package org.knowledgehub.ingest;

import java.util.List;

/**
 * The summary of a bulk ingest.
 *
 * @param commits  store commits it took (batches)
 * @param failures each failed source with the reason, as a user can act on it
 */
public record BulkReport(int created, int replaced, int unchanged, long passages, long triples, int commits, double seconds,
                         List<Failure> failures) {

    public record Failure(String source, String reason) {
    }

    public int documents() {
        return created + replaced + unchanged;
    }
}
