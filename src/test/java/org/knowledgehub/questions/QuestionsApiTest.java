package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Research questions and {@code /api/ask} over the demo corpus, through the real server. */
class QuestionsApiTest extends HubTest {

    @Autowired
    StandingQuestions standing;

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> all(JsonNode answers) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : answers) {
            out.add(a);
            a.get("more").forEach(out::add);
        }
        return out;
    }

    @Test
    void aFreeQuestionGetsQuotedAnswersWithTheirWholeProvenance() {
        JsonNode r = http().get("/api/ask?q=" + Http.enc(
                "Why did the share of Syrian refugee households below the SMEB rise in the Bekaa between 2019 and 2020?")).json();
        assertThat(r.get("confident").asBoolean()).isTrue();
        assertThat(r.get("concepts").findValuesAsString("code")).contains("LB2", "below-smeb");
        JsonNode answers = r.get("answers");
        assertThat(answers.size()).isGreaterThan(1);
        List<String> sources = new ArrayList<>();
        answers.forEach(a -> sources.add(a.get("provenance").get("document").get("title").asString()));
        // The partners' explanation, from the Food Security sector meeting in Zahle, among the first three.
        List<JsonNode> firstFour = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firstFour.add(answers.get(i));
            answers.get(i).get("more").forEach(firstFour::add);
        }
        assertThat(firstFour.stream().map(a -> a.get("text").asString()).anyMatch(t -> t.contains("currency depreciation")))
                .as("answers " + sources).isTrue();

        JsonNode best = answers.get(0);
        JsonNode quote = best.get("quote");
        String id = best.get("provenance").get("document").get("id").asString();
        String text = http().get("/api/documents/" + id + "/text").text();
        assertThat(text.substring(quote.get("start").asInt(), quote.get("end").asInt())).isEqualTo(quote.get("text").asString());
        assertThat(best.get("text").asString()).contains(quote.get("text").asString());
        JsonNode prov = best.get("provenance");
        assertThat(prov.get("passage").get("uri").asString()).isEqualTo(best.get("passage").asString());
        assertThat(prov.get("section").get("uri").asString()).contains("/section/");
        assertThat(prov.get("document").get("original").asString()).endsWith("/original");
        assertThat(prov.get("graph").asString()).contains("/graph/document/" + id);
        assertThat(prov.get("ingestion").get("uri").asString()).contains("/ingestion/");
        assertThat(best.get("why").get("similarity").asDouble()).isBetween(0.0, 1.0);
        assertThat(best.get("why").get("terms").size()).isPositive();
        // One entry per document: its other candidates are under "more".
        List<String> documents = new ArrayList<>();
        answers.forEach(a -> documents.add(a.get("provenance").get("document").get("id").asString()));
        assertThat(documents).doesNotHaveDuplicates();
    }

    @Test
    void aQuestionTheCorpusCannotAnswerIsNotAnsweredConfidently() {
        JsonNode r = http().get("/api/ask?q=" + Http.enc(
                "How many refugees returned to Syria through the General Security organised return convoys in 2019?")).json();
        assertThat(r.get("confident").asBoolean()).isFalse();
    }

    @Test
    void confidentialAnswersReachOnlyThoseWhoMayReadThem() {
        String q = "/api/ask?q=" + Http.enc("What gaps in the GBV referral pathway were found in Al-Safsaf settlement in Minieh-Dennie?");
        String anonymous = http().get(q).json().get("answers").toString();
        assertThat(anonymous).doesNotContain("Al-Safsaf").doesNotContain("JASMINE").doesNotContain("\"confidential\"");
        assertThat(admin().get(q).json().get("answers").toString()).contains("Al-Safsaf");
    }

    @Test
    void aDocumentsMastheadGivesWayToThePassageThatAnswers() {
        // The flash note's masthead names the raids, the month and the village, as the question does, and says
        // nothing of what happened; its summary does.
        JsonNode best = admin().get("/api/ask?q=" + Http.enc("What happened during the April 2023 raids in Kfar Hanoun (West Bekaa)?"))
                .json().get("answers").get(0);
        assertThat(best.get("provenance").get("document").get("title").asString()).contains("Kfar Hanoun");
        assertThat(best.get("passage").asString()).doesNotEndWith("/passage/1");
        assertThat(best.get("text").asString()).contains("arrested");
    }

    @Test
    void badQuestionsGetProblemsNamingTheField() {
        Http.Response empty = http().get("/api/ask?q=");
        assertThat(empty.status()).isEqualTo(400);
        // The problem names the query parameter at fault, as the caller wrote it.
        assertThat(empty.json().get("field").asString()).isEqualTo("q");
        assertThat(http().get("/api/ask?q=water&sector=plumbing").json().get("field").asString()).isEqualTo("sector");
        assertThat(http().get("/api/ask?q=water&area=LB99").json().get("field").asString()).isEqualTo("area");
        assertThat(http().get("/api/ask?q=" + Http.enc("why ".repeat(300))).json().get("field").asString()).isEqualTo("q");
        assertThat(http().get("/api/ask?q=water&period=soon").json().get("field").asString()).isEqualTo("period");
        assertThat(http().get("/api/ask?q=water&k=x").json().get("field").asString()).isEqualTo("k");
        assertThat(http().get("/api/ask?q=" + Http.enc("\") OR *:* AND text:[* TO *] <script>")).status()).isEqualTo(200);
        assertThat(http().get("/api/search?q=water&mode=magic").json().get("field").asString()).isEqualTo("mode");
        assertThat(http().get("/api/questions/nosuchquestion").status()).isEqualTo(404);
        // Filters that name nothing are mistakes to report, not empty lists.
        assertThat(http().get("/api/questions?sector=nosuch").json().get("field").asString()).isEqualTo("sector");
        assertThat(http().get("/api/questions?area=ZZ").json().get("field").asString()).isEqualTo("area");
        assertThat(http().get("/api/questions?status=pending").json().get("field").asString()).isEqualTo("status");

        // Bodies of the write endpoints: broken JSON, wrong types, missing or unknown values.
        Http.Response broken = admin().post("/api/questions", "application/json", json("{\"text\": "));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("field").asString()).isEqualTo("body");
        Http.Response twice = admin().post("/api/questions", "application/json",
                json("{\"text\": \"Why?\", \"text\": \"What?\", \"sectors\": [\"wash\"]}"));
        assertThat(twice.status()).as("a member named twice is not read as the last one").isEqualTo(400);
        assertThat(twice.json().get("detail").asString()).contains("Duplicate").contains("text");
        Http.Response wrongType = admin().post("/api/questions", "application/json", json("{\"text\": \"x\", \"sectors\": {\"a\": 1}}"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asString()).isEqualTo("sectors");
        assertThat(admin().post("/api/questions", "application/json", json("{\"text\": \"Why?\"}")).json().get("field").asString())
                .isEqualTo("sectors");
        assertThat(admin().post("/api/questions", "application/json", json("{\"sectors\": [\"wash\"]}")).json().get("field").asString())
                .isEqualTo("text");
        // Control characters have no place in a question, and RDF/XML could not write them.
        assertThat(admin().post("/api/questions", "application/json", json("{\"text\": \"Why \\u0000\\u0007?\", \"sectors\": [\"wash\"]}"))
                .json().get("field").asString()).isEqualTo("text");
        assertThat(admin().post("/api/questions", "application/json",
                json("{\"text\": \"Why?\", \"sectors\": [\"wash\"], \"askedBy\": \"NRC\\u0001\"}")).json().get("field").asString())
                .isEqualTo("askedBy");
        String id = admin().post("/api/questions", "application/json", json("{\"text\": \"Why?\", \"sectors\": [\"wash\"]}"))
                .json().get("id").asString();
        assertThat(admin().post("/api/questions/" + id + "/reviews", "application/json", json("{\"passage\": \"x\", \"verdict\": \"maybe\"}"))
                .json().get("field").asString()).isEqualTo("verdict");
        assertThat(admin().post("/api/questions/" + id + "/status", "application/json", json("{\"status\": \"done\"}"))
                .json().get("field").asString()).isEqualTo("status");
        assertThat(admin().post("/api/questions/nosuchquestion/status", "application/json", json("{\"status\": \"closed\"}"))
                .status()).isEqualTo(404);
    }

    @Test
    void hybridSearchFindsPassagesByMeaningAndByTheOntology() {
        JsonNode r = http().get("/api/search?mode=hybrid&q=" + Http.enc("latrines and water trucking in Bekaa")).json();
        assertThat(r.get("results").size()).isPositive();
        assertThat(r.get("results").get(0).get("mentions").get("sectors").toString()).contains("wash");
    }

    @Test
    void figuresThatDisagreeForTheSameIndicatorAreaAndYearAreShownSideBySide() {
        // The 2020 food security chapter says 49% in its key findings and 47% in its body.
        JsonNode r = http().get("/api/ask?q=" + Http.enc(
                "What share of Syrian refugee households were moderately or severely food insecure in 2020?")).json();
        JsonNode conflict = null;
        for (JsonNode c : r.get("conflicts")) {
            if (c.get("indicator").asString().equals("moderate-severe-food-insecurity") && c.get("period").asString().equals("2020")) {
                conflict = c;
            }
        }
        assertThat(conflict).as(r.get("conflicts").toString()).isNotNull();
        assertThat(conflict.get("area").asString()).isEqualTo("LB");
        assertThat(conflict.get("figures").findValuesAsString("value")).contains("49%", "47%");
        assertThat(conflict.get("kind").asString()).isEqualTo("share");
        for (JsonNode f : conflict.get("figures")) {
            assertThat(f.get("quote").asString()).contains(f.get("value").asString());
            assertThat(f.get("source").get("title").asString()).isNotBlank();
        }
        // "compared to 29% in 2019" is 2019's figure, not a third figure for 2020.
        assertThat(conflict.get("figures").findValuesAsString("value")).doesNotContain("29%");
    }

    @Test
    void theDemoResearchQuestionsAreAskedOnTheFirstStart() {
        JsonNode listed = http().get("/api/questions?askedBy=WFP&status=closed").json();
        JsonNode smeb = listed.valueStream().filter(q -> q.get("text").asString().contains("below the SMEB rise in the Bekaa"))
                .findFirst().orElseThrow();
        assertThat(smeb.get("sectors").toString()).contains("basic-assistance").contains("food-security");
        JsonNode answers = http().get("/api/questions/" + smeb.get("id").asString()).json().get("answers").get("answers");
        // The answer the file accepts comes first, reviewed, with its quote from the Zahle meeting.
        JsonNode top = answers.get(0);
        assertThat(top.get("review").get("rank").asString()).isEqualTo("preferred");
        assertThat(top.get("passage").asString()).endsWith("/passage/11");
        assertThat(top.get("provenance").get("document").get("title").asString()).contains("Zahle");
        assertThat(http().get("/api/questions?sector=education&area=LB7&status=open").text()).contains("leave school in the autumn");
    }

    @Test
    void aStoredQuestionIsRankedReviewedClosedAndPublishedAsLinkedData() throws Exception {
        String body = """
                {"text": "What did the IMWG decide about consent when collecting data from refugees?",
                 "sectors": ["protection"], "areas": ["LB1"], "period": "2019", "askedBy": "UNHCR"}""";
        assertThat(http().post("/api/questions", "application/json", json(body)).status()).isEqualTo(401);
        Http.Response created = admin().post("/api/questions", "application/json", json(body));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/questions/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("open");

        JsonNode view = http().get("/api/questions/" + id).json();
        assertThat(view.get("question").get("sectors").toString()).contains("protection");
        JsonNode answers = view.get("answers").get("answers");
        // Asked what the IMWG decided, the hub answers from the IMWG's minutes: the meeting where the decision was taken.
        assertThat(view.get("answers").get("understanding").get("summary").asString()).contains("document type minutes");
        assertThat(answers.get(0).get("provenance").get("document").get("title").asString()).contains("IM Working Group");
        assertThat(answers.get(0).get("text").asString()).containsIgnoringCase("consent");

        // A coordinator rejects the first candidate and accepts the second: the accepted one comes first.
        String first = answers.get(0).get("passage").asString();
        String second = answers.get(1).get("passage").asString();
        admin().post("/api/questions/" + id + "/reviews", "application/json",
                json("{\"passage\": \"" + first + "\", \"verdict\": \"reject\"}"));
        JsonNode reviewed = admin().post("/api/questions/" + id + "/reviews", "application/json",
                json("{\"passage\": \"" + second + "\", \"verdict\": \"accept\"}")).json();
        JsonNode top = reviewed.get("answers").get("answers").get(0);
        assertThat(top.get("passage").asString()).isEqualTo(second);
        assertThat(top.get("review").get("rank").asString()).isEqualTo("preferred");
        assertThat(top.get("review").get("by").asString()).contains("/id/agent/");
        assertThat(all(reviewed.get("answers").get("answers")).stream()
                .filter(a -> a.get("passage").asString().equals(first)).findFirst().orElseThrow()
                .get("review").get("rank").asString()).isEqualTo("deprecated");
        assertThat(admin().post("/api/questions/" + id + "/reviews", "application/json",
                json("{\"passage\": \"http://elsewhere.example/x\", \"verdict\": \"accept\"}")).json().get("field").asString())
                .isEqualTo("passage");

        // As RDF: the question, and the review as a statement with its rank, readable by SPARQL.
        String turtle = http().get("/id/question/" + id, "Accept", "text/turtle").text();
        assertThat(turtle).contains("ResearchQuestion").contains("consent");
        String csv = http().post("/sparql", "application/sparql-query", json("""
                PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
                SELECT ?rank WHERE { ?s kh:question <%s> ; kh:answer <%s> ; kh:rank ?rank }"""
                .formatted(created.json().get("uri").asString(), second)), "Accept", "text/csv").text();
        assertThat(csv).contains("PreferredRank");

        assertThat(http().get("/api/questions?sector=protection&status=open").text()).contains(id);
        JsonNode closed = admin().post("/api/questions/" + id + "/status", "application/json", json("{\"status\": \"closed\"}")).json();
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(http().get("/api/questions?status=open").text()).doesNotContain(id);
        assertThat(http().get("/api/questions?status=closed&askedBy=UNHCR").text()).contains(id);
    }

    @Test
    void onlyCoordinatorsOfOneOfTheQuestionsSectorsAndAdminsReviewAndCloseIt() {
        // An inter-sector question: protection and WASH.
        Http.Response created = admin().json("POST", "/api/questions", """
                {"text": "What did the IMWG decide about consent when collecting data from refugees at water points?",
                 "sectors": ["protection", "wash"], "areas": ["LB1"]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String passage = http().get("/api/questions/" + id).json().get("answers").get("answers").get(0).get("passage").asString();
        String reviews = "/api/questions/" + id + "/reviews";
        String status = "/api/questions/" + id + "/status";
        String accept = "{\"passage\": \"" + passage + "\", \"verdict\": \"accept\"}";

        // A coordinator of another sector: 403 naming the question's sectors, nothing recorded.
        Members.Member education = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("education"));
        Http.Response refused = education.http().json("POST", reviews, accept);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("field").asString()).isEqualTo("question");
        assertThat(refused.json().get("detail").asString()).contains("coordinate").contains("protection").contains("wash");
        Http.Response refusedStatus = education.http().json("POST", status, "{\"status\": \"closed\"}");
        assertThat(refusedStatus.status()).as(refusedStatus.toString()).isEqualTo(403);
        assertThat(refusedStatus.json().get("detail").asString()).contains("protection").contains("wash");
        JsonNode unchanged = http().get("/api/questions/" + id).json();
        assertThat(unchanged.get("question").get("status").asString()).isEqualTo("open");
        JsonNode review = all(unchanged.get("answers").get("answers")).stream().filter(a -> a.get("passage").asString().equals(passage))
                .findFirst().orElseThrow().get("review");
        assertThat(review == null || review.isNull()).as("nothing refused was recorded: " + review).isTrue();

        // A coordinator of the second sector only: may.
        Members.Member wash = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("wash"));
        Http.Response accepted = wash.http().json("POST", reviews, accept);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        JsonNode top = accepted.json().get("answers").get("answers").get(0);
        assertThat(top.get("passage").asString()).isEqualTo(passage);
        assertThat(top.get("review").get("rank").asString()).isEqualTo("preferred");
        Http.Response closed = wash.http().json("POST", status, "{\"status\": \"closed\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");

        // The admin reviews and reopens any question.
        Http.Response reset = admin().json("POST", reviews, "{\"passage\": \"" + passage + "\", \"verdict\": \"normal\"}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        Http.Response reopened = admin().json("POST", status, "{\"status\": \"open\"}");
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("open");
        // And the refused coordinator still may not.
        assertThat(education.http().json("POST", status, "{\"status\": \"closed\"}").status()).isEqualTo(403);
    }

    @Test
    void aStandingQuestionPicksUpANewDocumentThatAnswersIt() throws Exception {
        String marker = "Qaraoun" + UUID.randomUUID().toString().substring(0, 6);
        String body = """
                {"text": "Why are fishing families around the %s reservoir selling their boats?", "sectors": ["livelihoods"]}"""
                .formatted(marker);
        String id = admin().post("/api/questions", "application/json", json(body)).json().get("id").asString();
        byte[] note = ("# Field note: %s reservoir\n\nFishing families around the %s reservoir are selling their boats "
                + "because pollution of the reservoir killed the fish and the catch no longer pays for fuel.\n")
                .formatted(marker, marker).getBytes(StandardCharsets.UTF_8);
        Http.Response uploaded = admin().upload("/api/documents", marker + ".md", note, Map.of("type", "field-note"));
        assertThat(uploaded.status()).isEqualTo(201);
        standing.awaitIdle();
        JsonNode linked = all(http().get("/api/questions/" + id).json().get("answers").get("answers")).stream()
                .filter(a -> a.get("text").asString().contains(marker)).findFirst().orElseThrow();
        assertThat(linked.get("linkedAt").asString()).isNotBlank();

        // Deleting the document takes what the question says about its passages with it, and it cannot be reviewed any more.
        String documentId = uploaded.json().get("id").asString();
        String sourceGraph = "ASK { GRAPH <http://localhost:8080/graph/question/" + id + "/source/" + documentId + "> { ?s ?p ?o } }";
        assertThat(ask(sourceGraph)).isTrue();
        assertThat(admin().delete("/api/documents/" + documentId).status()).isEqualTo(204);
        assertThat(ask(sourceGraph)).as("the question's statements about the deleted document").isFalse();
        Http.Response review = admin().post("/api/questions/" + id + "/reviews", "application/json",
                json("{\"passage\": \"" + linked.get("passage").asString() + "\", \"verdict\": \"accept\"}"));
        assertThat(review.status()).as(review.toString()).isEqualTo(400);
        assertThat(review.json().get("field").asString()).isEqualTo("passage");
        assertThat(ask(sourceGraph)).isFalse();
    }

    private boolean ask(String query) {
        return admin().get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json").json().get("boolean").asBoolean();
    }
}
