package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.ontology.KH;

/**
 * What the contributor of a field observation declared besides its text, as IRIs and lexical
 * forms exactly as given: the shapes of {@code ontology/observation-shapes.ttl} judge them, so a
 * malformed date or an unknown area is reported by validation rather than lost in parsing.
 *
 * @param observedFrom the day observed, or the first day of the period (yyyy-mm-dd)
 * @param observedTo   the last day of the period, or null
 * @param area         IRI of the area (a P-code concept)
 * @param locality     the place within the area as the contributor named it, or null
 * @param sectors      IRIs of the sectors it is about
 * @param population   IRI of the population group, or null
 * @param method       IRI of the observation method
 * @param question     IRI of the research question it answers, or null
 */
public record FieldObservation(String observedFrom, String observedTo, String area, String locality, List<String> sectors,
                               String population, String method, String question) {

    public FieldObservation {
        sectors = List.copyOf(sectors);
    }

    /**
     * Describes the observation on its resource (the document resource it is held as). A part not
     * given is left out, so the shapes can say it is missing.
     */
    public void addTo(Model m, Resource observation) {
        if (method != null) {
            observation.addProperty(KH.method, m.createResource(method));
        }
        if (observedFrom != null) {
            observation.addProperty(KH.observedFrom, m.createTypedLiteral(observedFrom, XSDDatatype.XSDdate));
        }
        if (area != null) {
            observation.addProperty(KH.aboutArea, m.createResource(area));
        }
        if (observedTo != null) {
            observation.addProperty(KH.observedTo, m.createTypedLiteral(observedTo, XSDDatatype.XSDdate));
        }
        if (locality != null) {
            observation.addProperty(KH.locality, locality);
        }
        sectors.forEach(s -> observation.addProperty(KH.aboutSector, m.createResource(s)));
        if (population != null) {
            observation.addProperty(KH.aboutPopulation, m.createResource(population));
        }
        if (question != null) {
            observation.addProperty(KH.answers, m.createResource(question));
        }
    }

    /**
     * What every passage of the observation speaks of, whether or not its words name it: the
     * declared area, sectors, population group and years, so filters and area pages find it.
     */
    void linkPassage(Model m, Resource passage) {
        passage.addProperty(KH.mentions, m.createResource(area));
        sectors.forEach(s -> passage.addProperty(KH.mentions, m.createResource(s)));
        if (population != null) {
            passage.addProperty(KH.mentions, m.createResource(population));
        }
        int from = year(observedFrom);
        int to = observedTo == null ? from : year(observedTo);
        for (int y = from; y <= to && y - from <= 20; y++) {
            passage.addLiteral(KH.mentionsYear, m.createTypedLiteral(Integer.toString(y), XSDDatatype.XSDgYear));
        }
    }

    /** The first day observed; call only once the observation passed validation. */
    public LocalDate firstDay() {
        return LocalDate.parse(observedFrom);
    }

    private static int year(String date) {
        try {
            return LocalDate.parse(date).getYear();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("observation dates are validated before ingest: " + date, e);
        }
    }
}
