package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.BrowserSession;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * The pages of research questions over real HTTP, as a browser sends them (session cookie, CSRF
 * tokens, no redirects followed): who gets the review forms, who may post them, and what the
 * Linked Data IRI of a question answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionPagesTest extends HubTest {

    private static final Pattern PASSAGE = Pattern.compile("data-passage=\"([^\"]+)\"");

    private String id;
    private String firstPassage;

    @BeforeAll
    void askAQuestion() {
        Http.Response created = admin().json("POST", "/api/questions", """
                {"text": "What did the IMWG decide about <b>consent</b> when collecting data from refugees? <script>alert(1)</script>",
                 "sectors": ["protection"], "areas": ["LB1"], "period": "2019", "askedBy": "UNHCR"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        id = created.json().get("id").asString();
        firstPassage = http().get("/api/questions/" + id).json().get("answers").get("answers").get(0).get("passage").asString();
    }

    private BrowserSession browser() {
        return new BrowserSession("http://127.0.0.1:" + port);
    }

    private BrowserSession signedIn(Members.Member member) {
        BrowserSession browser = browser();
        Http.Response signIn = browser.signIn(member.username(), member.password());
        assertThat(signIn.header("Location")).doesNotContain("error");
        return browser;
    }

    private Map<String, String> review(String csrf, String passage, String verdict) {
        return csrf == null ? Map.of("passage", passage, "verdict", verdict)
                : Map.of("_csrf", csrf, "passage", passage, "verdict", verdict);
    }

    private String rankOf(String passage) {
        for (JsonNode a : http().get("/api/questions/" + id).json().get("answers").get("answers")) {
            if (a.get("passage").asString().equals(passage)) {
                return a.get("review") == null || a.get("review").isNull() ? null : a.get("review").get("rank").asString();
            }
        }
        throw new AssertionError(passage + " is no longer a candidate");
    }

    @Test
    void anyoneReadsTheListAndThePageButOnlyMembersGetTheAskFormAndNobodyButReviewersTheReviewForms() {
        BrowserSession anonymous = browser();
        Http.Response list = anonymous.get("/questions?sector=protection&status=open");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("text/html");
        assertThat(list.text()).contains("href=\"/questions/" + id + "\"").contains("id=\"nav-questions\"")
                .contains("id=\"ask-sign-in\"").doesNotContain("id=\"ask-form\"")
                // Escaped, never markup.
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(anonymous.get("/questions?sector=wash").text()).doesNotContain("/questions/" + id + "\"");

        Http.Response page = anonymous.get("/questions/" + id);
        assertThat(page.status()).isEqualTo(200);
        String html = page.text();
        assertThat(html).contains("&lt;b&gt;consent&lt;/b&gt;").doesNotContain("<script>alert(1)")
                .contains("class=\"candidate").contains("<mark class=\"answer\">").contains("class=\"prov-document\"")
                .contains("class=\"prov-ingestion\"").contains("data-passage=\"" + firstPassage + "\"")
                .doesNotContain("review-form").doesNotContain("id=\"status-form\"");

        Members.Member contributor = Members.create(http(), admin(), "WFP", List.of("contributor"), List.of());
        BrowserSession member = signedIn(contributor);
        assertThat(member.get("/questions").text()).contains("id=\"ask-form\"").contains("name=\"_csrf\"");
        assertThat(member.get("/questions/" + id).text()).contains("class=\"candidate").doesNotContain("review-form")
                .doesNotContain("id=\"status-form\"");

        Members.Member coordinator = Members.create(http(), admin(), "UNHCR", List.of("coordinator"), List.of("protection"));
        String reviewerPage = signedIn(coordinator).get("/questions/" + id).text();
        assertThat(reviewerPage).contains("class=\"review-form\"").contains("id=\"status-form\"")
                .contains("action=\"/questions/" + id + "/reviews\"").contains("name=\"_csrf\"");
        Matcher passages = PASSAGE.matcher(reviewerPage);
        int candidates = 0;
        while (passages.find()) {
            candidates++;
        }
        assertThat(reviewerPage.split("class=\"review-form\"", -1).length - 1).as("one review form per candidate").isEqualTo(candidates);
    }

    @Test
    void reviewFormsNeedACoordinatorOrAdminAndTheirCsrfToken() {
        String reviews = "/questions/" + id + "/reviews";
        String status = "/questions/" + id + "/status";

        // Anonymous, with a valid token of its own session: sent to sign in, nothing recorded.
        BrowserSession anonymous = browser();
        String anonymousToken = BrowserSession.csrfToken(anonymous.get("/login"));
        Http.Response refused = anonymous.postForm(reviews, review(anonymousToken, firstPassage, "reject"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login");

        // A member of another organisation without the coordinator role forges the form: 403.
        BrowserSession contributor = signedIn(Members.create(http(), admin(), "IOM", List.of("contributor"), List.of()));
        String token = BrowserSession.csrfToken(contributor.get("/questions/" + id));
        Http.Response forged = contributor.postForm(reviews, review(token, firstPassage, "reject"));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.json().get("detail").asString()).contains("role");
        assertThat(contributor.postForm(status, Map.of("_csrf", token, "status", "closed")).status()).isEqualTo(403);
        Members.Member analyst = Members.create(http(), admin(), "IOM", List.of("analyst"), List.of());
        BrowserSession analystSession = signedIn(analyst);
        assertThat(analystSession.postForm(status, Map.of("_csrf", BrowserSession.csrfToken(analystSession.get("/questions")),
                "status", "closed")).status()).isEqualTo(403);

        // A coordinator without the token (a cross-site form riding on the cookie): refused.
        BrowserSession coordinator = signedIn(Members.create(http(), admin(), "UNHCR", List.of("coordinator"), List.of("protection")));
        Http.Response noToken = coordinator.postForm(reviews, review(null, firstPassage, "reject"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().get("detail").asString()).contains("CSRF");
        assertThat(coordinator.postForm(reviews, review("forged-token", firstPassage, "reject")).status()).isEqualTo(403);
        assertThat(coordinator.postForm(status, Map.of("status", "closed")).status()).isEqualTo(403);
        // Nor does an API token make a page form write without the session's CSRF token.
        Members.Member withToken = Members.create(http(), admin(), "UNHCR", List.of("coordinator"), List.of("protection"));
        assertThat(withToken.http().postForm(reviews, review(null, firstPassage, "reject")).status()).isEqualTo(403);
        assertThat(rankOf(firstPassage)).as("nothing refused was recorded").isNull();
        assertThat(http().get("/api/questions/" + id).json().get("question").get("status").asString()).isEqualTo("open");

        // With it: reviewed and back to the page, which shows the review.
        String csrf = BrowserSession.csrfToken(coordinator.get("/questions/" + id));
        Http.Response rejected = coordinator.postForm(reviews, review(csrf, firstPassage, "reject"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(302);
        assertThat(rejected.header("Location")).endsWith("/questions/" + id);
        assertThat(rankOf(firstPassage)).isEqualTo("deprecated");
        assertThat(coordinator.get("/questions/" + id).text())
                .containsPattern("data-passage=\"" + Pattern.quote(firstPassage) + "\" data-rank=\"deprecated\"");
        Http.Response reset = coordinator.postForm(reviews, review(csrf, firstPassage, "normal"));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(rankOf(firstPassage)).isEqualTo("normal");

        // Bad input is a problem naming the field, as on the API.
        Http.Response badVerdict = coordinator.postForm(reviews, review(csrf, firstPassage, "maybe"));
        assertThat(badVerdict.status()).isEqualTo(400);
        assertThat(badVerdict.json().get("field").asString()).isEqualTo("verdict");
        assertThat(coordinator.postForm(status, Map.of("_csrf", csrf, "status", "done")).json().get("field").asString())
                .isEqualTo("status");
    }

    @Test
    void thePageSaysHowTheQuestionWasUnderstoodAndItsAskerCorrectsIt() {
        Members.Member asker = Members.create(http(), admin(), "IOM", List.of("contributor"), List.of());
        Http.Response created = asker.http().json("POST", "/api/questions", """
                {"text": "Why did rents rise in the North in 2021?", "sectors": ["shelter"]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String mine = created.json().get("id").asString();

        // Everyone sees what the hub understood; only the asker (and reviewers) get the form that corrects it.
        String anonymousPage = browser().get("/questions/" + mine).text();
        assertThat(anonymousPage).contains("id=\"understood-as\"").contains("a why-question").contains("year 2021")
                .contains("data-constraint=\"area:LB5\"").doesNotContain("id=\"understanding-form\"");
        BrowserSession other = signedIn(Members.create(http(), admin(), "WFP", List.of("contributor"), List.of()));
        assertThat(other.get("/questions/" + mine).text()).doesNotContain("id=\"understanding-form\"");
        String token = BrowserSession.csrfToken(other.get("/questions"));
        assertThat(other.postForm("/questions/" + mine + "/understanding", Map.of("_csrf", token, "kind", "fact")).status())
                .isEqualTo(403);

        BrowserSession session = signedIn(asker);
        String page = session.get("/questions/" + mine).text();
        assertThat(page).contains("id=\"understanding-form\"").contains("value=\"area:LB5\"");
        String csrf = BrowserSession.csrfToken(session.get("/questions/" + mine));
        Http.Response corrected = session.postForm("/questions/" + mine + "/understanding",
                Map.of("_csrf", csrf, "kind", "trend", "period", "2020/2021", "ignore", "area:LB5"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(302);
        String after = session.get("/questions/" + mine).text();
        assertThat(after).contains("a trend").contains("id=\"ignored\"").doesNotContain("data-constraint=\"area:LB5\"");
        JsonNode question = http().get("/api/questions/" + mine).json().get("question");
        assertThat(question.get("kind").asString()).isEqualTo("trend");
        assertThat(question.get("period").asString()).isEqualTo("2020/2021");

        // The page says it in the reader's interface language, whatever the question's.
        String arabic = browser().get("/questions/" + mine + "?lang=ar").text();
        assertThat(arabic).contains("تطوّر; السنة 2021, 2020; القطاع المأوى").contains("السنة: 2020").doesNotContain("a trend");
        assertThat(browser().get("/questions/" + mine + "?lang=fr").text()).contains("une évolution; année 2021, 2020; secteur ")
                .contains("année: 2020");
    }

    @Test
    void theReviewFormsAreForCoordinatorsOfOneOfTheQuestionsSectorsAndAdmins() {
        // Another sector's coordinator: no forms on the page, and forging them (with a valid token) is a 403 naming the sectors.
        BrowserSession education = signedIn(Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("education")));
        Http.Response page = education.get("/questions/" + id);
        assertThat(page.text()).contains("class=\"candidate").doesNotContain("review-form").doesNotContain("id=\"status-form\"");
        String token = BrowserSession.csrfToken(education.get("/questions"));
        Http.Response forged = education.postForm("/questions/" + id + "/reviews", review(token, firstPassage, "accept"));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.json().get("detail").asString()).contains("coordinate").contains("protection");
        assertThat(education.postForm("/questions/" + id + "/status", Map.of("_csrf", token, "status", "closed")).status())
                .isEqualTo(403);
        assertThat(rankOf(firstPassage)).as("nothing refused was recorded").isNotEqualTo("preferred");
        assertThat(http().get("/api/questions/" + id).json().get("question").get("status").asString()).isEqualTo("open");

        // An inter-sector question (protection and WASH): the WASH coordinator gets the forms, and they work.
        Http.Response created = admin().json("POST", "/api/questions", """
                {"text": "What did the IMWG decide about consent when collecting data from refugees at water points?",
                 "sectors": ["protection", "wash"], "areas": ["LB1"]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String interSector = created.json().get("id").asString();
        assertThat(education.get("/questions/" + interSector).text()).doesNotContain("review-form").doesNotContain("id=\"status-form\"");
        BrowserSession wash = signedIn(Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("wash")));
        Http.Response washPage = wash.get("/questions/" + interSector);
        assertThat(washPage.text()).contains("class=\"review-form\"").contains("id=\"status-form\"");
        assertThat(wash.get("/questions/" + id).text()).as("the protection-only question").doesNotContain("review-form");
        String csrf = BrowserSession.csrfToken(washPage);
        Http.Response closed = wash.postForm("/questions/" + interSector + "/status", Map.of("_csrf", csrf, "status", "closed"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(302);
        assertThat(http().get("/api/questions/" + interSector).json().get("question").get("status").asString()).isEqualTo("closed");

        // An admin account gets the forms on every question.
        BrowserSession adminSession = signedIn(Members.create(http(), admin(), null, List.of("admin"), List.of()));
        assertThat(adminSession.get("/questions/" + id).text()).contains("class=\"review-form\"").contains("id=\"status-form\"");
        Http.Response reopened = adminSession.postForm("/questions/" + interSector + "/status",
                Map.of("_csrf", BrowserSession.csrfToken(adminSession.get("/questions/" + interSector)), "status", "open"));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(302);
        assertThat(http().get("/api/questions/" + interSector).json().get("question").get("status").asString()).isEqualTo("open");
    }

    @Test
    void unknownQuestionsAre404OnEveryPage() {
        assertThat(http().get("/questions/nosuchquestion").status()).isEqualTo(404);
        assertThat(http().get("/questions/nosuchquestion").text()).contains("does not exist");
        BrowserSession coordinator = signedIn(Members.create(http(), admin(), "UNHCR", List.of("coordinator"), List.of("protection")));
        String csrf = BrowserSession.csrfToken(coordinator.get("/questions"));
        assertThat(coordinator.postForm("/questions/nosuchquestion/reviews", review(csrf, firstPassage, "accept")).status())
                .isEqualTo(404);
        assertThat(coordinator.postForm("/questions/nosuchquestion/status", Map.of("_csrf", csrf, "status", "closed")).status())
                .isEqualTo(404);
    }

    @Test
    void browsersAreSentFromTheQuestionsIriToItsPageAndRdfClientsStillGetRdf() {
        String path = "/id/question/" + id;
        Http.Response html = browser().get(path, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(html.status()).isEqualTo(303);
        assertThat(html.header("Location")).isEqualTo("/questions/" + id);
        Http.Response turtle = http().get(path, "Accept", "text/turtle");
        assertThat(turtle.status()).isEqualTo(200);
        assertThat(turtle.contentType()).startsWith("text/turtle");
        assertThat(turtle.text()).contains("ResearchQuestion");
        Http.Response jsonLd = http().get(path, "Accept", "application/ld+json");
        assertThat(jsonLd.status()).isEqualTo(200);
        assertThat(jsonLd.contentType()).startsWith("application/ld+json");
        assertThat(http().get(path).contentType()).as("no Accept: Turtle").startsWith("text/turtle");
        assertThat(http().get("/id/question/nosuchquestion", "Accept", "text/turtle").status()).isEqualTo(404);
    }
}
