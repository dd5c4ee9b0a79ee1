package org.knowledgehub.sparql;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.CannotEncodeCharacterException;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.knowledgehub.Problems;
import org.knowledgehub.ontology.Namespaces;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The serialisations SPARQL results and RDF are offered in, chosen by the Accept header. */
public enum ResultFormat {
    RESULTS_JSON("application/sparql-results+json", "SPARQL_Results_JSON", ResultSetLang.RS_JSON, null),
    RESULTS_XML("application/sparql-results+xml", "SPARQL_Results_XML", ResultSetLang.RS_XML, null),
    RESULTS_CSV("text/csv", "SPARQL_Results_CSV", ResultSetLang.RS_CSV, null),
    RESULTS_TSV("text/tab-separated-values", "SPARQL_Results_TSV", ResultSetLang.RS_TSV, null),
    TURTLE("text/turtle", "Turtle", null, RDFFormat.TURTLE_PRETTY),
    NTRIPLES("application/n-triples", "N-Triples", null, RDFFormat.NTRIPLES),
    JSONLD("application/ld+json", "JSON-LD", null, RDFFormat.JSONLD11_PRETTY),
    RDFXML("application/rdf+xml", "RDF_XML", null, RDFFormat.RDFXML_PRETTY),
    /** Dataset formats: a graph is written as the default graph, a dataset streamed graph by graph. */
    NQUADS("application/n-quads", "N-Quads", null, RDFFormat.NQUADS),
    TRIG("application/trig", "TriG", null, RDFFormat.TRIG_BLOCKS);

    public static final List<ResultFormat> FOR_RESULTS = List.of(RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV);
    public static final List<ResultFormat> FOR_GRAPHS = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML, NQUADS, TRIG);
    public static final List<ResultFormat> FOR_DATASETS = List.of(NQUADS, TRIG);

    public final MediaType mediaType;
    /** The format's IRI under {@code http://www.w3.org/ns/formats/}, as service descriptions name it. */
    public final String formatIri;
    final Lang resultsLang;
    public final RDFFormat rdfFormat;

    ResultFormat(String mediaType, String formatName, Lang resultsLang, RDFFormat rdfFormat) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.formatIri = "http://www.w3.org/ns/formats/" + formatName;
        this.resultsLang = resultsLang;
        this.rdfFormat = rdfFormat;
    }

    public boolean isDataset() {
        return FOR_DATASETS.contains(this);
    }

    /** A graph in this (RDF) format, with the hub's prefixes; in a dataset format, as the default graph. */
    public byte[] write(Graph graph, String base) {
        graph.getPrefixMapping().setNsPrefixes(Namespaces.prefixes(base));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (isDataset()) {
                RDFDataMgr.write(out, DatasetGraphFactory.wrap(graph), rdfFormat);
            } else {
                RDFDataMgr.write(out, graph, rdfFormat);
            }
        } catch (CannotEncodeCharacterException e) {
            // XML cannot hold most control characters; the other formats can.
            throw Problems.notAcceptable("the data holds characters " + rdfFormat.getLang().getName()
                    + " cannot write; ask for Turtle, JSON-LD or N-Triples");
        }
        return out.toByteArray();
    }

    public String contentType() {
        return mediaType + (mediaType.getType().equals("text") || this == RESULTS_JSON || this == JSONLD ? ";charset=UTF-8" : "");
    }

    /**
     * The first offered format the Accept header asks for, by quality then order; the first
     * offered when the header is absent or accepts anything. {@code application/json} means the
     * JSON variant offered. 406 when nothing offered is acceptable.
     */
    public static ResultFormat negotiate(String accept, List<ResultFormat> offered) {
        return acceptable(accept, offered).orElseThrow(() -> Problems.notAcceptable("none of the requested types (" + accept
                + ") is offered; offered: " + offered.stream().map(f -> f.mediaType.toString()).toList()));
    }

    /** As {@link #negotiate}, empty when nothing offered is acceptable. */
    public static Optional<ResultFormat> acceptable(String accept, List<ResultFormat> offered) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offered.getFirst());
        }
        List<MediaType> wanted;
        try {
            wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw Problems.invalid("Accept", "the Accept header cannot be parsed: " + e.getMessage());
        }
        wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType w : wanted) {
            if (w.getQualityValue() == 0) {
                continue;
            }
            if (w.getType().equals("application") && w.getSubtype().equals("json")) {
                if (offered.contains(RESULTS_JSON) || offered.contains(JSONLD)) {
                    return Optional.of(offered.contains(RESULTS_JSON) ? RESULTS_JSON : JSONLD);
                }
                continue;
            }
            for (ResultFormat f : offered) {
                if (w.includes(f.mediaType)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
