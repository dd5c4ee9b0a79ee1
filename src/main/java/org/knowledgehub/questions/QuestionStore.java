package org.knowledgehub.questions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Research questions in the graph: the question in a graph of its own (public, as its existence
 * is), and each statement about a candidate answer in a graph per question and source document
 * that is readable exactly by those who may read that document.
 */
@Component
class QuestionStore {

    private final KnowledgeStore store;
    private final Uris uris;
    private final ConceptLabels labels;

    QuestionStore(KnowledgeStore store, Uris uris, ConceptLabels labels) {
        this.store = store;
        this.uris = uris;
        this.labels = labels;
    }

    /** A validated new question; concept IRIs already resolved. */
    record NewQuestion(String text, List<String> sectors, List<String> areas, String period, String population,
                       String askedBy, String askedByName, String agent, String kind) {
    }

    /** What a correction of a question's understanding sets; null leaves a part as it is. */
    record Correction(List<String> sectors, List<String> areas, String period, String population, String kind,
                      List<String> ignored) {
    }

    synchronized Question create(NewQuestion q) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Model m = ModelFactory.createDefaultModel();
        Resource question = m.createResource(uris.question(id))
                .addProperty(RDF.type, KH.ResearchQuestion)
                .addProperty(DCTerms.identifier, id)
                .addProperty(DCTerms.description, q.text())
                .addProperty(RDFS.label, q.text().length() > 120 ? q.text().substring(0, 119) + "…" : q.text())
                .addProperty(KH.status, "open")
                .addLiteral(DCTerms.created, now())
                .addProperty(Prov.wasAttributedTo, m.createResource(uris.agent(q.agent())));
        q.sectors().forEach(s -> question.addProperty(KH.aboutSector, m.createResource(s)));
        q.areas().forEach(a -> question.addProperty(KH.aboutArea, m.createResource(a)));
        if (q.population() != null) {
            question.addProperty(KH.aboutPopulation, m.createResource(q.population()));
        }
        if (q.period() != null) {
            question.addProperty(KH.period, q.period());
        }
        if (q.kind() != null) {
            question.addProperty(KH.answerKind, q.kind());
        }
        if (q.askedBy() != null) {
            Resource org = m.createResource(q.askedBy());
            question.addProperty(KH.askedBy, org);
            org.addProperty(RDFS.label, q.askedByName());
        }
        write(uris.questionGraph(id), m.getGraph());
        return read(id).orElseThrow();
    }

    Optional<Question> read(String id) {
        Model m = ModelFactory.createModelForGraph(store.copyOf(uris.questionGraph(id)));
        Resource q = m.getResource(uris.question(id));
        if (!q.hasProperty(RDF.type, KH.ResearchQuestion)) {
            return Optional.empty();
        }
        Resource org = q.getPropertyResourceValue(KH.askedBy);
        return Optional.of(new Question(id, q.getURI(), string(q, DCTerms.description), codes(q, KH.aboutSector),
                codes(q, KH.aboutArea), string(q, KH.period),
                Optional.ofNullable(q.getPropertyResourceValue(KH.aboutPopulation)).map(r -> labels.code(r.getURI())).orElse(null),
                org == null ? null : Optional.ofNullable(string(org, RDFS.label)).orElse(org.getURI()),
                string(q, DCTerms.created), string(q, KH.status), string(q, KH.answerKind),
                q.listProperties(KH.ignoresConstraint).mapWith(st -> st.getString()).toList().stream().sorted().toList(),
                Optional.ofNullable(q.getPropertyResourceValue(Prov.wasAttributedTo)).map(Resource::getURI).orElse(null)));
    }

    /** Replaces the parts of a question's understanding that a correction sets; sectors, areas and population are IRIs. */
    synchronized void correct(String id, Correction c) {
        Model m = ModelFactory.createModelForGraph(store.copyOf(uris.questionGraph(id)));
        Resource q = m.getResource(uris.question(id));
        if (c.sectors() != null) {
            q.removeAll(KH.aboutSector);
            c.sectors().forEach(s -> q.addProperty(KH.aboutSector, m.createResource(s)));
        }
        if (c.areas() != null) {
            q.removeAll(KH.aboutArea);
            c.areas().forEach(a -> q.addProperty(KH.aboutArea, m.createResource(a)));
        }
        if (c.period() != null) {
            q.removeAll(KH.period);
            if (!c.period().isEmpty()) {
                q.addProperty(KH.period, c.period());
            }
        }
        if (c.population() != null) {
            q.removeAll(KH.aboutPopulation);
            if (!c.population().isEmpty()) {
                q.addProperty(KH.aboutPopulation, m.createResource(c.population()));
            }
        }
        if (c.kind() != null) {
            q.removeAll(KH.answerKind);
            if (!c.kind().isEmpty()) {
                q.addProperty(KH.answerKind, c.kind());
            }
        }
        if (c.ignored() != null) {
            q.removeAll(KH.ignoresConstraint);
            c.ignored().forEach(i -> q.addProperty(KH.ignoresConstraint, i));
        }
        write(uris.questionGraph(id), m.getGraph());
    }

    List<Question> list() {
        List<String> ids = store.readAll(d -> {
            List<String> out = new ArrayList<>();
            d.find(Node.ANY, Node.ANY, RDF.type.asNode(), KH.ResearchQuestion.asNode()).forEachRemaining(quad ->
                    uris.questionIdOf(quad.getSubject().getURI()).ifPresent(out::add));
            return out;
        });
        return ids.stream().distinct().map(this::read).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Question::askedAt).reversed()).toList();
    }

    synchronized void setStatus(String id, String status) {
        Model m = ModelFactory.createModelForGraph(store.copyOf(uris.questionGraph(id)));
        Resource q = m.getResource(uris.question(id));
        q.removeAll(KH.status).addProperty(KH.status, status);
        write(uris.questionGraph(id), m.getGraph());
    }

    /**
     * Records a statement about a candidate, replacing any earlier one about the same passage.
     *
     * @param by the reviewer (an agent) or the ingestion activity that linked it
     */
    /**
     * Records a candidate or a review of one passage of a question. Nothing is written when the
     * passage's document is no longer in the store (deleted meanwhile, e.g. while a standing
     * question was being matched): a statement must not outlive the document it is about.
     *
     * @return whether it was recorded
     */
    synchronized boolean state(String questionId, String passage, String documentId, Resource rank, String by, boolean byIngest) {
        Node graph = uris.questionSourceGraph(questionId, documentId);
        Model m = ModelFactory.createModelForGraph(store.copyOf(graph));
        Resource statement = m.createResource(uris.question(questionId) + "/answer/" + documentId + "/"
                + passage.substring(passage.lastIndexOf('/') + 1));
        statement.removeProperties();
        statement.addProperty(RDF.type, KH.AnswerStatement)
                .addProperty(KH.question, m.createResource(uris.question(questionId)))
                .addProperty(KH.answer, m.createResource(passage))
                .addProperty(KH.rank, rank)
                .addLiteral(DCTerms.created, now())
                .addProperty(byIngest ? Prov.wasGeneratedBy : Prov.wasAttributedTo, m.createResource(by));
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            if (!tx.holds(uris.documentGraph(documentId))) {
                return false;
            }
            tx.replaceGraph(graph, m.getGraph());
            tx.commit();
            return true;
        }
    }

    /** The statements about a question's candidates that the caller may see. */
    List<AnswerStatement> statements(String questionId, VisibleGraphs visible) {
        Model all = ModelFactory.createDefaultModel();
        store.readAll(d -> {
            DatasetGraph view = store.view(visible.graphs());
            view.find(Node.ANY, Node.ANY, KH.question.asNode(), NodeFactory.createURI(uris.question(questionId)))
                    .forEachRemaining(quad -> view.find(quad.getGraph(), quad.getSubject(), Node.ANY, Node.ANY)
                            .forEachRemaining(t -> all.getGraph().add(t.asTriple())));
            return null;
        });
        List<AnswerStatement> out = new ArrayList<>();
        all.listSubjectsWithProperty(RDF.type, KH.AnswerStatement).forEach(s -> {
            String passage = s.getPropertyResourceValue(KH.answer).getURI();
            Resource by = Optional.ofNullable(s.getPropertyResourceValue(Prov.wasAttributedTo))
                    .orElse(s.getPropertyResourceValue(Prov.wasGeneratedBy));
            out.add(new AnswerStatement(passage, uris.documentIdOf(passage).orElse(null),
                    s.getPropertyResourceValue(KH.rank).getLocalName().replace("Rank", "").toLowerCase(),
                    by == null ? null : by.getURI(), string(s, DCTerms.created), s.hasProperty(Prov.wasGeneratedBy)));
        });
        return out;
    }

    /** The number of accepted (preferred) candidates per question id, among the statements the caller may see. */
    Map<String, Integer> accepted(VisibleGraphs visible) {
        return store.readAll(d -> {
            DatasetGraph view = store.view(visible.graphs());
            Map<String, Integer> out = new HashMap<>();
            view.find(Node.ANY, Node.ANY, KH.rank.asNode(), KH.PreferredRank.asNode()).forEachRemaining(rank ->
                    view.find(rank.getGraph(), rank.getSubject(), KH.question.asNode(), Node.ANY).forEachRemaining(q ->
                            uris.questionIdOf(q.getObject().getURI()).ifPresent(id -> out.merge(id, 1, Integer::sum))));
            return out;
        });
    }

    private void write(Node graph, Graph content) {
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            tx.replaceGraph(graph, content);
            tx.commit();
        }
    }

    private List<String> codes(Resource r, Property p) {
        return r.listProperties(p).mapWith(Statement::getResource).mapWith(x -> labels.code(x.getURI())).toList();
    }

    private static String string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        if (st == null) {
            return null;
        }
        RDFNode o = st.getObject();
        return o.isLiteral() ? ((Literal) o).getLexicalForm() : o.asResource().getURI();
    }

    private static Literal now() {
        return ResourceFactory.createTypedLiteral(Instant.now().toString(), XSDDatatype.XSDdateTime);
    }
}
