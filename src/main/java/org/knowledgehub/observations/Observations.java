package org.knowledgehub.observations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.Problems;
import org.knowledgehub.ingest.ConsentRecord;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.ingest.IngestFailure;
import org.knowledgehub.ingest.IngestOutcome;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Field observations: contributed, read, reviewed and withdrawn. An observation is held like a
 * document (its own graph, passages in the search index, a consent record), so it is searchable
 * and answers questions as soon as it is accepted; its reviews live in a graph that follows its
 * access; withdrawing it removes it from every channel.
 */
@Service
public class Observations {

    private static final Logger log = LoggerFactory.getLogger(Observations.class);

    private final ObservationDrafts drafts;
    private final ObservationReader reader;
    private final IngestService ingest;
    private final KnowledgeStore store;
    private final AccessPolicy access;
    private final Uris uris;
    private final ConceptLabels labels;
    private final AuditTrail audit;
    private final OrganisationDirectory organisations;

    Observations(ObservationDrafts drafts, ObservationReader reader, IngestService ingest, KnowledgeStore store,
                 AccessPolicy access, Uris uris, ConceptLabels labels, AuditTrail audit, OrganisationDirectory organisations) {
        this.organisations = organisations;
        this.labels = labels;
        this.audit = audit;
        this.drafts = drafts;
        this.reader = reader;
        this.ingest = ingest;
        this.store = store;
        this.access = access;
        this.uris = uris;
    }

    /**
     * Validates and stores an observation.
     *
     * @throws ErrorResponseException 400 listing every violation (field, value, message), 403 when
     *                                the caller may not contribute for the organisation named
     */
    public IngestOutcome submit(ObservationSubmission submission, Caller caller) {
        ObservationDrafts.Draft draft = drafts.draft(submission, caller);
        if (!draft.valid()) {
            throw invalid(draft.violations());
        }
        try {
            // Identical text sent before by an organisation the caller may not read from stays unknown to them.
            IngestOutcome outcome = ingest.ingest(draft.request(), id -> access.canRead(caller, uris.documentGraph(id)));
            audit.recordWrite(caller, "observation.submit", outcome.uri(), List.of(outcome.graph()),
                    outcome.status().name().toLowerCase());
            log.info("Observation {} contributed by {} ({})", outcome.id(), caller.name(), caller.organisation());
            return outcome;
        } catch (IngestFailure e) {
            // Personal data found in the text that the consent record does not allow.
            if (e.reason() == IngestFailure.Reason.INVALID && ConsentRecord.INFORMED_CONSENT.equals(e.field())) {
                throw invalid(List.of(new Violation("consent.informedConsent", null, e.getMessage())));
            }
            if (e.reason() == IngestFailure.Reason.INVALID && ConsentRecord.PURPOSE.equals(e.field())) {
                throw invalid(List.of(new Violation("consent.purpose", null, e.getMessage())));
            }
            throw e.problem();
        }
    }

    /** Checks a submission without storing anything: the violations, none when it would be accepted. */
    public List<Violation> check(ObservationSubmission submission, Caller caller) {
        return drafts.draft(submission, caller).violations();
    }

    static ErrorResponseException invalid(List<Violation> violations) {
        Violation first = violations.getFirst();
        ErrorResponseException e = Problems.invalid(first.field(), violations.size() == 1 ? first.message()
                : "the observation has " + violations.size() + " problems; see violations");
        e.getBody().setProperty("violations", violations);
        e.getBody().setProperty("shapes", "/shapes/observations");
        return e;
    }

    /** An observation the caller may read; the read is audited when it is restricted or confidential. */
    public Optional<ObservationView> get(String id, Caller caller) {
        Optional<ObservationView> o = read(id, caller);
        o.ifPresent(x -> audit.recordRead(caller, "observations", x.uri(), List.of(uris.documentGraph(id))));
        return o;
    }

    private Optional<ObservationView> read(String id, Caller caller) {
        if (!DocumentIds.isValid(id) || !access.canRead(caller, uris.documentGraph(id))) {
            return Optional.empty();
        }
        return reader.read(id, store.copyOf(uris.documentGraph(id)), store.copyOf(uris.reviewGraph(id)));
    }

    /** The observations a caller may read, newest observed first, with optional filters (codes). */
    /** @throws org.springframework.web.ErrorResponseException 400 for an area, sector or organisation the hub does not know */
    public List<ObservationView> list(Caller caller, String area, String sector, String status, String organisation, int limit) {
        if (area != null && labels.byCode(Schemes.areas(uris.base()), area).isEmpty()) {
            throw Problems.invalid("area", "area must be a P-code such as LB2 or LB25");
        }
        if (sector != null && labels.byCode(Schemes.sectors(uris.base()), sector).isEmpty()) {
            throw Problems.invalid("sector", "sector must be a sector code such as wash or food-security");
        }
        if (organisation != null && organisations.resolve(organisation).isEmpty()) {
            throw Problems.invalid("organisation", "organisation must name an organisation the hub knows (acronym, name or IRI)");
        }
        VisibleGraphs visible = access.visibleTo(caller);
        Set<String> ids = store.readAll(d -> {
            Set<String> out = new LinkedHashSet<>();
            store.view(visible.graphs()).find(Node.ANY, Node.ANY, RDF.type.asNode(), KH.FieldObservation.asNode())
                    .forEachRemaining(q -> uris.documentIdOfGraph(q.getGraph()).ifPresent(out::add));
            return out;
        });
        List<ObservationView> out = new ArrayList<>();
        for (String id : ids) {
            read(id, caller).filter(o -> area == null || o.area() != null && within(o.area(), area))
                    .filter(o -> sector == null || o.sectors().stream().anyMatch(s -> s.code().equalsIgnoreCase(sector)))
                    .filter(o -> status == null || o.status().equalsIgnoreCase(status))
                    .filter(o -> organisation == null || o.organisation() != null && organisations.resolve(organisation)
                            .map(org -> org.getURI().equals(o.organisation().uri())).orElse(false))
                    .ifPresent(out::add);
        }
        out.sort(Comparator.comparing((ObservationView o) -> o.observedFrom()).reversed().thenComparing(ObservationView::id));
        List<ObservationView> page = out.size() > limit ? out.subList(0, limit) : out;
        audit.recordRead(caller, "observations", "list", page.stream().map(ObservationView::uri).toList());
        return page;
    }

    /** The area itself, one of its districts, or anywhere for Lebanon. */
    private boolean within(ObservationView.Concept observed, String code) {
        return code.equalsIgnoreCase("LB") || observed.code().equalsIgnoreCase(code)
                || labels.broader(observed.uri()).stream().anyMatch(parent -> labels.code(parent).equalsIgnoreCase(code));
    }

    /**
     * A coordinator of one of the observation's sectors (or the admin) marks it verified or disputed.
     *
     * @param verdict verified or disputed
     */
    public synchronized ObservationView review(String id, String verdict, String note, Caller caller) {
        ObservationView o = read(id, caller).orElseThrow(() -> Problems.notFound("observation " + id));
        Resource verdictConcept = switch (verdict == null ? "" : verdict.strip().toLowerCase()) {
            case "verified" -> KH.Verified;
            case "disputed" -> KH.Disputed;
            default -> throw Problems.invalid("verdict", "verdict must be verified or disputed");
        };
        if (!mayReview(o, caller)) {
            throw Problems.forbidden("verdict", "only a coordinator of one of the observation's sectors ("
                    + String.join(", ", o.sectors().stream().map(ObservationView.Concept::code).toList()) + ") can review it");
        }
        if (note != null && note.length() > 2000) {
            throw Problems.invalid("note", "a review note has at most 2,000 characters");
        }
        Node graph = uris.reviewGraph(id);
        Model m = ModelFactory.createModelForGraph(store.copyOf(graph));
        Resource reviewer = m.createResource(uris.agent(caller.name()))
                .addProperty(RDF.type, FOAF.Agent)
                .addProperty(RDFS.label, caller.name());
        Resource review = m.createResource(uris.review(id, UUID.randomUUID().toString()))
                .addProperty(RDF.type, KH.Review)
                .addProperty(KH.reviewOf, m.createResource(uris.document(id)))
                .addProperty(KH.verdict, verdictConcept)
                .addProperty(Prov.wasAttributedTo, reviewer)
                .addLiteral(DCTerms.created, m.createTypedLiteral(Instant.now().toString(), XSDDatatype.XSDdateTime));
        if (note != null && !note.isBlank()) {
            review.addProperty(KH.note, note.strip());
        }
        write(graph, m.getGraph());
        audit.recordWrite(caller, "observation." + (verdictConcept.equals(KH.Verified) ? "verify" : "dispute"), o.uri(),
                List.of(graph));
        log.info("Observation {} marked {} by {}", id, verdictConcept.getLocalName().toLowerCase(), caller.name());
        return read(id, caller).orElseThrow();
    }

    /** The admin, or a coordinator of one of the observation's sectors. */
    public static boolean mayReview(ObservationView o, Caller caller) {
        return caller.has(Role.ADMIN) || caller.has(Role.COORDINATOR)
                && o.sectors().stream().anyMatch(s -> caller.sectors().contains(s.uri()));
    }

    /** The contributing organisation (or the admin) withdraws an observation: gone from every channel. */
    public void withdraw(String id, Caller caller) {
        ObservationView o = read(id, caller).orElseThrow(() -> Problems.notFound("observation " + id));
        boolean ownOrganisation = caller.organisation() != null && o.organisation() != null
                && caller.organisation().equals(o.organisation().uri());
        if (!caller.has(Role.ADMIN) && !ownOrganisation) {
            throw Problems.forbidden("id", "only the contributing organisation can withdraw an observation");
        }
        ingest.delete(id);
        audit.recordWrite(caller, "observation.withdraw", o.uri(), List.of(uris.documentGraph(id)));
        log.info("Observation {} withdrawn by {} ({})", id, caller.name(), caller.organisation());
    }

    private void write(Node graph, Graph content) {
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            tx.replaceGraph(graph, content);
            tx.commit();
        }
    }
}
