package org.knowledgehub.questions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.knowledgehub.DemoFiles;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.ingest.IngestProperties;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.store.DemoLoads;
import org.knowledgehub.store.Uris;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Asks the demo research questions of {@code corpus/questions/} on the first start of a data
 * folder (after the demo corpus is in: runners without an order run after {@code CorpusLoader}),
 * with the answers a coordinator accepted and the questions closed, as the file says; a marker in
 * the data folder records that it was done, so a question closed or reviewed differently later is
 * not asked again.
 */
@Component
@ConditionalOnProperty(name = "kh.ingest.load-corpus", havingValue = "true", matchIfMissing = true)
class DemoQuestions implements ApplicationRunner {

    private static final Caller CORPUS = new Caller("corpus", Set.of(Role.ADMIN), null, Set.of());

    /** A question as the demo file gives it; {@code accepted} names passages as {@code path#number} in the corpus. */
    record DemoQuestion(String text, List<String> sectors, List<String> areas, String period, String population, String askedBy,
                        List<String> accepted, String status) {
    }

    private final QuestionService questions;
    private final Uris uris;
    private final Path folder;
    private final Path marker;
    private final DemoLoads loads;

    DemoQuestions(QuestionService questions, Uris uris, IngestProperties ingest, HubProperties hub, DemoLoads loads) {
        this.questions = questions;
        this.loads = loads;
        this.uris = uris;
        this.folder = ingest.corpusDir().resolve("questions");
        this.marker = hub.dataDir().resolve("questions-loaded");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        new DemoFiles<DemoQuestion>("research questions", new TypeReference<>() { }, d -> "'" + d.text() + "'")
                .loadOnce(folder, marker, loads::claim, this::ask);
    }

    private void ask(DemoQuestion d) {
        Question q = questions.create(new QuestionService.Ask(d.text(), d.sectors(), d.areas(), d.period(), d.population(),
                d.askedBy(), null), CORPUS);
        for (String key : d.accepted() == null ? List.<String>of() : d.accepted()) {
            int hash = key.lastIndexOf('#');
            String passage = uris.passage(DocumentIds.forSource(key.substring(0, hash)), Integer.parseInt(key.substring(hash + 1)));
            questions.review(q.id(), passage, "accept", CORPUS);
        }
        if (d.status() != null) {
            questions.setStatus(q.id(), d.status(), CORPUS);
        }
    }
}
