package org.knowledgehub.trends;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.ontology.QB;
import org.knowledgehub.ontology.Sensitivity;

/**
 * The named graph of one imported table: a qb:DataSet with its provenance (the publication, the
 * file and table, the import activity with its time and agent), its observations (a derived one
 * linked to those it was derived from), and the indicators the ontology lacked.
 */
final class TableGraph {

    /**
     * Where a table comes from and who imported it when.
     *
     * @param sector the sector the table belongs to (its publication's chapter), given to the indicators it creates; or null
     */
    record Provenance(String dataset, String source, String fileName, String table, TableFormat format,
                      Sensitivity sensitivity, String sector, String agent, Instant started, Instant ended) {
    }

    private TableGraph() {
    }

    static Graph of(TableInterpreter.Interpreted table, Provenance p, String indicatorScheme) {
        Model m = ModelFactory.createDefaultModel();
        Resource activity = m.createResource(p.dataset() + "/import")
                .addProperty(RDF.type, KH.IndicatorImport)
                .addLiteral(Prov.startedAtTime, dateTime(p.started()))
                .addLiteral(Prov.endedAtTime, dateTime(p.ended()))
                .addProperty(Prov.wasAssociatedWith, m.createResource(p.agent()))
                .addProperty(KH.format, p.format().code());
        Resource dataset = m.createResource(p.dataset())
                .addProperty(RDF.type, QB.DataSet)
                .addProperty(QB.structure, KH.IndicatorStructure)
                .addProperty(DCTerms.title, p.source() + " - " + p.table())
                .addProperty(DCTerms.source, p.source())
                .addProperty(KH.sourceName, p.fileName())
                .addProperty(KH.table, p.table())
                .addProperty(KH.format, p.format().code())
                .addProperty(KH.sensitivity, p.sensitivity().concept())
                .addProperty(Prov.wasGeneratedBy, activity);
        Resource scheme = m.createResource(indicatorScheme);
        table.created().values().forEach(ind -> {
            Resource concept = m.createResource(ind.iri())
                    .addProperty(RDF.type, KH.Indicator)
                    .addProperty(RDF.type, SKOS.Concept)
                    .addProperty(SKOS.inScheme, scheme)
                    .addProperty(SKOS.prefLabel, ind.label())
                    .addProperty(SKOS.notation, ind.code())
                    .addLiteral(KH.unreviewed, true);
            ind.headings().stream().filter(h -> !h.equals(ind.label())).forEach(h -> concept.addProperty(KH.columnHeading, h));
            if (p.sector() != null) {
                concept.addProperty(DCTerms.subject, m.createResource(p.sector()));
            }
        });
        Map<TableInterpreter.NewObservation, Resource> written = new IdentityHashMap<>();
        for (TableInterpreter.NewObservation o : table.observations()) {
            Resource obs = m.createResource(p.dataset() + "/observation/" + (written.size() + 1))
                    .addProperty(RDF.type, QB.Observation)
                    .addProperty(QB.dataSet, dataset)
                    .addProperty(KH.indicator, m.createResource(o.indicator()))
                    .addProperty(KH.refArea, m.createResource(o.area()))
                    .addProperty(KH.refPeriod, m.createTypedLiteral(String.valueOf(o.year()), XSDDatatype.XSDgYear))
                    .addProperty(KH.obsValue, m.createTypedLiteral(Numbers.lexical(o.value()), XSDDatatype.XSDdecimal))
                    .addProperty(KH.sourceRow, m.createTypedLiteral(String.valueOf(o.row()), XSDDatatype.XSDinteger));
            if (o.unit() != null) {
                obs.addProperty(KH.unit, o.unit());
            }
            if (o.population() != null) {
                obs.addProperty(KH.population, m.createResource(o.population()));
            }
            if (o.column() != null) {
                obs.addProperty(KH.sourceColumn, o.column());
            }
            o.derivedFrom().forEach(part -> obs.addProperty(Prov.wasDerivedFrom, written.get(part)));
            written.put(o, obs);
        }
        return m.getGraph();
    }

    private static Literal dateTime(Instant instant) {
        return ResourceFactory.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
    }
}
