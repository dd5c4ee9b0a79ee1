package org.knowledgehub.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;

/**
 * The corpus as Fuseki gets it: the hub's own quads for what a Fuseki + jena-text user would
 * model, and nothing else. Read from the hub's store after ingest, so both servers hold the same
 * passages, the same concepts each passage mentions and the same IRIs: one named graph per
 * document with its type, title, publisher and date, and its passages with their text, document,
 * mentions (sectors, areas, organisations...) and years; plus the concepts' types, schemes, labels
 * and broader areas from the ontology graph, which the filters and aggregates join to.
 */
final class LeanCorpusQuads {

    private static final Set<Node> DOCUMENT_PROPERTIES = Set.of(DCTerms.title.asNode(), DCTerms.publisher.asNode(),
            DCTerms.date.asNode());
    private static final Set<Node> PASSAGE_PROPERTIES = Set.of(KH.text.asNode(), KH.inDocument.asNode(), KH.mentions.asNode(),
            KH.mentionsYear.asNode());
    private static final Set<Node> CONCEPT_PROPERTIES = Set.of(RDF.type.asNode(), SKOS.inScheme.asNode(), SKOS.broader.asNode(),
            SKOS.prefLabel.asNode(), KH.pcode.asNode(), KH.acronym.asNode());

    private LeanCorpusQuads() {
    }

    /** Writes the quads to {@code file} as N-Quads; returns how many. */
    static long write(KnowledgeStore store, Uris uris, Path file) throws IOException {
        Node ontology = uris.ontologyGraph();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            return store.readAll(dsg -> {
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
                writer.start();
                long n = 0;
                var quads = dsg.find();
                while (quads.hasNext()) {
                    Quad q = quads.next();
                    if (q.getGraph().equals(ontology) ? CONCEPT_PROPERTIES.contains(q.getPredicate()) : kept(q, uris)) {
                        writer.quad(q);
                        n++;
                    }
                }
                writer.finish();
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return n;
            });
        }
    }

    private static boolean kept(Quad q, Uris uris) {
        Optional<String> id = uris.documentIdOfGraph(q.getGraph());
        if (id.isEmpty() || !q.getSubject().isURI()) {
            return false;
        }
        String document = uris.document(id.get());
        String subject = q.getSubject().getURI();
        Node p = q.getPredicate();
        if (subject.equals(document)) {
            return DOCUMENT_PROPERTIES.contains(p) || p.equals(RDF.type.asNode()) && q.getObject().equals(KH.Document.asNode());
        }
        if (subject.startsWith(document + "/passage/")) {
            return PASSAGE_PROPERTIES.contains(p) || p.equals(RDF.type.asNode()) && q.getObject().equals(KH.Passage.asNode());
        }
        return false;
    }
}
