package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;

/**
 * Signing in with the form as a browser does (cookies, CSRF tokens, redirects), over real HTTP:
 * the session, what it may do on the pages and through the API, and signing out.
 */
class LoginTest extends HubTest {

    private BrowserSession browser() {
        return new BrowserSession("http://127.0.0.1:" + port);
    }

    @Test
    void signInShowsTheUserAndSignOutEndsTheSession() {
        Members.Member member = Members.create(http(), admin(), "UNFPA", List.of("contributor"), List.of());
        BrowserSession browser = browser();
        Http.Response loginPage = browser.get("/login");
        assertThat(loginPage.status()).isEqualTo(200);
        assertThat(loginPage.text()).contains("id=\"login-form\"").doesNotContain("/oauth2/authorization/");
        String anonymousSession = browser.sessionId();

        Http.Response signedIn = browser.signIn(member.username(), member.password());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
        assertThat(browser.sessionId()).as("a new session at sign-in (no session fixation)").isNotEqualTo(anonymousSession);

        Http.Response home = browser.get("/");
        assertThat(home.text()).contains("id=\"signed-in\"").contains("Member " + member.username()).contains("UNFPA")
                .contains("id=\"logout\"").doesNotContain("id=\"sign-in\"");
        assertThat(browser.get("/api/me").json().get("name").asString()).as("the session reads through the API").isEqualTo(member.username());
        assertThat(browser.get("/id/document/" + AccessControlTest.CONFIDENTIAL, "Accept", "text/html").status())
                .as("UNFPA's confidential note, on its page").isEqualTo(200);
        assertThat(browser.post("/sparql", "application/sparql-query",
                "ASK { GRAPH <http://localhost:8080/graph/document/" + AccessControlTest.CONFIDENTIAL + "> { ?s ?p ?o } }").text())
                .as("the SPARQL page's query, as the signed-in user").contains("true");

        Http.Response withoutToken = browser.postForm("/logout", Map.of());
        assertThat(withoutToken.status()).as("sign-out without the CSRF token").isEqualTo(403);
        assertThat(withoutToken.json().get("detail").asString()).contains("CSRF");
        assertThat(browser.get("/api/me").json().get("signedIn").asBoolean()).isTrue();

        Http.Response signedOut = browser.postForm("/logout", Map.of("_csrf", BrowserSession.csrfToken(browser.get("/"))));
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location")).endsWith("/login?logout");
        assertThat(browser.get("/api/me").json().get("signedIn").asBoolean()).isFalse();
        assertThat(browser.get("/").text()).contains("id=\"sign-in\"").doesNotContain("id=\"signed-in\"");
        assertThat(browser.get("/id/document/" + AccessControlTest.CONFIDENTIAL, "Accept", "text/html").status()).isEqualTo(404);
    }

    @Test
    void theResearchQuestionFormNeedsAMemberAndAnswersBadInputWithAProblem() {
        BrowserSession anonymous = browser();
        Http.Response refused = anonymous.postForm("/questions", Map.of("_csrf", BrowserSession.csrfToken(anonymous.get("/login")),
                "text", "Why?", "sectors", "shelter"));
        assertThat(refused.status()).as("anonymous: sent to sign in").isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login");

        Members.Member member = Members.create(http(), admin(), "WFP", List.of("contributor"), List.of());
        BrowserSession browser = browser();
        browser.get("/login");
        browser.signIn(member.username(), member.password());
        String csrf = BrowserSession.csrfToken(browser.get("/"));
        Http.Response blank = browser.postForm("/questions", Map.of("_csrf", csrf, "text", " ", "sectors", "shelter"));
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.json().get("field").asString()).isEqualTo("text");
        Http.Response unknownSector = browser.postForm("/questions", Map.of("_csrf", csrf, "text", "Why?", "sectors", "<script>"));
        assertThat(unknownSector.status()).isEqualTo(400);
        assertThat(unknownSector.json().get("field").asString()).isEqualTo("sectors");
        Http.Response asked = browser.postForm("/questions", Map.of("_csrf", csrf,
                "text", "Why are evictions rising in Akkar?", "sectors", "shelter", "areas", "LB7"));
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.header("Location")).contains("/questions/");
    }

    @Test
    void aPageThatNeedsSigningInSendsToTheSignInPageWhichSaysWhyAndLeadsBack() {
        assertThat(browser().get("/login").text()).as("come to by itself").doesNotContain("id=\"sign-in-reason\"");

        BrowserSession browser = browser();
        Http.Response refused = browser.get("/observations/new");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login");
        assertThat(browser.get("/login").text()).contains("id=\"sign-in-reason\"").contains("<code>/observations/new</code>");

        Members.Member member = Members.contributor(http(), admin(), "WFP");
        Http.Response signedIn = browser.signIn(member.username(), member.password());
        assertThat(signedIn.header("Location")).contains("/observations/new");
    }

    @Test
    void formsWithoutTheirCsrfTokenAndWrongPasswordsAreRefused() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        BrowserSession browser = browser();
        browser.get("/login");
        Http.Response noToken = browser.postForm("/login", Map.of("username", member.username(), "password", member.password()));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        assertThat(browser.get("/api/me").json().get("signedIn").asBoolean()).isFalse();

        Http.Response forged = browser.postForm("/login", Map.of("username", member.username(), "password", member.password(),
                "_csrf", "forged-token"));
        assertThat(forged.status()).isEqualTo(403);

        Http.Response wrong = browser.signIn(member.username(), "not the password at all");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error");
        assertThat(browser.get("/login?error").text()).contains("id=\"login-error\"");
        assertThat(browser.get("/api/me").json().get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void aSessionCannotWriteThroughTheApiAndEndsWhenTheAccountIsDisabled() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        BrowserSession browser = browser();
        browser.signIn(member.username(), member.password());
        assertThat(browser.get("/api/me").json().get("signedIn").asBoolean()).isTrue();
        // A cross-site form could ride on the session cookie: through the API, only a token writes.
        assertThat(browser.post("/api/me/tokens", "application/json", "{\"name\": \"csrf\"}").status()).isEqualTo(401);
        assertThat(browser.post("/api/questions", "application/json", "{\"text\": \"Why?\"}").status()).isEqualTo(401);

        admin().json("PATCH", "/api/accounts/" + member.username(), "{\"enabled\": false}");
        assertThat(browser.get("/api/me").json().get("signedIn").asBoolean()).isFalse();
        assertThat(browser.get("/").text()).contains("id=\"sign-in\"");
    }

    @Test
    void pagesKeepTheirSecurityHeadersAndTheSessionCookieIsHttpOnly() {
        BrowserSession browser = browser();
        Http.Response page = browser.get("/login");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("form-action 'self'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Cache-Control")).contains("no-store");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(http().get("/").header("Set-Cookie")).as("anonymous pages start no session").isNull();
    }
}
