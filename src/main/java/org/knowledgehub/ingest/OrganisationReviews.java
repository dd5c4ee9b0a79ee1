package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.Problems;
import org.knowledgehub.TextInput;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.OrganisationDirectory.Addition;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Reviewers' verdicts on proposed organisations. Accepting adds the organisation to the directory
 * (kept on the organisation reviews graph, loaded again at start-up) and re-links the documents
 * that name it under one of its names: their proposals become links, with confidence 1 since a
 * person confirmed them, and are re-indexed. Rejecting records the name as no organisation: it
 * leaves the queue and is never proposed again. Both are audited.
 */
@Component
public class OrganisationReviews {

    private static final int MAX_NAME = 200;

    private final KnowledgeStore store;
    private final Uris uris;
    private final OrganisationDirectory directory;
    private final ProposedOrganisations proposals;
    private final IngestService ingest;
    private final AuditTrail audit;

    OrganisationReviews(KnowledgeStore store, Uris uris, OrganisationDirectory directory, ProposedOrganisations proposals,
                        IngestService ingest, AuditTrail audit) {
        this.store = store;
        this.uris = uris;
        this.directory = directory;
        this.proposals = proposals;
        this.ingest = ingest;
        this.audit = audit;
        load();
    }

    /** What an acceptance did: the organisation added and the documents re-linked. */
    public record Accepted(String iri, String name, List<String> documents) {
    }

    /**
     * @param proposal the proposal's name as the queue shows it
     * @throws org.springframework.web.ErrorResponseException 404 for a proposal the caller's queue
     *         does not hold, 400 naming the field for an empty or known name
     */
    public Accepted accept(Caller caller, String proposal, String name, String acronym, String alias, String kind) {
        String proposed = inQueue(caller, proposal);
        String label = TextInput.line("name", blank(name) ? "" : name.strip(), MAX_NAME);
        if (label.isEmpty()) {
            throw Problems.invalid("name", "give the organisation's name");
        }
        String a = optional("acronym", acronym);
        String other = optional("alias", alias);
        String k = optional("kind", kind);
        for (String n : new String[]{label, a}) {
            if (n != null && directory.resolve(n).isPresent()) {
                throw Problems.invalid(n.equals(label) ? "name" : "acronym", "'" + n + "' already names an organisation of the directory");
            }
        }
        // The proposal's own spelling is a name of the organisation too, if the form gives none other.
        boolean respelt = !LabelFolding.fold(proposed).equals(LabelFolding.fold(label)) && !proposed.equals(a);
        Addition addition = new Addition(uris.organisation(label), label, a, other != null ? other : respelt ? proposed : null, k);
        Model verdict = ModelFactory.createDefaultModel();
        Resource r = verdict.createResource(addition.iri()).addProperty(RDF.type, ORG.Organization)
                .addProperty(SKOS.prefLabel, label);
        if (a != null) {
            r.addProperty(KH.acronym, a);
        }
        if (addition.alias() != null) {
            r.addProperty(SKOS.altLabel, addition.alias());
        }
        if (k != null) {
            r.addProperty(KH.organisationKind, k);
        }
        record(verdict);
        directory.accept(addition);
        Set<String> names = new TreeSet<>(addition.names());
        names.add(proposed);
        List<String> relinked = relink(names, addition.iri());
        audit.recordWrite(caller, "organisation.accept", addition.iri(), relinked.stream().map(uris::documentGraph).toList(),
                "accepted '" + proposed + "' as '" + label + "', re-linked " + relinked.size() + " documents");
        return new Accepted(addition.iri(), label, relinked);
    }

    /** Records the proposal's name as no organisation. */
    public String reject(Caller caller, String proposal) {
        String proposed = inQueue(caller, proposal);
        Model verdict = ModelFactory.createDefaultModel();
        verdict.createResource(uris.organisationReviewsGraph().getURI()).addProperty(KH.notAnOrganisation, proposed);
        record(verdict);
        directory.reject(proposed);
        audit.recordWrite(caller, "organisation.reject", uris.organisationReviewsGraph().getURI(), List.of(), "rejected '" + proposed + "'");
        return proposed;
    }

    /** The proposal of the caller's queue with this name (folded), as the queue writes it. */
    private String inQueue(Caller caller, String proposal) {
        if (blank(proposal)) {
            throw Problems.invalid("proposal", "say which proposal");
        }
        String key = LabelFolding.fold(proposal);
        return proposals.list(caller).stream().map(ProposedOrganisations.Proposal::name)
                .filter(n -> LabelFolding.fold(n).equals(key)).findFirst()
                .orElseThrow(() -> Problems.notFound("proposed organisation '" + proposal.strip() + "'"));
    }

    /**
     * Turns the proposals named by one of {@code names} into links to the accepted organisation,
     * document by document, each re-indexed; returns the documents changed.
     */
    private List<String> relink(Set<String> names, String iri) {
        Set<String> folded = names.stream().map(LabelFolding::fold).collect(Collectors.toSet());
        Node organisation = NodeFactory.createLiteralString(MentionType.ORGANISATION.code());
        Set<String> documents = store.readAll(d -> {
            Set<String> ids = new TreeSet<>();
            d.find(Node.ANY, Node.ANY, KH.unreviewed.asNode(), Node.ANY).forEachRemaining(q -> {
                boolean named = Iter.asStream(d.find(q.getGraph(), q.getSubject(), KH.exact.asNode(), Node.ANY))
                        .anyMatch(e -> folded.contains(LabelFolding.fold(e.getObject().getLiteralLexicalForm())));
                if (named && d.contains(q.getGraph(), q.getSubject(), KH.mentionType.asNode(), organisation)) {
                    uris.documentIdOfGraph(q.getGraph()).ifPresent(ids::add);
                }
            });
            return ids;
        });
        List<String> changed = new ArrayList<>();
        for (String id : documents) {
            boolean done = ingest.rewrite(id, m -> {
                Resource target = m.createResource(iri).addProperty(RDF.type, ORG.Organization)
                        .addProperty(RDFS.label, directory.shortName(ResourceFactory.createResource(iri)));
                for (Statement st : m.listStatements(null, KH.unreviewed, (RDFNode) null).toList()) {
                    Resource mention = st.getSubject();
                    Statement exact = mention.getProperty(KH.exact);
                    if (exact == null || !folded.contains(LabelFolding.fold(exact.getString()))
                            || !mention.hasProperty(KH.mentionType, MentionType.ORGANISATION.code())) {
                        continue;
                    }
                    mention.removeAll(KH.unreviewed).removeAll(KH.confidence)
                            .addProperty(KH.refersTo, target)
                            .addLiteral(KH.confidence, ResourceFactory.createTypedLiteral("1.00", XSDDatatype.XSDdecimal));
                    for (var container : List.of(KH.inPassage, KH.inSection)) {
                        Resource c = mention.getPropertyResourceValue(container);
                        if (c != null) {
                            c.addProperty(KH.mentions, target);
                        }
                    }
                }
            }, personal -> { });
            if (done) {
                changed.add(id);
            }
        }
        return changed;
    }

    private void record(Model verdict) {
        Node graph = uris.organisationReviewsGraph();
        Graph content = store.copyOf(graph);
        verdict.getGraph().find().forEachRemaining(content::add);
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            tx.replaceGraph(graph, content);
            tx.commit();
        }
    }

    /** The verdicts of earlier runs, back into the directory. */
    private void load() {
        Model m = ModelFactory.createModelForGraph(store.copyOf(uris.organisationReviewsGraph()));
        m.listSubjectsWithProperty(RDF.type, ORG.Organization).forEach(r -> directory.accept(new Addition(r.getURI(),
                string(r, SKOS.prefLabel), string(r, KH.acronym), string(r, SKOS.altLabel), string(r, KH.organisationKind))));
        m.listObjectsOfProperty(KH.notAnOrganisation).forEach(n -> directory.reject(n.asLiteral().getString()));
    }

    private static String string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null ? null : st.getString();
    }

    private static String optional(String field, String value) {
        return blank(value) ? null : TextInput.line(field, value.strip(), MAX_NAME);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
