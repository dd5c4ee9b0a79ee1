package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.Members;
import org.springframework.beans.factory.annotation.Autowired;

/** Documents ingested together: all in one commit, or none when the pipeline refuses one. */
class IngestTogetherTest extends HubTest {

    @Autowired
    IngestService ingest;

    private static IngestRequest note(String source, String text) {
        return new IngestRequest(text.getBytes(StandardCharsets.UTF_8), source, null, DocumentType.ASSESSMENT, "UNHCR",
                LocalDate.of(2023, 5, 1), Sensitivity.PUBLIC, "test");
    }

    private long hits(String marker) {
        return http().get("/api/search?q=" + marker).json().get("total").asLong();
    }

    @Test
    void allAreCommittedTogetherAndNoneWhenOneIsRefused() {
        String marker = Members.marker("Togeth");
        String prefix = "together-" + marker + "/";
        IngestRequest first = note(prefix + "a.md", "# Visit\n\nThe " + marker + " water point was repaired in May.");
        IngestRequest empty = new IngestRequest(new byte[0], prefix + "b.md", null, DocumentType.ASSESSMENT, "UNHCR",
                LocalDate.of(2023, 5, 1), Sensitivity.PUBLIC, "test");
        assertThatThrownBy(() -> ingest.ingestTogether(List.of(first, empty), id -> true))
                .isInstanceOfSatisfying(IngestService.RequestRefused.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo(IngestFailure.Reason.INVALID);
                });
        assertThat(hits(marker)).as("the valid one is not stored either").isZero();

        IngestRequest second = note(prefix + "c.md", "# Visit\n\nAt the " + marker + " school the roof leaks again.");
        IngestRequest sameBytes = note(prefix + "d.md", "# Visit\n\nThe " + marker + " water point was repaired in May.");
        List<IngestOutcome> outcomes = ingest.ingestTogether(List.of(first, second, sameBytes), id -> true);
        assertThat(outcomes).extracting(IngestOutcome::status).containsExactly(IngestOutcome.Status.CREATED,
                IngestOutcome.Status.CREATED, IngestOutcome.Status.UNCHANGED);
        assertThat(outcomes.get(2).id()).as("the same bytes are one document").isEqualTo(outcomes.get(0).id());
        assertThat(hits(marker)).isEqualTo(2);

        List<IngestOutcome> again = ingest.ingestTogether(List.of(first, second), id -> true);
        assertThat(again).extracting(IngestOutcome::status).containsOnly(IngestOutcome.Status.UNCHANGED);
        assertThat(again).extracting(IngestOutcome::id).containsExactly(outcomes.get(0).id(), outcomes.get(1).id());

        // A sender who may not read the stored documents gets documents of its own, not theirs.
        IngestRequest elsewhere = note("together-" + marker + "-other/a.md", "# Visit\n\nThe " + marker
                + " water point was repaired in May.");
        IngestOutcome own = ingest.ingestTogether(List.of(elsewhere), id -> false).getFirst();
        assertThat(own.status()).isEqualTo(IngestOutcome.Status.CREATED);
        assertThat(own.id()).isNotIn(outcomes.get(0).id(), outcomes.get(1).id());
    }
}
