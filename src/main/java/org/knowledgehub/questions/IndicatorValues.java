package org.knowledgehub.questions;

import java.math.BigDecimal;
import java.util.List;

import org.knowledgehub.security.VisibleGraphs;

/**
 * Indicator values the hub holds as data (RDF Data Cube observations of imported tables), for the
 * questions that ask for one: "how many households were below the SMEB in 2021" is answered from
 * the table as well as from the report's sentence. Provided by the trends feature.
 */
public interface IndicatorValues {

    /**
     * The values of an indicator the caller may see.
     *
     * @param indicator  the indicator's IRI
     * @param areas      P-codes; empty for the country
     * @param years      the years asked for; empty for every year
     * @param population a population group's IRI, or null for any
     */
    List<Value> find(String indicator, List<String> areas, List<Integer> years, String population, VisibleGraphs visible);

    /**
     * One observation with what its provenance needs.
     *
     * @param population the population group's label, or null
     * @param dataset    the IRI of the table it was imported from, {@code datasetTitle} its title
     * @param imported   when the table was imported (xsd:dateTime), or null
     */
    record Value(String observation, String indicatorLabel, String areaCode, String areaLabel, int year, BigDecimal value,
                 String unit, String population, String dataset, String datasetTitle, String graph, String imported) {
    }
}
