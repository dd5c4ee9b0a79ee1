package org.knowledgehub.observations;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Dpv;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/** Reads an observation's view from its graph and its review graph. */
@Component
class ObservationReader {

    private final ConceptLabels labels;
    private final Uris uris;

    ObservationReader(ConceptLabels labels, Uris uris) {
        this.labels = labels;
        this.uris = uris;
    }

    /** Empty when the graph holds no field observation (a document, or nothing). */
    Optional<ObservationView> read(String id, Graph graph, Graph reviews) {
        Model m = ModelFactory.createModelForGraph(graph);
        Resource o = m.getResource(uris.document(id));
        if (!o.hasProperty(RDF.type, KH.FieldObservation)) {
            return Optional.empty();
        }
        Model r = ModelFactory.createModelForGraph(reviews);
        List<ObservationView.Review> reviewList = r.listSubjectsWithProperty(RDF.type, KH.Review).toList().stream()
                .map(this::review)
                .sorted(Comparator.comparing(ObservationView.Review::at))
                .toList();
        String status = reviewList.isEmpty() ? "submitted" : reviewList.getLast().verdict();
        Resource consent = o.getPropertyResourceValue(KH.consent);
        List<String> passages = m.listSubjectsWithProperty(RDF.type, KH.Passage).toList().stream()
                .sorted(Comparator.comparingInt(p -> p.getProperty(KH.order).getInt()))
                .map(Resource::getURI).toList();
        return Optional.of(new ObservationView(id, o.getURI(), string(o, DCTerms.title), string(o, KH.extractedText),
                string(o, KH.observedFrom), string(o, KH.observedTo), concept(o.getPropertyResourceValue(KH.aboutArea)),
                string(o, KH.locality),
                o.listProperties(KH.aboutSector).mapWith(Statement::getResource).mapWith(this::concept).toList(),
                concept(o.getPropertyResourceValue(KH.aboutPopulation)),
                Optional.ofNullable(o.getPropertyResourceValue(KH.method)).map(x -> labels.code(x.getURI())).orElse(null),
                organisation(o.getPropertyResourceValue(DCTerms.publisher)),
                Optional.ofNullable(o.getPropertyResourceValue(KH.sensitivity)).flatMap(s -> Sensitivity.fromConcept(s.getURI()))
                        .map(Sensitivity::code).orElse(null),
                consent == null ? null : consent(consent),
                Optional.ofNullable(o.getPropertyResourceValue(KH.answers)).map(Resource::getURI).orElse(null),
                status, reviewList, contributedAt(o), passages));
    }

    private ObservationView.Review review(Resource r) {
        Resource verdict = r.getPropertyResourceValue(KH.verdict);
        Resource by = r.getPropertyResourceValue(Prov.wasAttributedTo);
        return new ObservationView.Review(verdict.getLocalName().toLowerCase(Locale.ROOT),
                by == null ? null : Optional.ofNullable(string(by, RDFS.label)).orElse(by.getURI()),
                string(r, DCTerms.created), string(r, KH.note));
    }

    private static ObservationView.Consent consent(Resource c) {
        Resource status = c.getPropertyResourceValue(Dpv.hasConsentStatus);
        Resource purpose = c.getPropertyResourceValue(Dpv.hasPurpose);
        return new ObservationView.Consent(c.hasLiteral(KH.collectedFromPeople, true),
                status == null ? "unknown" : status.getLocalName().substring("Consent".length()).toLowerCase(Locale.ROOT),
                purpose == null ? null : string(purpose, DCTerms.description), c.hasLiteral(KH.containsPersonalData, true));
    }

    private String contributedAt(Resource o) {
        Resource ingestion = o.getPropertyResourceValue(Prov.wasGeneratedBy);
        return ingestion == null ? null : string(ingestion, Prov.endedAtTime);
    }

    private ObservationView.Concept concept(Resource c) {
        return c == null ? null : new ObservationView.Concept(labels.code(c.getURI()), labels.label(c), c.getURI());
    }

    private ObservationView.Concept organisation(Resource org) {
        if (org == null) {
            return null;
        }
        String label = Optional.ofNullable(string(org, RDFS.label)).orElseGet(() -> labels.shortName(org));
        return new ObservationView.Concept(labels.shortName(org), label, org.getURI());
    }

    private static String string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        if (st == null) {
            return null;
        }
        RDFNode o = st.getObject();
        return o.isLiteral() ? o.asLiteral().getLexicalForm() : o.asResource().getURI();
    }
}
