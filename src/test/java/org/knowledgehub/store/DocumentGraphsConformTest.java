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
import org.knowledgehub.ontology.MentionSpans;
import org.knowledgehub.ontology.Ontology;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Everything ingest wrote conforms to the SHACL shapes of {@code ontology/shapes.ttl}, and every
 * offset (of passages, action points, mentions kept as resources, and the mention spans of a
 * passage, which lie in it) really selects the text it claims to (the
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

    /**
     * Only persons, personal data and proposed organisations are kh:Mention resources; every other
     * mention is a line of kh:mentionSpans. Prints the demo corpus's triples per passage and per
     * document against what the same mentions took as resources (nine triples or so each,
     * reconstructed from the spans: the eight every mention had, plus kh:refersTo and kh:value).
     */
    @Test
    void onlyTheMentionsSomethingPointsAtAreResources() throws Exception {
        Set<String> corpus = Files.readAllLines(Path.of("corpus/catalog.csv")).stream().skip(1)
                .map(line -> DocumentIds.forSource(line.substring(0, line.indexOf(',')))).collect(Collectors.toSet());
        long triples = 0;
        long before = 0;
        long passages = 0;
        int documents = 0;
        for (GraphAccess access : catalog.all().stream().filter(a -> corpus.contains(a.documentId())).toList()) {
            Model m = ModelFactory.createModelForGraph(store.copyOf(access.graph()));
            m.listSubjectsWithProperty(RDF.type, KH.Mention).forEach(x -> assertThat(x.getProperty(KH.mentionType).getString()
                    .matches("person|personal-data") || x.hasLiteral(KH.unreviewed, true)).as(x.getURI()).isTrue());
            long old = m.size();
            for (var st : m.listStatements(null, KH.mentionSpans, (org.apache.jena.rdf.model.RDFNode) null).toList()) {
                old--;
                for (MentionSpans.Span x : MentionSpans.read(st.getString(), "http://localhost:8080/")) {
                    boolean kept = x.type().equals("person") || x.type().equals("personal-data")
                            || x.type().equals("organisation") && x.target() == null;
                    old += kept ? 0 : 8 + (x.target() == null ? 0 : 1) + (x.value() == null ? 0 : 1);
                }
            }
            if (m.contains(null, KH.mentionSpans)) {
                old -= 3; // the ingestion's association with the three linking programs
            }
            triples += m.size();
            before += old;
            passages += m.listSubjectsWithProperty(RDF.type, KH.Passage).toList().size();
            documents++;
        }
        assertThat(triples).isLessThan(before);
        System.out.printf("Demo corpus, %d documents, %d passages: %.1f triples per passage and %.0f per document; with a resource "
                + "per mention %.1f and %.0f%n", documents, passages, (double) triples / passages, (double) triples / documents,
                (double) before / passages, (double) before / documents);
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
        // Every mention of a passage's kh:mentionSpans lies in the passage.
        m.listSubjectsWithProperty(KH.mentionSpans).filterKeep(p -> p.hasProperty(RDF.type, KH.Passage)).forEach(p -> {
            int start = p.getProperty(KH.startOffset).getInt();
            int end = p.getProperty(KH.endOffset).getInt();
            List<MentionSpans.Span> spans = MentionSpans.read(p.getProperty(KH.mentionSpans).getString(), "http://localhost:8080/");
            assertThat(spans).as(p.getURI()).isNotEmpty().allSatisfy(x -> assertThat(x.start()).isBetween(start, x.end() - 1))
                    .allSatisfy(x -> assertThat(x.end()).isLessThanOrEqualTo(end));
        });
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
