package org.knowledgehub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knowledgehub.HubProperties;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.ReportSeries;

/** Runs the text stages (parse, segment, minutes, metadata) on bytes, without Spring, for unit tests. */
final class Structure {

    /** The built-in ontology, its series and gazetteer, made once for all tests of the JVM. */
    private static final class Vocabulary {
        static final HubProperties HUB = new HubProperties(Path.of("target/unused"), URI.create("http://localhost:8080/"));
        static final Ontology ONTOLOGY = ontology();
        static final Gazetteer GAZETTEER = new Gazetteer(ONTOLOGY, HUB);
        static final MetadataStage METADATA = new MetadataStage(new ReportSeries(ONTOLOGY), GAZETTEER);

        private static Ontology ontology() {
            try {
                return new Ontology(HUB, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Structure() {
    }

    static MetadataStage metadataStage() {
        return Vocabulary.METADATA;
    }

    static Gazetteer gazetteer() {
        return Vocabulary.GAZETTEER;
    }

    static Ontology ontology() {
        return Vocabulary.ONTOLOGY;
    }

    static HubProperties hub() {
        return Vocabulary.HUB;
    }

    static DocumentContext of(IngestRequest request) {
        DocumentContext doc = new DocumentContext(request, "test-00000000", "hash", "stamp", IngestProgress.NONE);
        for (IngestStage stage : List.of(new ParseStage(new DocumentParser(5_000_000, 100)), new SegmentStage(), new MinutesStage(),
                metadataStage())) {
            if (stage.accepts(doc)) {
                stage.process(doc);
            }
        }
        return doc;
    }

    static DocumentContext of(byte[] bytes, String name, DocumentType type) {
        return of(new IngestRequest(bytes, name, null, type, null, null, null, "test"));
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
