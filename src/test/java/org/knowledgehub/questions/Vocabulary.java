package org.knowledgehub.questions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

import org.knowledgehub.HubProperties;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.ReportSeries;

/** The built-in ontology and the linker's gazetteer, without Spring, made once for the tests of a JVM. */
final class Vocabulary {

    private static final HubProperties HUB = new HubProperties(Path.of("target/unused"), URI.create("http://localhost:8080/"));
    private static final Ontology ONTOLOGY = ontology();
    static final FigureClaims FIGURE_CLAIMS = new FigureClaims(new Gazetteer(ONTOLOGY, HUB), new ConceptLabels(ONTOLOGY),
            new ReportSeries(ONTOLOGY));

    private Vocabulary() {
    }

    private static Ontology ontology() {
        try {
            return new Ontology(HUB, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
