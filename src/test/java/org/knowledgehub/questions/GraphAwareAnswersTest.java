package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * Answers that use the graph, over the demo corpus: what the hub understood of a question (kind
 * and constraints) comes with every answer; candidates that contradict an explicit constraint go
 * below those that meet it, and when nothing meets it the answer says so; meeting facts come from
 * the minutes' record with the line they were read from; indicator values from the Data Cube with
 * their table; why-questions are answered by the sentence that gives the cause.
 */
class GraphAwareAnswersTest extends HubTest {

    private JsonNode ask(String question, String... params) {
        StringBuilder url = new StringBuilder("/api/ask?q=" + Http.enc(question));
        for (String p : params) {
            url.append('&').append(p);
        }
        Http.Response r = http().get(url.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> constraints(JsonNode answers) {
        List<String> out = new ArrayList<>();
        answers.get("understanding").get("constraints").forEach(c -> out.add(c.get("type").asString() + ":" + c.get("value").asString()));
        return out;
    }

    @Test
    void theQuestionAsUnderstoodComesWithTheAnswer() {
        JsonNode r = ask("Why did households below the SMEB rise in the Bekaa between 2019 and 2020?");
        JsonNode u = r.get("understanding");
        assertThat(u.get("kind").asString()).isEqualTo("WHY");
        assertThat(constraints(r)).contains("year:2019", "year:2020", "area:LB2", "indicator:below-smeb");
        assertThat(u.get("summary").asString()).startsWith("a why-question").contains("Bekaa (LB2)").contains("2019, 2020");
        // Every candidate says which constraints it meets.
        JsonNode first = r.get("answers").get(0);
        assertThat(first.get("why").get("constraints").findValuesAsString("verdict")).contains("met");

        assertThat(ask("How has the share of households below the SMEB changed since 2019?").get("understanding").get("kind")
                .asString()).isEqualTo("TREND");
        assertThat(ask("Which agencies attended the IMWG meeting of 13 June 2019?").get("understanding").get("kind").asString())
                .isEqualTo("WHO");
        assertThat(ask("When did the WASH sector meet in Zahle?").get("understanding").get("kind").asString()).isEqualTo("WHEN");
        // The asker can say what kind of answer they want.
        assertThat(ask("Rent in Akkar", "kind=trend").get("understanding").get("kind").asString()).isEqualTo("TREND");
        Http.Response bad = http().get("/api/ask?q=" + Http.enc("Rent in Akkar") + "&kind=poem");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("kind");
    }

    @Test
    void aWhyQuestionIsAnsweredByTheSentenceThatGivesTheCause() {
        JsonNode r = ask("Why did households below the SMEB rise in the Bekaa between 2019 and 2020?");
        assertThat(r.get("confident").asBoolean()).as(r.toString()).isTrue();
        JsonNode first = r.get("answers").get(0);
        assertThat(first.get("quote").get("text").asString()).containsIgnoringCase("explained by")
                .containsIgnoringCase("currency depreciation");
        assertThat(first.get("provenance").get("document").get("type").asString()).isEqualTo("minutes");
    }

    @Test
    void theQuoteIsTheSentenceOnWhatWasAskedNotOneOnTheGroupAndYearItNames() {
        String marker = "Qz" + Long.toString(System.nanoTime(), 36);
        String note = "# Diet diversity in Hermel, 2025 (" + marker + ")\n\n"
                + "Similar to 2024, around half of Syrian refugee households in Hermel were food insecure in 2025 "
                + "(47% moderately food insecure, 4% severely food insecure). More than 80% of the food insecure households "
                + "in Hermel were living below the SMEB. Syrian refugee households in Hermel continued to eat a narrower range "
                + "of food. There was a sharp drop in zinc consumption, with 64% of households never consuming zinc, up by "
                + "11 percentage points compared to 2024.\n";
        Http.Response uploaded = admin().upload("/api/documents", "diet-" + marker + ".md", note.getBytes(StandardCharsets.UTF_8),
                Map.of("type", "field-note"));
        assertThat(uploaded.status()).as(uploaded.toString()).isIn(200, 201);
        String id = uploaded.json().get("id").asString();
        try {
            JsonNode r = ask("What share of Syrian refugee households in Hermel never ate any zinc-rich food in 2025?");
            JsonNode first = r.get("answers").get(0);
            assertThat(first.get("provenance").get("document").get("id").asString()).isEqualTo(id);
            assertThat(first.get("quote").get("text").asString()).as(first.get("text").asString()).contains("64% of households never consuming zinc");
        } finally {
            assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void meetingQuestionsInFrenchAndArabicAreAnsweredFromTheMinutesRecord() {
        JsonNode french = ask("Qui a présidé la réunion de l'IMWG du 13 juin 2019 ?");
        assertThat(constraints(french)).contains("document-type:minutes", "meeting:2019-06-13");
        JsonNode first = french.get("answers").get(0);
        assertThat(first.get("origin").asString()).isEqualTo("meeting");
        assertThat(first.get("text").asString()).contains("Karim Nassar");

        JsonNode arabic = ask("من ترأس اجتماع فريق العمل في ١٣ حزيران ٢٠١٩؟");
        assertThat(constraints(arabic)).contains("document-type:minutes", "meeting:2019-06-13");
        assertThat(arabic.get("answers").get(0).get("text").asString()).contains("Karim Nassar");

        JsonNode trend = ask("Comment la part des ménages sous le SMEB a-t-elle évolué depuis 2019 ?");
        assertThat(trend.get("understanding").get("kind").asString()).isEqualTo("TREND");
    }

    @Test
    void theUnderstandingIsSummarisedInTheQuestionsLanguage() {
        assertThat(summary(ask("Who chaired the IMWG meeting of 13 June 2019?")))
                .contains("document type minutes").contains("meeting 13 June 2019");
        assertThat(summary(ask("Qui a présidé la réunion de l'IMWG du 13 juin 2019 ?")))
                .contains("type de document comptes rendus").contains("réunion 13 juin 2019");
        // Months as Lebanon names them in Arabic; the place by its Arabic label.
        assertThat(summary(ask("من ترأس اجتماع فريق العمل في ١٣ حزيران ٢٠١٩؟")))
                .contains("نوع الوثيقة محاضر الاجتماعات").contains("الاجتماع 13 حزيران 2019");
        assertThat(summary(ask("لماذا ارتفعت الإيجارات في عكار؟"))).startsWith("سؤال «لماذا»").contains("المنطقة عكار (LB7)");
        assertThat(summary(ask("Pourquoi les loyers ont-ils augmenté au Akkar en 2022 ?")))
                .startsWith("une question « pourquoi »").contains("année 2022").contains("zone Akkar (LB7)");
    }

    private static String summary(JsonNode answers) {
        return answers.get("understanding").get("summary").asString();
    }

    @Test
    void meetingFactsComeFromTheMinutesRecordWithTheLineTheyWereReadFrom() {
        JsonNode r = ask("Who chaired the IMWG meeting of 13 June 2019?");
        assertThat(constraints(r)).contains("document-type:minutes", "meeting:2019-06-13");
        assertThat(r.get("confident").asBoolean()).isTrue();
        JsonNode first = r.get("answers").get(0);
        assertThat(first.get("origin").asString()).isEqualTo("meeting");
        assertThat(first.get("text").asString()).contains("chaired by Karim Nassar (UNHCR)");
        assertThat(first.get("quote").get("text").asString()).contains("Chair persons").contains("Karim Nassar");
        JsonNode provenance = first.get("provenance");
        assertThat(provenance.get("document").get("title").asString()).contains("13 June 2019");
        assertThat(provenance.get("section")).isNotNull();
        // The quote's offsets select its text in the minutes' extracted text.
        String id = provenance.get("document").get("id").asString();
        String text = http().get("/api/documents/" + id + "/text").text();
        JsonNode quote = first.get("quote");
        assertThat(text.substring(quote.get("start").asInt(), quote.get("end").asInt())).isEqualTo(quote.get("text").asString());

        JsonNode agencies = ask("Which agencies were represented at the IMWG meeting in June 2019?").get("answers").get(0);
        assertThat(agencies.get("origin").asString()).isEqualTo("meeting");
        assertThat(agencies.get("text").asString()).contains("Save the Children").contains("World Vision");

        JsonNode actions = ask("What action points were agreed at the IMWG meeting of 13 June 2019 on the VASyR?").get("answers").get(0);
        assertThat(actions.get("origin").asString()).isEqualTo("meeting");
        assertThat(actions.get("text").asString()).contains("preliminary VASyR 2019 results");
    }

    @Test
    void aMeetingThatDidNotTakePlaceIsNotAnsweredFromOneThatDid() {
        JsonNode r = ask("Who chaired the IMWG meeting of 7 March 2019?");
        assertThat(r.get("confident").asBoolean()).isFalse();
        assertThat(r.get("reason").asString()).isEqualTo("the hub holds no minutes of a meeting on 7 March 2019");
        assertThat(r.get("answers").findValuesAsString("origin")).doesNotContain("meeting");

        JsonNode elsewhere = ask("Who chaired the IMWG meeting held in Tripoli in June 2019?");
        assertThat(elsewhere.get("confident").asBoolean()).isFalse();
        assertThat(elsewhere.get("reason").asString()).contains("Tripoli");
    }

    @Test
    void candidatesOfAnotherYearGoBelowThoseOfTheYearAsked() {
        JsonNode r = ask("What share of Syrian refugee households were below the SMEB in 2020?");
        JsonNode answers = r.get("answers");
        boolean contradictedSeen = false;
        for (JsonNode a : answers) {
            boolean contradicts = a.get("why").get("constraints").findValuesAsString("verdict").contains("contradicted");
            assertThat(!contradicts && contradictedSeen).as("a candidate that meets the constraints after one that does not: "
                    + answers).isFalse();
            contradictedSeen |= contradicts;
        }
        assertThat(answers.get(0).get("why").get("constraints").toString()).doesNotContain("contradicted");
    }

    @Test
    void anIndicatorQuestionIsAnsweredFromTheDataCubeWithItsTable() {
        JsonNode r = ask("What share of Syrian refugee households in the Bekaa were below the SMEB in 2020?");
        JsonNode data = null;
        for (JsonNode a : r.get("answers")) {
            if (a.get("origin").asString().equals("data-cube")) {
                data = a;
            }
        }
        assertThat(data).as(r.toString()).isNotNull();
        assertThat(data.get("text").asString()).contains("Bekaa").contains("2020 96%");
        assertThat(data.get("provenance").get("document").get("type").asString()).isEqualTo("indicator-table");
        assertThat(data.get("provenance").get("graph").asString()).contains("/graph/");
        assertThat(data.get("passage").asString()).contains("/id/");
        // The report's sentence stays first, the table's value beside it.
        assertThat(r.get("answers").get(0).get("origin").asString()).isEqualTo("passage");
    }

    @Test
    void aQuestionAboutAnotherPopulationGroupIsNotAnsweredWithFiguresAboutSyrianRefugees() {
        JsonNode r = ask("What share of Palestine refugees from Syria were below the SMEB in 2020?");
        assertThat(constraints(r)).contains("population:palestine-refugees-from-syria");
        assertThat(r.get("confident").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.get("reason").asString()).contains("population");
    }

    @Test
    void questionsThatCannotBeAnsweredAsPutSayWhy() {
        JsonNode stopWords = ask("What is the of and in?");
        assertThat(stopWords.get("confident").asBoolean()).isFalse();
        assertThat(stopWords.get("reason").asString()).contains("no words to search for");

        JsonNode place = ask("Akkar?");
        assertThat(place.get("confident").asBoolean()).isFalse();
        assertThat(place.get("reason").asString()).contains("only names").contains("Akkar");

        JsonNode unread = ask("难民的粮食安全状况如何？");
        assertThat(unread.get("confident").asBoolean()).isFalse();
        assertThat(unread.get("reason").asString()).contains("not in a language the hub reads");

        Http.Response tooLong = http().get("/api/ask?q=" + Http.enc("Why did rents rise in Akkar? ".repeat(70)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asString()).isEqualTo("q");
    }

    @Test
    void theAskerCorrectsHowAStoredQuestionIsUnderstood() {
        String body = """
                {"text": "What did partners report about rent in the North in 2021?", "sectors": ["shelter"]}""";
        Http.Response created = admin().json("POST", "/api/questions", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode before = http().get("/api/questions/" + id).json().get("answers").get("understanding");
        assertThat(before.get("kind").asString()).isEqualTo("FACT");
        assertThat(before.toString()).contains("\"area\"").contains("\"2021\"");

        // Anonymous callers and members who neither asked nor review it may not correct it.
        assertThat(http().json("PATCH", "/api/questions/" + id, "{\"kind\": \"why\"}").status()).isIn(401, 403);

        Http.Response corrected = admin().json("PATCH", "/api/questions/" + id,
                "{\"kind\": \"trend\", \"ignore\": [\"year:2021\"], \"period\": \"2020/2022\"}");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode after = corrected.json();
        assertThat(after.get("question").get("kind").asString()).isEqualTo("trend");
        assertThat(after.get("question").get("ignored").toString()).contains("year:2021");
        JsonNode u = after.get("answers").get("understanding");
        assertThat(u.get("kind").asString()).isEqualTo("TREND");
        List<String> kept = constraints(after.get("answers"));
        assertThat(kept).contains("year:2020", "year:2022");
        // The asker's period keeps 2021 as one of its years; what was struck out is the year read from the text.
        assertThat(u.get("constraints").toString()).contains("\"given\":true");

        Http.Response badIgnore = admin().json("PATCH", "/api/questions/" + id, "{\"ignore\": [\"colour:blue\"]}");
        assertThat(badIgnore.status()).isEqualTo(400);
        assertThat(badIgnore.json().get("field").asString()).isEqualTo("ignore");
        Http.Response badKind = admin().json("PATCH", "/api/questions/" + id, "{\"kind\": \"poem\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("field").asString()).isEqualTo("kind");
        assertThat(admin().json("PATCH", "/api/questions/nope", "{\"kind\": \"why\"}").status()).isEqualTo(404);
    }
}
