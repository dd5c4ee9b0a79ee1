package org.knowledgehub.sparql;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.system.Txn;
import org.knowledgehub.ontology.Namespaces;
import org.knowledgehub.store.VisibleDatasetGraph;

/**
 * Writes graphs of a caller's view as it reads them, so that neither a whole dataset nor a large
 * graph ever sits in memory: in the formats that can be written that way.
 */
final class StreamedRdf {

    /** The streamable formats, with the serialisation each is streamed in. */
    private static final Map<ResultFormat, RDFFormat> STREAMING = Map.of(ResultFormat.TURTLE, RDFFormat.TURTLE_BLOCKS,
            ResultFormat.NTRIPLES, RDFFormat.NTRIPLES, ResultFormat.NQUADS, RDFFormat.NQUADS, ResultFormat.TRIG, RDFFormat.TRIG_BLOCKS);
    /** The formats a graph can be streamed in, Turtle first (fewer than {@link ResultFormat#FOR_GRAPHS}). */
    static final List<ResultFormat> STREAMABLE = List.of(ResultFormat.TURTLE, ResultFormat.NTRIPLES, ResultFormat.NQUADS, ResultFormat.TRIG);

    private StreamedRdf() {
    }

    /**
     * Writes the quads of {@code graph} ({@link Node#ANY}: every named graph of the view), in one
     * read transaction.
     *
     * @param asTriples write triples (in a dataset format, into the default graph) instead of quads
     */
    static void write(OutputStream out, ResultFormat format, String base, VisibleDatasetGraph view, Node graph, boolean asTriples) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, STREAMING.get(format));
        stream.start();
        Namespaces.prefixes(base).getNsPrefixMap().forEach(stream::prefix);
        Txn.executeRead(view, () -> view.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (asTriples) {
                stream.triple(q.asTriple());
            } else {
                stream.quad(q);
            }
        }));
        stream.finish();
    }
}
