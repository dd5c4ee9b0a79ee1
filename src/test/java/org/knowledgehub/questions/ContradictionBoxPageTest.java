package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/**
 * The "Figures that disagree" box of a question page: below the candidate answers, each side with
 * its sentence and its source (document, date, link to the passage), and the flag on the
 * candidates that give one of its figures. The demo food security chapter gives 49% in its key
 * findings and 47% in its body for 2020.
 */
class ContradictionBoxPageTest extends HubTest {

    @Test
    void theBoxIsBelowTheAnswersAndEachSideShowsItsSentenceAndSource() {
        Http.Response created = admin().json("POST", "/api/questions", """
                {"text": "What share of Syrian refugee households were moderately or severely food insecure in 2020?",
                 "sectors": ["food-security"], "period": "2020"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode conflicts = http().get("/api/questions/" + id).json().get("answers").get("conflicts");
        assertThat(conflicts.size()).as(conflicts.toString()).isPositive();

        String page = http().get("/questions/" + id).text();
        int answers = page.indexOf("id=\"candidates\"");
        int box = page.indexOf("id=\"conflicts\"");
        assertThat(answers).isPositive();
        assertThat(box).as("the box comes after the candidate answers").isGreaterThan(answers);
        String boxHtml = page.substring(box);
        for (JsonNode f : conflicts.get(0).get("figures")) {
            assertThat(boxHtml).contains(">" + f.get("value").asString() + "<");
            assertThat(boxHtml).contains(escaped(f.get("quote").asString()));
            assertThat(boxHtml).contains(escaped(f.get("source").get("title").asString()));
        }
        assertThat(boxHtml).contains("class=\"source-passage\"", "class=\"source-date\"");
        // Every candidate flagged gives a figure of the box.
        assertThat(page.substring(0, box)).contains("class=\"conflict-flag\"");
    }

    /** Text as Thymeleaf writes it into the page. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
