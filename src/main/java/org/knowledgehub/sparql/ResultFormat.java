package org.knowledgehub.sparql;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.CannotEncodeCharacterException;
import org.knowledgehub.Problems;
import org.knowledgehub.ontology.Namespaces;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The serialisations SPARQL results and RDF are offered in, chosen by the Accept header. */
public enum ResultFormat {
    RESULTS_JSON("application/sparql-results+json", ResultSetLang.RS_JSON, null),
    RESULTS_XML("application/sparql-results+xml", ResultSetLang.RS_XML, null),
    RESULTS_CSV("text/csv", ResultSetLang.RS_CSV, null),
    RESULTS_TSV("text/tab-separated-values", ResultSetLang.RS_TSV, null),
    TURTLE("text/turtle", null, RDFFormat.TURTLE_PRETTY),
    NTRIPLES("application/n-triples", null, RDFFormat.NTRIPLES),
    JSONLD("application/ld+json", null, RDFFormat.JSONLD11_PRETTY),
    RDFXML("application/rdf+xml", null, RDFFormat.RDFXML_PRETTY);

    public static final List<ResultFormat> FOR_RESULTS = List.of(RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV);
    public static final List<ResultFormat> FOR_GRAPHS = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);

    public final MediaType mediaType;
    final Lang resultsLang;
    public final RDFFormat rdfFormat;

    ResultFormat(String mediaType, Lang resultsLang, RDFFormat rdfFormat) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.resultsLang = resultsLang;
        this.rdfFormat = rdfFormat;
    }

    /** A graph in this (RDF) format, with the hub's prefixes. */
    public byte[] write(Graph graph, String base) {
        graph.getPrefixMapping().setNsPrefixes(Namespaces.prefixes(base));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RDFDataMgr.write(out, graph, rdfFormat);
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
        if (accept == null || accept.isBlank()) {
            return offered.getFirst();
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
                return offered.contains(RESULTS_JSON) ? RESULTS_JSON : JSONLD;
            }
            for (ResultFormat f : offered) {
                if (w.includes(f.mediaType)) {
                    return f;
                }
            }
        }
        throw Problems.notAcceptable("none of the requested types (" + accept + ") is offered; offered: "
                + offered.stream().map(f -> f.mediaType.toString()).toList());
    }
}
