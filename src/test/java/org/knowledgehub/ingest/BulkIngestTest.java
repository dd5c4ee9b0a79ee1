package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.DocumentType;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Bulk ingest (command line, corpus): failures reported without stopping the rest, batches committed as they fill. */
class BulkIngestTest extends HubTest {

    @Autowired
    IngestService ingest;

    private static IngestService.Source note(String name, String text) {
        return new IngestService.Source(name, () -> new IngestRequest(text.getBytes(StandardCharsets.UTF_8), name, null,
                DocumentType.FIELD_NOTE, null, null, null, "test"));
    }

    @Test
    void everySourceIsAccountedForAndBatchesCommitAsTheyAreReady() {
        String marker = "bulkingestmarker" + System.nanoTime();
        List<IngestService.Source> sources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sources.add(note("bulk/" + marker + "-" + i + ".md", "# Field note " + i + "\n\nIn Hermel, " + marker
                    + " households reported " + (10 + i) + " evictions to the Norwegian Refugee Council.\n"));
        }
        sources.add(note("bulk/" + marker + "-copy.md", "# Field note 0\n\nIn Hermel, " + marker
                + " households reported 10 evictions to the Norwegian Refugee Council.\n"));
        sources.add(new IngestService.Source("bulk/" + marker + "-broken.md", () -> new IngestRequest(new byte[64],
                "bulk/" + marker + "-broken.md", null, null, null, null, null, "test")));
        List<String> seen = new ArrayList<>();

        BulkReport report = ingest.ingestAll(sources, (done, total, source, outcome, failure) -> seen.add(source));

        assertThat(seen).containsExactlyInAnyOrderElementsOf(sources.stream().map(IngestService.Source::name).toList());
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.source()).endsWith("-broken.md"));
        // With no commit interval the first document commits alone, before the others are ready.
        assertThat(report.commits()).isGreaterThanOrEqualTo(2);
        assertThat(report.passages()).isGreaterThanOrEqualTo(3);
        assertThat(report.triples()).isPositive();

        Http.Response found = http().get("/api/search?q=" + marker + "&k=10");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("total").asInt()).isEqualTo(3);
        assertThat(found.json().get("results").get(0).get("mentions").get("areas").toString()).contains("LB22");
    }

    @Test
    void aCatalogDeclaresEachDocumentsLanguageAndAnUnknownOneFailsItsRowAlone() throws IOException {
        String word = "bulklang" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        Path folder = Files.createTempDirectory(dataDir(), "catalog-");
        // Too few common words to tell: guessed English, whose analysis keeps "l'bulklang…" one word.
        Files.writeString(folder.resolve("declared.md"), "# Bekaa\n\nFamilles déplacées : l'" + word + " manque.\n");
        Files.writeString(folder.resolve("unknown.md"), "# Bekaa\n\nDie Familien " + word + ".\n");
        Files.writeString(folder.resolve("catalog.csv"), """
                path,type,title,organisation,date,sensitivity,language
                declared.md,other,Familles %1$s,UNHCR,2022-03-01,public,FR
                unknown.md,other,Familien %1$s,UNHCR,2022-03-01,public,de
                """.formatted(word));

        BulkReport report = ingest.ingestAll(FolderSources.of(folder, "test"), (done, total, source, outcome, failure) -> { });

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("unknown.md");
            assertThat(f.reason()).contains("language").contains("'de'");
        });
        JsonNode found = http().get("/api/search?q=" + word).json();
        assertThat(found.get("total").asLong()).as("French elision: l'%s is %s", word, word).isEqualTo(1);
        assertThat(found.get("results").get(0).get("language").asString()).isEqualTo("fr");
        String id = found.get("results").get(0).get("document").get("id").asString();
        JsonNode doc = admin().get("/api/documents/" + id).json();
        assertThat(doc.get("language").asString()).isEqualTo("fr");
        assertThat(doc.get("metadata").valueStream().filter(m -> m.get("field").asString().equals("language"))
                .map(m -> m.get("method").asString())).containsExactly("declared");
    }
}
