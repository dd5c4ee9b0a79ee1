package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;

/**
 * Password sign-in is paused after five failures of one name (the defaults): on the API a 429
 * problem with Retry-After, on the sign-in page a message; the right password does not get through
 * meanwhile, a success clears the count, and an admin lifts the pause. Each test uses accounts of
 * its own, so the rest of the suite signs in as usual. The window and the pause's end are tested on
 * the component with a clock of the test's own, without waiting.
 */
class SignInThrottleTest extends HubTest {

    private static final int MAX_FAILURES = 5;

    private Http.Response me(String username, String password) {
        return http().withBasic(username, password).get("/api/me");
    }

    private void failTimes(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(me(username, "not the password " + i).status()).isEqualTo(401);
        }
    }

    private static void assertPaused(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).endsWith("/too-many-requests");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, Duration.ofMinutes(15).toSeconds());
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedUntilAnAdminLiftsThePause() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        failTimes(member.username(), MAX_FAILURES);
        Http.Response paused = me(member.username(), member.password());
        assertPaused(paused);
        assertThat(member.http().get("/api/me").json().get("name").asString())
                .as("the member's API token is not a password: it keeps working").isEqualTo(member.username());

        Members.Member other = Members.contributor(http(), admin(), "WFP");
        assertPaused(member.basic().get("/api/me"));
        assertProblem(other.http().json("POST", "/api/accounts/" + member.username() + "/unlock", "{}"), 403);
        assertProblem(http().json("POST", "/api/accounts/" + member.username() + "/unlock", "{}"), 401);
        assertProblem(admin().json("POST", "/api/accounts/no-such-account-" + other.username() + "/unlock", "{}"), 404);
        assertThat(admin().json("POST", "/api/accounts/" + member.username() + "/unlock", "{}").status()).isEqualTo(204);
        assertThat(me(member.username(), member.password()).json().get("name").asString()).isEqualTo(member.username());
        assertThat(admin().get("/api/audit?action=account.unlock&limit=1").json().get(0).get("target").asString())
                .isEqualTo(member.username());
        assertThat(admin().get("/api/audit?actor=" + member.username() + "&action=sign-in&limit=3").json())
                .extracting(e -> e.get("outcome").asString()).containsExactly("success", "throttled", "throttled");
    }

    @Test
    void aSuccessClearsTheCount() {
        Members.Member member = Members.contributor(http(), admin(), "UNICEF");
        failTimes(member.username(), MAX_FAILURES - 1);
        assertThat(me(member.username(), member.password()).status()).isEqualTo(200);
        failTimes(member.username(), MAX_FAILURES - 1);
        assertThat(me(member.username(), member.password()).status()).isEqualTo(200);
        failTimes(member.username(), MAX_FAILURES);
        assertPaused(me(member.username(), member.password()));
    }

    @Test
    void aNameWithoutAnAccountIsPausedTheSameWay() {
        String nobody = Members.unique("nobody");
        failTimes(nobody, MAX_FAILURES);
        Http.Response unknown = me(nobody, "anything at all");
        Members.Member member = Members.contributor(http(), admin(), "NRC");
        failTimes(member.username(), MAX_FAILURES);
        Http.Response known = me(member.username(), "anything at all");
        assertPaused(unknown);
        assertPaused(known);
        assertThat(unknown.json().get("detail").asString()).isEqualTo(known.json().get("detail").asString());
    }

    @Test
    void anAdminsNewPasswordLiftsThePause() {
        Members.Member member = Members.contributor(http(), admin(), "NRC");
        failTimes(member.username(), MAX_FAILURES);
        assertPaused(me(member.username(), member.password()));
        String fresh = "a fresh password " + Members.unique("pw");
        assertThat(admin().json("PATCH", "/api/accounts/" + member.username(), Members.json(java.util.Map.of("password", fresh)))
                .status()).isEqualTo(200);
        assertThat(me(member.username(), fresh).status()).isEqualTo(200);
    }

    @Test
    void theSignInPageSaysSignInIsPaused() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        BrowserSession browser = new BrowserSession("http://127.0.0.1:" + port);
        for (int i = 0; i < MAX_FAILURES; i++) {
            Http.Response wrong = browser.signIn(member.username(), "not the password " + i);
            assertThat(wrong.header("Location")).endsWith("/login?error");
        }
        Http.Response paused = browser.signIn(member.username(), member.password());
        assertThat(paused.status()).isEqualTo(302);
        assertThat(paused.header("Location")).endsWith("/login?paused");
        assertThat(browser.get("/login?paused").text()).contains("id=\"login-paused\"").contains("15</span> minutes")
                .doesNotContain("id=\"login-error\"");
        assertThat(browser.get("/api/me").json().get("signedIn").asBoolean()).isFalse();
        assertThat(admin().get("/api/audit?actor=" + member.username() + "&action=sign-in&limit=1").json().get(0).get("channel")
                .asString()).isEqualTo("form");
    }

    /** The component alone, with a clock the test moves. */
    @Test
    void failuresAgeOutOfTheWindowAndThePauseEnds() {
        TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
        SignInThrottle throttle = new SignInThrottle(
                new AccountProperties.SignIn(3, Duration.ofMinutes(10), Duration.ofMinutes(15), 0), clock, null);
        throttle.failed("rana", "10.0.0.1");
        throttle.failed("rana", "10.0.0.1");
        clock.advance(Duration.ofMinutes(11));
        throttle.failed("rana", "10.0.0.1");
        throttle.failed("rana", "10.0.0.1");
        assertThatCode(() -> throttle.check("rana", "10.0.0.1")).as("the first two failures aged out").doesNotThrowAnyException();
        throttle.failed("rana", "10.0.0.1");
        assertThatThrownBy(() -> throttle.check("rana", "10.0.0.2")).isInstanceOf(SignInThrottle.Paused.class)
                .satisfies(e -> assertThat(((SignInThrottle.Paused) e).retryAfterSeconds()).isEqualTo(15 * 60));
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> throttle.check("rana", null)).isInstanceOf(SignInThrottle.Paused.class)
                .satisfies(e -> assertThat(((SignInThrottle.Paused) e).retryAfterSeconds()).isEqualTo(60));
        clock.advance(Duration.ofMinutes(1));
        assertThatCode(() -> throttle.check("rana", null)).doesNotThrowAnyException();
        throttle.failed("rana", null);
        assertThatCode(() -> throttle.check("rana", null)).as("after the pause, counting starts again").doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("omar", "10.0.0.1")).as("addresses are not counted by default").doesNotThrowAnyException();
    }

    @Test
    void anAddressIsPausedForEveryNameWhenConfigured() {
        TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
        SignInThrottle throttle = new SignInThrottle(
                new AccountProperties.SignIn(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 4), clock, null);
        for (String name : List.of("a", "b", "c")) {
            throttle.failed(name, "10.0.0.9");
        }
        throttle.succeeded("d");
        throttle.failed("e", "10.0.0.9");
        assertThatThrownBy(() -> throttle.check("f", "10.0.0.9")).as("a success does not clear the address's count")
                .isInstanceOf(SignInThrottle.Paused.class);
        assertThatCode(() -> throttle.check("f", "10.0.0.10")).doesNotThrowAnyException();
        throttle.release("f");
        assertThatThrownBy(() -> throttle.check("a", "10.0.0.9")).isInstanceOf(SignInThrottle.Paused.class);
    }

    private static void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
