package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.jena.graph.Node;

/**
 * One observation as the trends read it, with what it needs of its dataset.
 *
 * @param graph          the named graph of its table, which decides who may see it
 * @param indicatorLabel label of an indicator the import created (the ontology's are looked up there), else null
 * @param indicatorCode  notation of an indicator the import created, else null
 * @param indicatorSectors IRIs of the sectors of an indicator the import created (the table's sector), else empty
 * @param population     IRI of its population group, or null
 * @param datasetTitle   the title of its table ("VASyR - Food security"), or null
 * @param imported       when its table was imported: among values of several imports, the latest is the headline
 * @param fileName       the file its table was imported from
 * @param importedBy     who imported it (the account's name, "corpus" for the demo tables), or null
 */
record Observation(Node graph, String iri, String indicator, String indicatorLabel, String indicatorCode,
                   List<String> indicatorSectors, String area, int year, BigDecimal value, String unit, String population, String dataset, String datasetTitle,
                   String source, Instant imported, String fileName, String importedBy) {
}
