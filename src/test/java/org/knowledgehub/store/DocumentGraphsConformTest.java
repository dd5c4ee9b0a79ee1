package org.knowledgehub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Ontology;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Everything ingest wrote conforms to the SHACL shapes of {@code ontology/shapes.ttl}, and every
 * offset (of passages, action points and mentions) really selects the text it claims to (the
 * Stanbol rule: one validator for all annotations).
 */
class DocumentGraphsConformTest extends HubTest {

    @Autowired
    KnowledgeStore store;
    @Autowired
    GraphCatalog catalog;
    @Autowired
    Ontology ontology;

    @Test
    void everyCorpusDocumentGraphConformsAndItsOffsetsSelectItsText() throws Exception {
        Shapes shapes;
        try (InputStream in = getClass().getResourceAsStream("/ontology/shapes.ttl")) {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            shapes = Shapes.parse(g);
        }
        // The demo corpus as ingest made it (other tests edit their own documents through SPARQL Update).
        Set<String> corpus = Files.readAllLines(Path.of("corpus/catalog.csv")).stream().skip(1)
                .map(line -> DocumentIds.forSource(line.substring(0, line.indexOf(',')))).collect(Collectors.toSet());
        List<GraphAccess> documents = catalog.all().stream().filter(a -> corpus.contains(a.documentId())).toList();
        assertThat(documents).hasSize(corpus.size()).hasSize(26);
        for (GraphAccess access : documents) {
            Graph data = store.copyOf(access.graph());
            Graph withOntology = GraphFactory.createDefaultGraph();
            data.find().forEachRemaining(withOntology::add);
            ontology.graph().find().forEachRemaining(withOntology::add);
            ValidationReport report = ShaclValidator.get().validate(shapes, withOntology);
            if (!report.conforms()) {
                ShLib.printReport(report);
            }
            assertThat(report.conforms()).as(access.documentId()).isTrue();
            assertOffsets(ModelFactory.createModelForGraph(data), access.graph());
        }
    }

    private static void assertOffsets(Model m, Node graph) {
        Resource doc = m.listSubjectsWithProperty(RDF.type, KH.Document).next();
        String text = doc.getProperty(KH.extractedText).getString();
        for (Resource type : List.of(KH.Passage, KH.ActionPoint, KH.Mention)) {
            var textProperty = type.equals(KH.Mention) ? KH.exact : KH.text;
            m.listSubjectsWithProperty(RDF.type, type).forEach(r -> {
                int start = r.getProperty(KH.startOffset).getInt();
                int end = r.getProperty(KH.endOffset).getInt();
                assertThat(text.substring(start, end)).as(r.getURI()).isEqualTo(r.getProperty(textProperty).getString());
            });
        }
        m.listSubjectsWithProperty(RDF.type, KH.Section).forEach(s -> {
            int start = s.getProperty(KH.startOffset).getInt();
            int end = s.getProperty(KH.endOffset).getInt();
            assertThat(end).as(s.getURI()).isBetween(start, text.length());
            if (s.hasProperty(DCTerms.title)) {
                assertThat(text.substring(start)).as(s.getURI()).startsWith(s.getProperty(DCTerms.title).getString());
            }
        });
        assertThat(graph.getURI()).contains("/graph/document/");
    }
}
