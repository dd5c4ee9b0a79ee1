package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.MentionSpans;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings document graphs written before mentions were folded into kh:mentionSpans to that shape,
 * at start, without ingesting them again: every kh:Mention becomes a line of its container's
 * kh:mentionSpans, and only persons, personal data and proposed organisations stay resources (their
 * IRIs are what the personal graph and the reviewers point at). A graph is old-style when a mention
 * lies in a passage or section without kh:mentionSpans; once rewritten it no longer is, so a second
 * start finds nothing to do after one look at the few mentions that stay resources.
 */
@Component
class LeanMentionsMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LeanMentionsMigration.class);

    private final KnowledgeStore store;
    private final Uris uris;

    LeanMentionsMigration(KnowledgeStore store, Uris uris) {
        this.store = store;
        this.uris = uris;
    }

    @Override
    public void afterSingletonsInstantiated() {
        migrate();
    }

    /** How many graphs were rewritten, mentions folded into literals and mentions kept as resources. */
    record Report(int graphs, int folded, int kept) {
    }

    /** Rewrites each old-style document graph, one graph per write transaction. */
    Report migrate() {
        List<Node> graphs = store.readAll(LeanMentionsMigration::oldStyleGraphs);
        if (graphs.isEmpty()) {
            return new Report(0, 0, 0);
        }
        long started = System.nanoTime();
        log.info("Folding the mentions of {} document graphs into kh:mentionSpans", graphs.size());
        int folded = 0;
        int kept = 0;
        for (Node g : graphs) {
            Graph content = store.copyOf(g);
            Report one = fold(content);
            try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
                tx.replaceGraph(g, content);
                tx.commit();
            }
            folded += one.folded();
            kept += one.kept();
        }
        log.info("Mentions of {} document graphs folded into kh:mentionSpans in {} ms: {} mention resources removed, {} kept "
                + "(persons, personal data, proposed organisations)", graphs.size(), (System.nanoTime() - started) / 1_000_000, folded, kept);
        return new Report(graphs.size(), folded, kept);
    }

    private static List<Node> oldStyleGraphs(DatasetGraph d) {
        Set<Node> out = new LinkedHashSet<>();
        d.find(Node.ANY, Node.ANY, RDF.type.asNode(), KH.Mention.asNode()).forEachRemaining(q -> {
            Node g = q.getGraph();
            if (out.contains(g)) {
                return;
            }
            for (Node where : List.of(KH.inPassage.asNode(), KH.inSection.asNode())) {
                d.find(g, q.getSubject(), where, Node.ANY).forEachRemaining(c -> {
                    if (!d.contains(g, c.getObject(), KH.mentionSpans.asNode(), Node.ANY)) {
                        out.add(g);
                    }
                });
            }
        });
        return new ArrayList<>(out);
    }

    /** Folds the mentions of one document graph, in place. */
    private Report fold(Graph content) {
        Model m = ModelFactory.createModelForGraph(content);
        Map<Resource, List<MentionSpans.Span>> spans = new LinkedHashMap<>();
        Set<Resource> agents = new LinkedHashSet<>();
        List<Resource> folded = new ArrayList<>();
        int kept = 0;
        for (Resource x : m.listSubjectsWithProperty(RDF.type, KH.Mention).toList()) {
            Resource container = x.hasProperty(KH.inPassage) ? x.getPropertyResourceValue(KH.inPassage)
                    : x.getPropertyResourceValue(KH.inSection);
            Resource agent = x.getPropertyResourceValue(Prov.wasAttributedTo);
            Statement type = x.getProperty(KH.mentionType);
            if (container == null || agent == null || type == null || !x.hasProperty(KH.startOffset) || !x.hasProperty(KH.endOffset)) {
                // Not a mention the hub wrote: left as it is.
                continue;
            }
            Resource target = x.getPropertyResourceValue(KH.refersTo);
            Statement value = x.getProperty(KH.value);
            Statement confidence = x.getProperty(KH.confidence);
            spans.computeIfAbsent(container, k -> new ArrayList<>()).add(new MentionSpans.Span(x.getProperty(KH.startOffset).getInt(),
                    x.getProperty(KH.endOffset).getInt(), type.getString(), confidence == null ? 0 : confidence.getDouble(),
                    agent.getURI().substring(agent.getURI().lastIndexOf('/') + 1), target == null ? null : target.getURI(),
                    value == null ? null : value.getString()));
            agents.add(agent);
            boolean personal = type.getString().equals("person") || type.getString().equals("personal-data");
            if (personal || x.hasLiteral(KH.unreviewed, true)) {
                kept++;
            } else {
                folded.add(x);
            }
        }
        spans.forEach((container, list) -> container.addProperty(KH.mentionSpans, MentionSpans.write(list, uris.base())));
        folded.forEach(x -> m.removeAll(x, null, null));
        m.listSubjectsWithProperty(RDF.type, KH.Document).forEach(doc -> {
            Resource ingestion = doc.getPropertyResourceValue(Prov.wasGeneratedBy);
            if (ingestion != null) {
                agents.forEach(a -> ingestion.addProperty(Prov.wasAssociatedWith, a));
            }
        });
        return new Report(1, folded.size(), kept);
    }
}
