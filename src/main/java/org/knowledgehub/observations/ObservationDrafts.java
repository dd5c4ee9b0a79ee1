package org.knowledgehub.observations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.ingest.ConsentRecord;
import org.knowledgehub.ingest.FieldObservation;
import org.knowledgehub.ingest.IngestRequest;
import org.knowledgehub.ingest.UploadPolicy;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.SectorDirectory;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.Caller;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Turns a submission into the ingest request of a field observation, or into the list of
 * everything wrong with it: codes are resolved to the ontology's IRIs (an unknown one stays an IRI
 * the shapes reject, so every problem is reported at once), the description is validated against
 * the observation shapes, and only a conforming observation becomes a request.
 */
@Component
class ObservationDrafts {

    private static final Sensitivity DEFAULT_LEVEL = Sensitivity.RESTRICTED;

    private final ObservationShapes shapes;
    private final UploadPolicy uploads;
    private final SectorDirectory sectors;
    private final OrganisationDirectory organisations;
    private final ConceptLabels labels;
    private final Ontology ontology;
    private final KnowledgeStore store;
    private final Uris uris;

    ObservationDrafts(ObservationShapes shapes, UploadPolicy uploads, SectorDirectory sectors,
                      OrganisationDirectory organisations, ConceptLabels labels, Ontology ontology, KnowledgeStore store,
                      Uris uris) {
        this.shapes = shapes;
        this.uploads = uploads;
        this.sectors = sectors;
        this.organisations = organisations;
        this.labels = labels;
        this.ontology = ontology;
        this.store = store;
        this.uris = uris;
    }

    /** A submission that conforms, as the request to ingest, or its violations. */
    record Draft(IngestRequest request, List<Violation> violations) {

        boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * @throws org.springframework.web.ErrorResponseException 403 when the caller may not contribute
     *                                                        for the organisation named
     */
    Draft draft(ObservationSubmission s, Caller caller) {
        List<Violation> violations = new ArrayList<>();
        String owner = uploads.owner(caller, s.organisation());
        String ownerIri = owner == null ? null
                : organisations.resolve(owner).map(Resource::getURI).orElse(uris.organisation(owner));
        Sensitivity level = level(s.sensitivity(), violations);
        String text = s.text() == null ? null : s.text().strip();
        String area = s.area() == null || s.area().isBlank() ? null : areaIri(s.area().strip());
        FieldObservation observation = new FieldObservation(blankToNull(s.observedFrom()), blankToNull(s.observedTo()), area,
                blankToNull(s.locality()), s.sectors().stream().filter(v -> !v.isBlank()).map(this::sectorIri).toList(),
                s.population() == null || s.population().isBlank() ? null : populationIri(s.population().strip()),
                s.method() == null || s.method().isBlank() ? null : methodIri(s.method().strip()),
                s.question() == null || s.question().isBlank() ? null : questionIri(s.question().strip()));
        ConsentRecord consent = consent(s.consent(), violations);

        Model m = ModelFactory.createDefaultModel();
        Resource doc = m.createResource(uris.document("submission"))
                .addProperty(RDF.type, KH.FieldObservation)
                .addProperty(KH.sensitivity, level == null ? m.createResource(KH.NS + "unknown-level") : level.concept());
        if (text != null) {
            doc.addProperty(KH.extractedText, text);
        }
        if (ownerIri != null) {
            doc.addProperty(DCTerms.publisher, m.createResource(ownerIri));
        }
        observation.addTo(m, doc);
        if (observation.question() != null && questionExists(observation.question())) {
            m.createResource(observation.question()).addProperty(RDF.type, KH.ResearchQuestion);
        }
        if (consent != null) {
            consent.addTo(m, doc);
        }
        violations.addAll(shapes.validate(m.getGraph()));
        if (owner == null) {
            violations.add(new Violation("organisation", null, "the admin must name the contributing organisation"));
        }
        // An unknown level is already a violation: the names are then checked as for the default level.
        Sensitivity sharingLevel = level == null ? DEFAULT_LEVEL : level;
        Set<String> sharedWith = shared("sharedWith", s.sharedWith(), names -> uploads.sharedWith(names, sharingLevel), violations);
        Set<String> sharedWithSectors = shared("sharedWithSector", s.sharedWithSector(),
                codes -> uploads.sharedWithSectors(codes, sharingLevel), violations);
        if (!violations.isEmpty()) {
            return new Draft(null, List.copyOf(violations));
        }
        String source = uploads.source(caller, owner, "observations/" + observation.observedFrom() + "-"
                + labels.code(area).toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".txt");
        IngestRequest request = new IngestRequest(text.getBytes(StandardCharsets.UTF_8), source, title(s, observation),
                DocumentType.OBSERVATION, owner, observation.firstDay(), level, caller.name(), sharedWith, sharedWithSectors,
                consent, observation);
        return new Draft(request, List.of());
    }

    private String title(ObservationSubmission s, FieldObservation o) {
        if (s.title() != null && !s.title().isBlank()) {
            return s.title().strip();
        }
        String where = labels.label(labels.resource(o.area())) + (o.locality() != null ? " (" + o.locality() + ")" : "");
        return "Field observation, " + where + ", " + o.observedFrom();
    }

    /**
     * IRIs of the organisations or sectors named, one at a time so that each name the upload policy
     * refuses (unknown, or sharing that the level does not allow) is a violation with its value.
     */
    private static Set<String> shared(String field, List<String> names, Function<List<String>, Set<String>> resolve,
                                      List<Violation> violations) {
        Set<String> iris = new LinkedHashSet<>();
        for (String name : names) {
            try {
                iris.addAll(resolve.apply(List.of(name)));
            } catch (ErrorResponseException e) {
                violations.add(new Violation(field, name, e.getBody().getDetail()));
            }
        }
        return iris;
    }

    private static Sensitivity level(String code, List<Violation> violations) {
        if (code == null || code.isBlank()) {
            return DEFAULT_LEVEL;
        }
        Optional<Sensitivity> level = Sensitivity.fromCode(code);
        if (level.isEmpty()) {
            violations.add(new Violation("sensitivity", code, "The sensitivity is public, restricted or confidential."));
        }
        return level.orElse(null);
    }

    private ConsentRecord consent(ObservationSubmission.Consent c, List<Violation> violations) {
        if (c == null) {
            violations.add(new Violation("consent", null, "An observation carries a consent record: collectedFromPeople, "
                    + "informedConsent (true, false or unknown), purpose and personalData."));
            return null;
        }
        int before = violations.size();
        if (c.collectedFromPeople() == null) {
            violations.add(new Violation("consent.collectedFromPeople", null,
                    "The consent record says whether the information was collected from people (true or false)."));
        }
        if (c.personalData() == null) {
            violations.add(new Violation("consent.personalData", null,
                    "The consent record says whether the contribution contains personal data (true or false)."));
        }
        Boolean informed = null;
        try {
            informed = ConsentRecord.informedConsentOf(c.informedConsent());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("consent.informedConsent", c.informedConsent(), "Informed consent is true, false or unknown."));
        }
        if (violations.size() > before) {
            return null;
        }
        return new ConsentRecord(c.collectedFromPeople(), informed, c.purpose(), c.personalData());
    }

    private String areaIri(String codeOrIri) {
        return codeOrIri.startsWith("http") ? codeOrIri : uris.base() + "id/area/" + codeOrIri.toUpperCase(Locale.ROOT);
    }

    private String sectorIri(String codeOrIri) {
        return sectors.resolve(codeOrIri.strip()).map(Resource::getURI)
                .orElse(codeOrIri.startsWith("http") ? codeOrIri : uris.base() + "id/sector/" + Uris.slug(codeOrIri));
    }

    private String populationIri(String codeOrIri) {
        return codeOrIri.startsWith("http") ? codeOrIri : uris.base() + "id/population/" + Uris.slug(codeOrIri);
    }

    /** A method by its notation (field-visit, ...) or IRI. */
    private String methodIri(String codeOrIri) {
        Model o = ontology.model();
        return o.listSubjectsWithProperty(RDF.type, KH.ObservationMethod).toList().stream()
                .filter(m -> m.getURI().equals(codeOrIri) || m.hasLiteral(SKOS.notation, codeOrIri.toLowerCase(Locale.ROOT)))
                .map(Resource::getURI).findFirst()
                .orElse(codeOrIri.startsWith("http") ? codeOrIri : KH.NS + "method-" + Uris.slug(codeOrIri));
    }

    private String questionIri(String idOrIri) {
        return idOrIri.startsWith("http") ? idOrIri : uris.question(idOrIri);
    }

    /** Questions are public: whether one exists is no secret. */
    private boolean questionExists(String iri) {
        return uris.questionIdOf(iri).map(id -> store.readAll(d -> d.contains(uris.questionGraph(id),
                NodeFactory.createURI(uris.question(id)), RDF.type.asNode(), KH.ResearchQuestion.asNode()))).orElse(false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
