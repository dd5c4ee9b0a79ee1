package org.knowledgehub.trends;

import java.io.Serializable;
import java.util.List;

/**
 * What an import did: the tables it read (each now one dataset in one named graph), the
 * observations created, what it left out and why, the area names it could not resolve and the
 * indicators it had to create. Serializable: the import page carries it across its redirect in the session.
 *
 * @param format            the layout the file was read as
 * @param source            the publication the tables come from
 * @param observations      observations created over all tables
 * @param tables            the tables that yielded observations
 * @param skipped           rows, columns and sheets left out, each with its reason
 * @param unresolvedAreas   area names that are neither a P-code nor a name of the areas scheme
 * @param indicatorsCreated indicators not in the ontology, created from a column heading or name
 */
record ImportReport(TableFormat format, String source, int observations, List<Table> tables, List<Skipped> skipped,
                    List<String> unresolvedAreas, List<CreatedIndicator> indicatorsCreated) implements Serializable {

    /** One table read into the dataset {@code dataset} in the named graph {@code graph}. */
    record Table(String table, String dataset, String graph, int observations) implements Serializable {
    }

    /**
     * Something left out: a row (its number, from 1 at the top of the sheet or file), a column (its
     * heading) or a whole sheet (neither).
     */
    record Skipped(String table, Integer row, String column, String reason) implements Serializable {
    }

    /** An indicator the import created; {@code code} is what {@code /api/trends?indicator=} takes. */
    record CreatedIndicator(String code, String iri, String label) implements Serializable {
    }
}
