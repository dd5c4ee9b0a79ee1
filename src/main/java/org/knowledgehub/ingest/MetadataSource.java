package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.ontology.KH;

/**
 * Where one of a document's metadata values came from, as its graph records it (a
 * kh:MetadataClaim): what the API and the document page show under "metadata".
 *
 * @param field      title, publisher, date, type or language
 * @param value      the value; an organisation's name for a publisher
 * @param iri        the organisation's IRI for a publisher, else null
 * @param method     the evidence (declared, front-matter, pdf-properties, cover-heading, byline, series, ...)
 * @param confidence how far that evidence is trusted, 0..1
 */
public record MetadataSource(String field, String value, String iri, String method, double confidence) {

    private static final Map<Node, String> FIELDS = Map.of(DCTerms.title.asNode(), "title",
            DCTerms.publisher.asNode(), "publisher", DCTerms.date.asNode(), "date", RDF.type.asNode(), "type",
            DCTerms.language.asNode(), "language");
    private static final List<String> ORDER = List.of("title", "publisher", "date", "type", "language");

    /** The claims a document graph records about {@code document}, field by field. */
    public static List<MetadataSource> of(Graph graph, Node document, Function<Node, String> organisationName) {
        List<MetadataSource> out = new ArrayList<>();
        graph.find(document, KH.metadataClaim.asNode(), Node.ANY).forEachRemaining(t -> {
            Node claim = t.getObject();
            String field = object(graph, claim, KH.claimedProperty.asNode()).map(FIELDS::get).orElse(null);
            Node value = object(graph, claim, KH.claimedValue.asNode()).orElse(null);
            if (field == null || value == null) {
                return;
            }
            boolean organisation = value.isURI();
            out.add(new MetadataSource(field, organisation ? organisationName.apply(value) : value.getLiteralLexicalForm(),
                    organisation ? value.getURI() : null,
                    object(graph, claim, KH.claimMethod.asNode()).map(Node::getLiteralLexicalForm).orElse(""),
                    object(graph, claim, KH.confidence.asNode()).map(n -> Double.parseDouble(n.getLiteralLexicalForm())).orElse(0.0)));
        });
        out.sort(Comparator.comparingInt((MetadataSource s) -> ORDER.indexOf(s.field())).thenComparing(MetadataSource::value));
        return out;
    }

    private static Optional<Node> object(Graph graph, Node subject, Node predicate) {
        var it = graph.find(subject, predicate, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }
}
