package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import tools.jackson.databind.json.JsonMapper;

/** The spool of background ingests on a real folder: what survives a restart, what a crash left, what is forgotten. */
class IngestSpoolTest {

    private static final Caller RANA = new Caller("rana", Set.of(Role.CONTRIBUTOR), "https://example.org/org/unhcr",
            Set.of("https://example.org/sector/shelter"));

    @TempDir
    Path data;

    @Test
    void anAcceptedJobComesBackWithEverythingItsSenderDeclared() throws Exception {
        IngestSpool spool = spool();
        byte[] bytes = "Households in Zahle buy water from tankers.".getBytes(StandardCharsets.UTF_8);
        IngestRequest request = new IngestRequest(bytes, "unhcr/note.txt", "A note", DocumentType.FIELD_NOTE, "https://example.org/org/unhcr",
                LocalDate.of(2024, 3, 1), Sensitivity.RESTRICTED, "rana", Set.of("https://example.org/org/wfp"), Set.of(),
                new ConsentRecord(true, true, "follow-up", false), null, "fr");
        IngestJob job = IngestJob.queued("0b9f6f0e-4a8c-4c53-9d2e-0d7f3c1f2a11", RANA, request);
        spool.accept(job, bytes);

        IngestJob back = spool().load(Instant.now().minus(Duration.ofDays(7))).getFirst();
        assertThat(back).isEqualTo(job);
        IngestRequest again = back.fields().request(spool.bytes(job.id()));
        assertThat(again.bytes()).isEqualTo(bytes);
        assertThat(again).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(request);
    }

    @Test
    void halfWrittenFilesGoAndFinishedJobsAreForgottenOnceOld() throws Exception {
        IngestSpool spool = spool();
        byte[] bytes = "text".getBytes(StandardCharsets.UTF_8);
        IngestRequest request = new IngestRequest(bytes, "note.txt", null, null, null, null, null, "rana");
        IngestJob finished = IngestJob.queued("11111111-1111-4111-8111-111111111111", RANA, request)
                .failed(new IngestJob.Failure(422, "unprocessable-content", "file", "no text"));
        IngestJob waiting = IngestJob.queued("22222222-2222-4222-8222-222222222222", RANA, request);
        spool.accept(finished, bytes);
        spool.accept(waiting, bytes);
        // A crash between the file and its state, and a temporary file of a write that never ended.
        Files.write(data.resolve("ingests/33333333-3333-4333-8333-333333333333.upload"), bytes);
        Files.write(data.resolve("ingests/incoming123.tmp"), bytes);

        assertThat(spool.load(Instant.now().minus(Duration.ofDays(7)))).extracting(IngestJob::id)
                .containsExactlyInAnyOrder(finished.id(), waiting.id());
        assertThat(names()).containsExactlyInAnyOrder(finished.id() + ".json", finished.id() + ".upload", waiting.id() + ".json",
                waiting.id() + ".upload");

        assertThat(spool.load(Instant.now().plus(Duration.ofMinutes(1)))).extracting(IngestJob::id).containsExactly(waiting.id());
        assertThat(names()).containsExactlyInAnyOrder(waiting.id() + ".json", waiting.id() + ".upload");
    }

    @Test
    void aLeaseThatIsNotPositiveIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new IngestSpool(new HubProperties(data, URI.create("http://localhost:8080/")), JsonMapper.builder().build(),
                null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kh.ingest.job-lease");
    }

    private IngestSpool spool() throws Exception {
        return new IngestSpool(new HubProperties(data, URI.create("http://localhost:8080/")), JsonMapper.builder().build(), null, Duration.ofSeconds(30));
    }

    private Set<String> names() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("ingests"))) {
            return Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
