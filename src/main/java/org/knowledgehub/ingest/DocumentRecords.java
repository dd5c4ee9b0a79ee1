package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Reads document descriptions from the store. Lookups by id or hash see every graph (the hub needs
 * them to de-duplicate); callers answering a user must check the access decision first.
 */
@Component
public class DocumentRecords {

    private final KnowledgeStore store;
    private final Uris uris;
    private final ConceptLabels labels;

    DocumentRecords(KnowledgeStore store, Uris uris, ConceptLabels labels) {
        this.store = store;
        this.uris = uris;
        this.labels = labels;
    }

    /** The ids of the documents whose original has this SHA-256 (several senders may hold the same bytes). */
    List<String> idsByHash(String sha256) {
        Node hash = NodeFactory.createLiteralString(sha256);
        return store.readAll(d -> {
            List<String> ids = new ArrayList<>();
            Iterator<Quad> it = d.find(Node.ANY, Node.ANY, KH.contentHash.asNode(), hash);
            it.forEachRemaining(q -> uris.documentIdOfGraph(q.getGraph()).ifPresent(ids::add));
            return ids;
        });
    }

    /** Whether mask found personal data in the document: it then has a personal graph. */
    boolean hasPersonalGraph(String id) {
        Node graph = uris.personalGraph(id);
        return store.readAll(d -> d.find(graph, Node.ANY, Node.ANY, Node.ANY).hasNext());
    }

    /** IRIs of the organisations that publish the document. */
    List<String> publishers(String id) {
        Node graph = uris.documentGraph(id);
        Node doc = NodeFactory.createURI(uris.document(id));
        return store.readAll(d -> {
            List<String> out = new ArrayList<>();
            d.find(graph, doc, DCTerms.publisher.asNode(), Node.ANY)
                    .forEachRemaining(q -> { if (q.getObject().isURI()) out.add(q.getObject().getURI()); });
            return out;
        });
    }

    Optional<String> hashOf(String id) {
        return literal(id, KH.contentHash.asNode());
    }

    /** Each stored document's index stamp, for reconciling the index with the store. */
    Map<String, String> stamps() {
        return store.readAll(d -> {
            Map<String, String> out = new HashMap<>();
            d.find(Node.ANY, Node.ANY, KH.indexStamp.asNode(), Node.ANY).forEachRemaining(q ->
                    uris.documentIdOfGraph(q.getGraph()).ifPresent(id -> out.put(id, q.getObject().getLiteralLexicalForm())));
            return out;
        });
    }

    public Optional<DocumentSummary> summary(String id) {
        return store.readAll(d -> read(d, id));
    }

    /** A document's names: what a question may call it by. */
    public record Named(String id, String title, String sourceName) {
    }

    /** The title and file name of every document in the caller's visible graphs. */
    public List<Named> names(VisibleGraphs visible) {
        Node sourceName = KH.sourceName.asNode();
        Node title = DCTerms.title.asNode();
        return store.readAll(d -> {
            List<Named> out = new ArrayList<>();
            d.find(Node.ANY, Node.ANY, sourceName, Node.ANY).forEachRemaining(q -> {
                if (visible.contains(q.getGraph()) && q.getSubject().isURI()) {
                    uris.documentIdOf(q.getSubject().getURI()).ifPresent(id -> {
                        Iterator<Quad> t = d.find(q.getGraph(), q.getSubject(), title, Node.ANY);
                        out.add(new Named(id, t.hasNext() ? t.next().getObject().getLiteralLexicalForm() : id,
                                q.getObject().getLiteralLexicalForm()));
                    });
                }
            });
            return out;
        });
    }

    /**
     * Documents in the caller's visible graphs, newest first. The documents and their dates are
     * read in two passes over the whole store, and only the page's documents are read whole: over a
     * remote store, a document read whole is its graph fetched.
     */
    public List<DocumentSummary> list(VisibleGraphs visible, int offset, int limit) {
        return store.readAll(d -> {
            Map<Node, String> dates = new HashMap<>();
            d.find(Node.ANY, Node.ANY, RDF.type.asNode(), KH.Document.asNode()).forEachRemaining(q -> {
                if (visible.contains(q.getGraph()) && isDocumentOfItsGraph(q)) {
                    dates.put(q.getGraph(), "");
                }
            });
            d.find(Node.ANY, Node.ANY, DCTerms.date.asNode(), Node.ANY).forEachRemaining(q -> {
                if (dates.containsKey(q.getGraph()) && isDocumentOfItsGraph(q) && q.getObject().isLiteral()) {
                    dates.merge(q.getGraph(), q.getObject().getLiteralLexicalForm(), (a, b) -> a.isEmpty() ? b : a);
                }
            });
            List<String> ids = new ArrayList<>();
            dates.keySet().forEach(g -> uris.documentIdOfGraph(g).ifPresent(ids::add));
            ids.sort(Comparator.comparing((String id) -> dates.get(uris.documentGraph(id))).reversed().thenComparing(id -> id));
            return ids.stream().skip(offset).limit(limit).map(id -> read(d, id)).flatMap(Optional::stream).toList();
        });
    }

    /** Whether the quad's subject is the document its graph holds. */
    private boolean isDocumentOfItsGraph(Quad q) {
        return q.getSubject().isURI() && uris.documentIdOfGraph(q.getGraph())
                .map(id -> uris.document(id).equals(q.getSubject().getURI())).orElse(false);
    }

    private Optional<DocumentSummary> read(DatasetGraph d, String id) {
        Node graph = uris.documentGraph(id);
        Node doc = NodeFactory.createURI(uris.document(id));
        if (!d.contains(graph, doc, RDF.type.asNode(), KH.Document.asNode())) {
            return Optional.empty();
        }
        Map<Node, List<Node>> props = new HashMap<>();
        d.find(graph, doc, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getPredicate().equals(KH.extractedText.asNode())) {
                props.computeIfAbsent(q.getPredicate(), k -> new ArrayList<>()).add(q.getObject());
            }
        });
        String type = props.getOrDefault(RDF.type.asNode(), List.of()).stream()
                .map(n -> DocumentType.fromClass(n.getURI())).flatMap(Optional::stream)
                .findFirst().orElse(DocumentType.OTHER).code();
        String sensitivity = first(props, KH.sensitivity.asNode())
                .flatMap(n -> Sensitivity.fromConcept(n.getURI())).orElse(Sensitivity.CONFIDENTIAL).code();
        List<String> organisations = props.getOrDefault(DCTerms.publisher.asNode(), List.of()).stream()
                .map(org -> organisationName(d, graph, org)).toList();
        String ingestion = first(props, Prov.wasGeneratedBy.asNode()).filter(Node::isURI).map(Node::getURI).orElse(null);
        String ingestedAt = first(props, Prov.wasGeneratedBy.asNode()).flatMap(activity -> {
            Iterator<Quad> it = d.find(graph, activity, Prov.endedAtTime.asNode(), Node.ANY);
            return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
        }).orElse(null);
        return Optional.of(new DocumentSummary(id, doc.getURI(), graph.getURI(),
                lexical(props, DCTerms.title.asNode()), type, lexical(props, DCTerms.date.asNode()),
                lexical(props, KH.sourceName.asNode()), lexical(props, DCTerms.format.asNode()), sensitivity, organisations,
                number(props, KH.sectionCount.asNode()), number(props, KH.passageCount.asNode()),
                lexical(props, KH.contentHash.asNode()), number(props, KH.byteSize.asNode()), ingestedAt, ingestion,
                lexical(props, DCTerms.language.asNode()),
                MetadataSource.of(d.getGraph(graph), doc, org -> organisationName(d, graph, org))));
    }

    private String organisationName(DatasetGraph d, Node graph, Node org) {
        Iterator<Quad> label = d.find(graph, org, RDFS.label.asNode(), Node.ANY);
        if (label.hasNext()) {
            return label.next().getObject().getLiteralLexicalForm();
        }
        return org.isURI() ? labels.shortName(ResourceFactory.createResource(org.getURI())) : org.toString();
    }

    private Optional<String> literal(String id, Node predicate) {
        Node graph = uris.documentGraph(id);
        Node doc = NodeFactory.createURI(uris.document(id));
        return store.readAll(d -> {
            Iterator<Quad> it = d.find(graph, doc, predicate, Node.ANY);
            return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
        });
    }

    private static Optional<Node> first(Map<Node, List<Node>> props, Node p) {
        List<Node> values = props.get(p);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static String lexical(Map<Node, List<Node>> props, Node p) {
        return first(props, p).map(n -> n.isLiteral() ? n.getLiteralLexicalForm() : n.toString()).orElse(null);
    }

    private static int number(Map<Node, List<Node>> props, Node p) {
        return first(props, p).map(n -> Integer.parseInt(n.getLiteralLexicalForm())).orElse(0);
    }
}
