package org.knowledgehub.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Sensitivity;

/**
 * Derives a document's index records from its graph. The graph is the source of truth: ingest and
 * start-up repair both index exactly what this reads, so the index can always be rebuilt from it.
 */
public final class PassageRecords {

    private PassageRecords() {
    }

    public static List<IndexedPassage> fromGraph(Model graph, String documentId, String documentUri, String graphUri,
                                                 ConceptLabels labels) {
        Resource doc = graph.getResource(documentUri);
        String title = string(doc, DCTerms.title).orElse(documentId);
        String type = doc.listProperties(RDF.type).toList().stream()
                .map(st -> DocumentType.fromClass(st.getObject().asResource().getURI()))
                .flatMap(Optional::stream).findFirst().orElse(DocumentType.OTHER).code();
        LocalDate date = string(doc, DCTerms.date).map(LocalDate::parse).orElse(null);
        String sensitivity = Optional.ofNullable(doc.getPropertyResourceValue(KH.sensitivity))
                .flatMap(r -> Sensitivity.fromConcept(r.getURI())).orElse(Sensitivity.CONFIDENTIAL).code();
        String stamp = string(doc, KH.indexStamp).orElse("");
        List<String> organisations = new ArrayList<>();
        doc.listProperties(DCTerms.publisher).forEach(st -> {
            Resource org = st.getResource();
            String name = string(org, RDFS.label).orElseGet(() -> labels.shortName(org));
            if (!organisations.contains(name)) {
                organisations.add(name);
            }
        });
        List<IndexedPassage> out = new ArrayList<>();
        graph.listSubjectsWithProperty(RDF.type, KH.Passage).forEach(p -> {
            Resource section = p.getPropertyResourceValue(KH.inSection);
            out.add(new IndexedPassage(p.getURI(), documentId, documentUri, graphUri, stamp,
                    integer(p, KH.order), string(p, KH.text).orElse(""), integer(p, KH.startOffset), integer(p, KH.endOffset),
                    section == null ? null : section.getURI(),
                    section == null ? null : string(section, DCTerms.title).orElse(null),
                    title, type, date, organisations, sensitivity));
        });
        out.sort(Comparator.comparingInt(IndexedPassage::number));
        return out;
    }

    private static Optional<String> string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        if (st == null) {
            return Optional.empty();
        }
        RDFNode o = st.getObject();
        return Optional.of(o.isLiteral() ? o.asLiteral().getLexicalForm() : o.toString());
    }

    private static int integer(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null ? 0 : st.getLiteral().getInt();
    }
}
