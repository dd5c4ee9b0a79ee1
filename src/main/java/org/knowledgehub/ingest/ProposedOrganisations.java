package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Caller;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * The review queue of proposed organisations: names that NER took for organisations in the
 * documents the caller may read and that the organisations directory does not know. They link to
 * nothing and are no facet value until a reviewer accepts them ({@link OrganisationReviews}).
 */
@Component
public class ProposedOrganisations {

    private static final int EXAMPLES = 3;

    private final KnowledgeStore store;
    private final AccessPolicy access;
    private final Uris uris;
    private final OrganisationDirectory directory;

    ProposedOrganisations(KnowledgeStore store, AccessPolicy access, Uris uris, OrganisationDirectory directory) {
        this.store = store;
        this.access = access;
        this.uris = uris;
        this.directory = directory;
    }

    /** A document a proposal was found in. */
    public record Source(String id, String title) {
    }

    /**
     * One proposed name.
     *
     * @param name      the name as most often written
     * @param mentions  how often the documents name it
     * @param documents how many documents name it
     * @param examples  some of those documents
     * @param score     the highest confidence of its mentions: how much it looks like an organisation
     */
    public record Proposal(String name, int mentions, int documents, List<Source> examples, double score) {
    }

    /**
     * The proposals in the documents the caller may read, the highest score first, then the most
     * frequent; names reviewers rejected are left out.
     */
    public List<Proposal> list(Caller caller) {
        Set<Node> visible = access.visibleTo(caller).graphs();
        Node organisation = NodeFactory.createLiteralString(MentionType.ORGANISATION.code());
        return store.readAll(d -> {
            Map<String, Map<String, Integer>> spellings = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            Map<String, Double> scores = new HashMap<>();
            Map<String, Set<String>> documents = new LinkedHashMap<>();
            d.find(Node.ANY, Node.ANY, KH.unreviewed.asNode(), Node.ANY).forEachRemaining(q -> {
                Node g = q.getGraph();
                if (!visible.contains(g) || !d.contains(g, q.getSubject(), KH.mentionType.asNode(), organisation)) {
                    return;
                }
                var found = d.find(g, q.getSubject(), KH.confidence.asNode(), Node.ANY);
                double confidence = found.hasNext() ? Double.parseDouble(found.next().getObject().getLiteralLexicalForm()) : 0;
                uris.documentIdOfGraph(g).ifPresent(id -> d.find(g, q.getSubject(), KH.exact.asNode(), Node.ANY).forEachRemaining(e -> {
                    String name = e.getObject().getLiteralLexicalForm().strip();
                    if (directory.isRejected(name)) {
                        return;
                    }
                    String key = LabelFolding.fold(name);
                    scores.merge(key, confidence, Math::max);
                    spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(name, 1, Integer::sum);
                    counts.merge(key, 1, Integer::sum);
                    documents.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
                }));
            });
            List<Proposal> out = new ArrayList<>();
            counts.forEach((key, n) -> {
                String name = spellings.get(key).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                List<Source> examples = documents.get(key).stream().sorted().limit(EXAMPLES)
                        .map(id -> new Source(id, title(d, id))).toList();
                out.add(new Proposal(name, n, documents.get(key).size(), examples, scores.get(key)));
            });
            out.sort(Comparator.comparingDouble(Proposal::score).reversed()
                    .thenComparing(Comparator.comparingInt(Proposal::documents).reversed())
                    .thenComparing(Comparator.comparingInt(Proposal::mentions).reversed()).thenComparing(Proposal::name));
            return out;
        });
    }

    private String title(DatasetGraph d, String id) {
        var it = d.find(uris.documentGraph(id), NodeFactory.createURI(uris.document(id)), DCTerms.title.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : id;
    }
}
