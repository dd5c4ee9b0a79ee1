package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.knowledgehub.ingest.BulkReport;
import org.knowledgehub.ingest.ConsentRecord;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.ingest.IngestRequest;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;

/**
 * The real documents of {@code ../shared/corpus} (VASyR reports, IMWG minutes, field notes) as a
 * benchmark ingests them: each typed by its folder, as {@code bin/kh ingest} does, with NLP; the
 * field notes (published reports, articles, a blog) declared as not collected from people.
 */
final class SharedCorpus {

    static final Path FOLDER = Path.of("../shared/corpus");
    /** The VASyR vault workbooks (indicator tables) beside the documents. */
    static final Path TABLES = Path.of("../shared/data/vasyr-indicators");

    private SharedCorpus() {
    }

    static boolean present() {
        return Files.isDirectory(FOLDER);
    }

    /** Ingests every file (the same bytes again are recognised and cost nothing) and returns the graphs of its documents. */
    static VisibleGraphs ingest(IngestService ingest, AccessPolicy access, Uris uris) throws IOException {
        List<Path> files = files();
        long t0 = System.nanoTime();
        BulkReport report = ingest.ingestAll(files.stream().map(SharedCorpus::source).toList(),
                (done, total, source, outcome, failure) -> System.out.printf("[%d/%d] %s%s%n", done, total, source,
                        failure == null ? "" : ": FAILED " + failure));
        System.out.printf("Ingested %s: %d documents, %d passages in %.0f s%n", FOLDER, report.documents(), report.passages(),
                (System.nanoTime() - t0) / 1e9);
        assertThat(report.failures()).as("documents of the shared corpus that failed to ingest").isEmpty();
        Set<Node> graphs = new HashSet<>(files.stream().map(f -> uris.documentGraph(DocumentIds.forSource(name(f)))).toList());
        graphs.retainAll(access.visibleTo(new Caller("benchmark", Set.of(Role.ADMIN), null, Set.of())).graphs());
        assertThat(graphs).hasSize(files.size());
        return new VisibleGraphs(graphs);
    }

    /** The documents' graphs and those of imported tables (named by IRI). */
    static VisibleGraphs withTables(VisibleGraphs documents, List<String> tableGraphs) {
        Set<Node> graphs = new HashSet<>(documents.graphs());
        tableGraphs.forEach(g -> graphs.add(org.apache.jena.graph.NodeFactory.createURI(g)));
        return new VisibleGraphs(graphs);
    }

    /** The document id of a file named relative to the corpus folder ("minutes/imwg-beirut-2019-04-04.md"). */
    static String documentId(String name) {
        return DocumentIds.forSource(name);
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static String name(Path file) {
        return FOLDER.relativize(file).toString().replace('\\', '/');
    }

    private static IngestService.Source source(Path file) {
        String name = name(file);
        DocumentType type = switch (name.substring(0, Math.max(0, name.indexOf('/')))) {
            case "minutes" -> DocumentType.MINUTES;
            case "assessments" -> DocumentType.ASSESSMENT;
            case "field-notes" -> DocumentType.FIELD_NOTE;
            default -> null;
        };
        return new IngestService.Source(name, () -> {
            try {
                // Published reports, articles and a blog filed as field notes: nothing in them was collected from
                // people by the hub's users, so the names of their authors and officials are masked without a consent.
                ConsentRecord published = type == DocumentType.FIELD_NOTE ? new ConsentRecord(false, null, null, false) : null;
                return new IngestRequest(Files.readAllBytes(file), name, null, type, null, null, null, "benchmark", null, null,
                        published, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
