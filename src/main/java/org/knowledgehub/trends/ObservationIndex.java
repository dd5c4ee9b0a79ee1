package org.knowledgehub.trends;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.ontology.QB;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.GraphAccess;
import org.knowledgehub.store.GraphCatalog;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Every observation of every indicator table, read from the store into memory and read again
 * whenever the graph catalog changes (any commit, SPARQL Update included), so a trend costs no
 * store query. Callers get only the observations of the graphs they may see.
 */
@Component
class ObservationIndex {

    private record Snapshot(long version, List<Observation> observations) {
    }

    private final KnowledgeStore store;
    private final GraphCatalog catalog;
    private final Uris uris;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(-1, List.of()));

    ObservationIndex(KnowledgeStore store, GraphCatalog catalog, Uris uris) {
        this.store = store;
        this.catalog = catalog;
        this.uris = uris;
    }

    /** The observations of the graphs {@code visible} holds. */
    List<Observation> visibleTo(VisibleGraphs visible) {
        return all().stream().filter(o -> visible.contains(o.graph())).toList();
    }

    private List<Observation> all() {
        Snapshot s = current.get();
        long version = catalog.version();
        if (s.version() != version) {
            // The version is read before the store: a commit in between only makes the next call read again.
            s = new Snapshot(version, load());
            current.set(s);
        }
        return s.observations();
    }

    private List<Observation> load() {
        List<Observation> out = new ArrayList<>();
        for (GraphAccess access : catalog.all()) {
            if (uris.isIndicatorGraph(access.graph())) {
                read(access.graph(), out);
            }
        }
        return out;
    }

    private void read(Node graph, List<Observation> out) {
        Model m = ModelFactory.createModelForGraph(store.copyOf(graph));
        m.listSubjectsWithProperty(RDF.type, QB.Observation).forEach(o -> {
            Resource dataset = o.getPropertyResourceValue(QB.dataSet);
            Resource indicator = o.getPropertyResourceValue(KH.indicator);
            Resource area = o.getPropertyResourceValue(KH.refArea);
            Statement period = o.getProperty(KH.refPeriod);
            Statement value = o.getProperty(KH.obsValue);
            if (dataset == null || indicator == null || area == null || period == null || value == null) {
                return; // not an observation this feature wrote (edited by hand through SPARQL Update)
            }
            int year;
            BigDecimal number;
            try {
                year = Integer.parseInt(period.getLiteral().getLexicalForm().strip().substring(0, 4));
                number = new BigDecimal(value.getLiteral().getLexicalForm().strip());
            } catch (RuntimeException e) {
                return;
            }
            Resource population = o.getPropertyResourceValue(KH.population);
            out.add(new Observation(graph, o.getURI(), indicator.getURI(), string(indicator, SKOS.prefLabel),
                    string(indicator, SKOS.notation), indicator.listProperties(DCTerms.subject).mapWith(Statement::getObject)
                            .filterKeep(RDFNode::isURIResource).mapWith(n -> n.asResource().getURI()).toList(), area.getURI(), year, number, string(o, KH.unit),
                    population == null ? null : population.getURI(), dataset.getURI(), string(dataset, DCTerms.title),
                    string(dataset, DCTerms.source),
                    imported(dataset), string(dataset, KH.sourceName), importer(dataset)));
        });
    }

    private static Instant imported(Resource dataset) {
        Resource activity = dataset.getPropertyResourceValue(Prov.wasGeneratedBy);
        String ended = activity == null ? null : string(activity, Prov.endedAtTime);
        try {
            return ended == null ? Instant.EPOCH : Instant.parse(ended);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** The name of the agent of the dataset's import: the last segment of its IRI. */
    private static String importer(Resource dataset) {
        Resource activity = dataset.getPropertyResourceValue(Prov.wasGeneratedBy);
        Resource agent = activity == null ? null : activity.getPropertyResourceValue(Prov.wasAssociatedWith);
        return agent == null || !agent.isURIResource() ? null : agent.getURI().substring(agent.getURI().lastIndexOf('/') + 1);
    }

    private static String string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null || !st.getObject().isLiteral() ? null : st.getString();
    }
}
