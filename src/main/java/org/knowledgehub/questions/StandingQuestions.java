package org.knowledgehub.questions;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.ingest.DocumentRecords;
import org.knowledgehub.ingest.DocumentSummary;
import org.knowledgehub.ingest.DocumentsCommitted;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Standing questions: when documents are committed, every open question is asked of them alone,
 * and where they answer it confidently their best passages become candidates of the question,
 * recorded with the ingestion that produced them (shown as "new since"). Runs on its own thread,
 * after the commit, so ingest never waits for it.
 */
@Component
class StandingQuestions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StandingQuestions.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final QuestionStore store;
    private final QuestionService questions;
    private final AnswerFinder finder;
    private final DocumentRecords records;
    private final Uris uris;
    private final QuestionsProperties properties;
    private volatile boolean closing;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "standing-questions");
        t.setDaemon(true);
        return t;
    });

    private final KnowledgeStore knowledgeStore;

    StandingQuestions(QuestionStore store, QuestionService questions, AnswerFinder finder, DocumentRecords records, Uris uris,
                      QuestionsProperties properties, KnowledgeStore knowledgeStore) {
        this.knowledgeStore = knowledgeStore;
        this.store = store;
        this.questions = questions;
        this.finder = finder;
        this.records = records;
        this.uris = uris;
        this.properties = properties;
    }

    @EventListener
    void onCommit(DocumentsCommitted event) {
        worker.submit(() -> unlessClosing(() -> linkDeclared(event.documentIds())));
        if (properties.standing()) {
            worker.submit(() -> unlessClosing(() -> match(event.documentIds())));
        }
    }

    /** Work waiting when the hub stops is dropped (its documents are stored; only their matching is not done). */
    private void unlessClosing(Runnable work) {
        if (!closing) {
            work.run();
        }
    }

    /**
     * A field observation that names the question it answers becomes that question's candidate at
     * once (its first passage), whatever its score, recorded with the ingestion that stored it.
     */
    private void linkDeclared(List<String> documentIds) {
        for (String documentId : documentIds) {
            try {
                // Few documents declare one: the graph is copied only for those (a bulk ingest commits thousands).
                Node graph = uris.documentGraph(documentId);
                Node subject = NodeFactory.createURI(uris.document(documentId));
                if (!knowledgeStore.readAll(d -> d.contains(graph, subject, KH.answers.asNode(), Node.ANY))) {
                    continue;
                }
                Model m = ModelFactory.createModelForGraph(knowledgeStore.copyOf(graph));
                Resource doc = m.getResource(uris.document(documentId));
                Resource question = doc.getPropertyResourceValue(KH.answers);
                Optional<String> questionId = question == null ? Optional.empty() : uris.questionIdOf(question.getURI());
                Optional<Resource> first = m.listSubjectsWithProperty(RDF.type, KH.Passage).toList().stream()
                        .min(Comparator.comparingInt(p -> p.getProperty(KH.order).getInt()));
                if (questionId.isPresent() && first.isPresent()) {
                    String ingestion = records.summary(documentId).map(DocumentSummary::ingestion).orElse(uris.softwareAgent());
                    if (store.state(questionId.get(), first.get().getURI(), documentId, KH.NormalRank, ingestion, true)) {
                            log.info("Observation {} linked to question {} as its contributor declared", documentId, questionId.get());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Linking the declared answers of {} failed: {}", documentId, e.toString());
            }
        }
    }

    /** Waits until the documents committed so far have been matched (tests, orderly shutdown). */
    void awaitIdle() throws Exception {
        worker.submit(() -> { }).get();
    }

    private void match(List<String> documentIds) {
        try {
            List<Question> open = questions.list(null, null, "open", null);
            if (open.isEmpty()) {
                return;
            }
            Set<Node> graphs = documentIds.stream().map(uris::documentGraph).collect(Collectors.toSet());
            VisibleGraphs onlyNew = new VisibleGraphs(graphs);
            int linked = 0;
            for (Question q : open) {
                Answers answers = finder.answer(q.text(), questions.conceptsOf(q), QuestionService.years(q.period()),
                        q.kind() == null ? null : Understanding.Kind.of(q.kind()), q.ignored(), onlyNew, 3);
                if (!answers.confident()) {
                    continue;
                }
                Answer best = answers.answers().getFirst();
                String documentId = best.provenance().document().id();
                String ingestion = records.summary(documentId).map(DocumentSummary::ingestion).orElse(uris.softwareAgent());
                if (store.statements(q.id(), onlyNew).stream().noneMatch(s -> s.passage().equals(best.passage()))) {
                    if (store.state(q.id(), best.passage(), documentId, KH.NormalRank, ingestion, true)) {
                        linked++;
                    }
                }
            }
            if (linked > 0) {
                log.info("Standing questions: {} new candidate answers from {} documents", linked, documentIds.size());
            }
        } catch (RuntimeException e) {
            log.warn("Standing questions: matching {} documents failed: {}", documentIds.size(), e.toString());
        }
    }

    /**
     * Lets the work under way finish, up to {@link #STOP_WAIT}, while the store is still open (rather
     * than interrupting it into a failure in the log), and drops what waits.
     */
    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        worker.shutdown();
        if (!worker.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("Standing questions: the matching under way did not end within {} s of the stop; interrupted", STOP_WAIT.toSeconds());
            worker.shutdownNow();
        }
    }
}
