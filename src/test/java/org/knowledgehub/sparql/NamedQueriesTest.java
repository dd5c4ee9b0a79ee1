package org.knowledgehub.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** Each query in {@code queries/} runs at {@code /sparql} and answers something on the demo corpus. */
class NamedQueriesTest extends HubTest {

    static Stream<String> names() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".rq")).map(n -> n.replace(".rq", "")).sorted().toList();
            return names.stream();
        }
    }

    /** Questions are not part of the demo corpus: ask one and accept its best answer, once per test JVM. */
    private static boolean questionAsked;

    @BeforeEach
    void anOpenQuestionWithAnAcceptedAnswer() {
        synchronized (NamedQueriesTest.class) {
            if (questionAsked) {
                return;
            }
            Http.Response created = admin().json("POST", "/api/questions", """
                    {"text": "Why did the share of households below the SMEB rise in the Bekaa in 2020?",
                     "sectors": ["food-security", "basic-assistance"], "areas": ["LB2"], "period": "2019/2020", "askedBy": "WFP"}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asString();
            String best = http().get("/api/questions/" + id).json().get("answers").get("answers").get(0).get("passage").asString();
            assertThat(admin().json("POST", "/api/questions/" + id + "/reviews",
                    "{\"passage\": \"" + best + "\", \"verdict\": \"accept\"}").status()).isEqualTo(200);
            questionAsked = true;
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void runsAndAnswers(String name) {
        JsonNode query = http().get("/api/queries/" + name).json();
        assertThat(query.get("title").asString()).isNotEqualTo(name);
        assertThat(query.get("description").asString()).isNotBlank();
        Http.Response r = http().post("/sparql", "application/sparql-query", query.get("query").asString().getBytes(),
                "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("results").get("bindings").size()).as(name).isPositive();
    }

    @Test
    void theListNamesThemAll() throws Exception {
        assertThat(http().get("/api/queries").json().size()).isEqualTo(names().count()).isGreaterThanOrEqualTo(5);
        assertThat(http().get("/api/queries/no-such-query").status()).isEqualTo(404);
    }

    @Test
    void openActionPointsNameTheirOwners() {
        String query = http().get("/api/queries/open-action-points").json().get("query").asString();
        JsonNode rows = http().post("/sparql", "application/sparql-query", query.getBytes(), "Accept", "application/json")
                .json().get("results").get("bindings");
        List<String> owners = new java.util.ArrayList<>();
        rows.forEach(b -> owners.add(b.get("ownerLabel").get("value").asString()));
        assertThat(owners).contains("NRC", "FAO", "UNICEF", "(no owner named)");
    }
}
