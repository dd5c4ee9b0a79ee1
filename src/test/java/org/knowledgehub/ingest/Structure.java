package org.knowledgehub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knowledgehub.ontology.DocumentType;

/** Runs the text stages (parse, segment, minutes) on bytes, without Spring, for unit tests. */
final class Structure {

    private Structure() {
    }

    static DocumentContext of(byte[] bytes, String name, DocumentType type) {
        DocumentContext doc = new DocumentContext(
                new IngestRequest(bytes, name, null, type, null, null, null, "test"), "test-00000000", "hash", "stamp", IngestProgress.NONE);
        for (IngestStage stage : List.of(new ParseStage(new DocumentParser(5_000_000, 100)), new SegmentStage(), new MinutesStage())) {
            if (stage.accepts(doc)) {
                stage.process(doc);
            }
        }
        return doc;
    }

    static DocumentContext of(Path file, DocumentType type) {
        try {
            return of(Files.readAllBytes(file), file.getFileName().toString(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sectionTitles(DocumentContext doc) {
        return String.join(" | ", doc.sections.stream().map(s -> s.level() + ":" + s.title()).toList());
    }
}
