package org.knowledgehub.ingest;

/**
 * One named step of the ingest chain. Stages run in the order {@link IngestPipeline} lists them;
 * each reads what earlier stages put into the context and adds its own part.
 */
interface IngestStage {

    /** A short noun naming the stage in logs and provenance ("parse", "segment", ...). */
    String name();

    /** Whether this stage has anything to do for this document. */
    default boolean accepts(DocumentContext doc) {
        return true;
    }

    void process(DocumentContext doc);
}
