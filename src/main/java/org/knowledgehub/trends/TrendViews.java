package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.util.List;

/** The JSON answers of the indicator and trend endpoints. */
final class TrendViews {

    private TrendViews() {
    }

    /** A concept by its code, IRI and label (a population group). */
    record ConceptRef(String code, String iri, String label) {
    }

    /** An area; level 0 is Lebanon, 1 a governorate, 2 a district. */
    record AreaRef(String code, String iri, String label, int level) {
    }

    /**
     * An indicator; {@code created} when an import made it from a column heading (not in the
     * ontology, unreviewed). {@code unit} is the indicator's own ("% of households"); values carry
     * theirs ("%").
     */
    record IndicatorRef(String code, String iri, String label, String unit, boolean created) {
    }

    /** An indicator with values you may see: where, when and from which sources. */
    record IndicatorSummary(String code, String iri, String label, String unit, boolean created, List<String> sectors,
                            int observations, List<Integer> years, List<AreaRef> areas, List<ConceptRef> populations,
                            List<String> sources) {
    }

    /**
     * A value as one import gives it: an edition of the year's value.
     *
     * @param imported   when it was imported (xsd:dateTime)
     * @param fileName   the file it was imported from
     * @param importedBy who imported it, or null
     */
    record SourcedValue(BigDecimal value, String unit, String source, String dataset, String observation, String imported,
                        String fileName, String importedBy) {
    }

    /**
     * One year of a series: the headline value, which is the most recently imported one (ties:
     * the dataset IRI decides), its change since the previous year of the series (in the value's
     * unit: percentage points for "%"), and the other editions of the same year, older imports of
     * the same table or other sources, newest first; none is dropped.
     *
     * @param imported   when the headline was imported, {@code fileName} from which file, {@code importedBy} by whom
     */
    record Point(int year, BigDecimal value, String unit, Integer previousYear, BigDecimal change, String source,
                 String dataset, String observation, String imported, String fileName, String importedBy,
                 List<SourcedValue> otherSources) {
    }

    /** The values of one area (and population group) over the years; role is area, parent, national or child. */
    record Series(String role, AreaRef area, ConceptRef population, List<Point> points) {
    }

    record Trend(IndicatorRef indicator, AreaRef area, ConceptRef population, List<Series> series) {
    }

    /** An area's value in the year compared, its previous round, and the change since. */
    record Ranked(Integer rank, AreaRef area, BigDecimal value, String unit, Integer previousYear, BigDecimal previousValue,
                  BigDecimal change, String source, String dataset, String observation) {
    }

    /** Areas of one level ranked by their value in {@code year}, highest first, with Lebanon's value beside them. */
    record Comparison(IndicatorRef indicator, Integer year, String level, ConceptRef population, Ranked national,
                      List<Ranked> areas, List<Integer> years) {
    }

    /** An indicator's latest value in an area. */
    record Latest(IndicatorRef indicator, ConceptRef population, Point latest) {
    }
}
