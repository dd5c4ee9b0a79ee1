package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.knowledgehub.security.Members.json;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.Http;
import org.knowledgehub.HubProperties;
import org.knowledgehub.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** API tokens: created by an account, shown once, kept hashed, acting as the account until revoked or expired. */
class ApiTokenTest extends HubTest {

    @Autowired
    AccountStore accounts;
    @Autowired
    JsonMapper jsonMapper;

    @TempDir
    Path data;

    @Test
    void aTokenActsAsItsAccountUntilRevoked() throws IOException {
        Members.Member member = Members.contributor(http(), admin(), "NRC");
        Http.Response created = member.basic().json("POST", "/api/me/tokens", json(Map.of("name", "nightly import")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode token = created.json();
        String secret = token.get("token").asString();
        String id = token.get("id").asString();
        assertThat(secret).startsWith("kh_").hasSizeGreaterThan(40);
        assertThat(created.header("Location")).isEqualTo("/api/me/tokens/" + id);

        Http script = http().withBearer(secret);
        JsonNode me = script.get("/api/me").json();
        assertThat(me.get("name").asString()).isEqualTo(member.username());
        assertThat(me.get("roles").toString()).isEqualTo("[\"contributor\"]");
        assertThat(me.get("organisation").asString()).endsWith("/id/organisation/nrc");

        Http.Response listed = script.get("/api/me/tokens");
        assertThat(listed.json().findValuesAsString("name")).contains("nightly import", "test");
        assertThat(listed.text()).doesNotContain(secret).doesNotContain("sha256").doesNotContain("\"token\"");
        assertThat(accountsAsKept()).doesNotContain(secret);

        Members.Member other = Members.contributor(http(), admin(), "NRC");
        assertThat(other.http().delete("/api/me/tokens/" + id).status()).as("someone else's token").isEqualTo(404);
        assertThat(script.get("/api/me").status()).isEqualTo(200);

        assertThat(member.http().delete("/api/me/tokens/" + id).status()).isEqualTo(204);
        Http.Response revoked = script.get("/api/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).contains("not valid");
        assertThat(script.get("/api/documents").status()).as("a bad token is refused, not taken as anonymous").isEqualTo(401);
        assertThat(member.http().delete("/api/me/tokens/" + id).status()).isEqualTo(404);
        assertThat(member.http().get("/api/me").status()).as("the account's other token lives on").isEqualTo(200);
    }

    @Test
    void tokensNeedAnAccountAndAName() {
        assertThat(http().json("POST", "/api/me/tokens", json(Map.of("name", "x"))).status()).isEqualTo(401);
        assertThat(http().get("/api/me/tokens").status()).isEqualTo(401);
        Http.Response forAdminToken = admin().json("POST", "/api/me/tokens", json(Map.of("name", "x")));
        assertThat(forAdminToken.status()).as("the configured admin token has no account").isEqualTo(403);
        Members.Member member = Members.contributor(http(), admin(), "NRC");
        Http.Response unnamed = member.http().json("POST", "/api/me/tokens", "{}");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("field").asString()).isEqualTo("name");
    }

    @Test
    void theConfiguredAdminTokenStillWorks() {
        assertThat(admin().get("/api/me").json().get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(admin().get("/api/accounts").status()).isEqualTo(200);
        assertThat(http().withBearer("kh_not-a-token").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aTokenKeepsItsLastUseAndIsRefusedOnceExpired() throws IOException {
        Members.Member member = Members.contributor(http(), admin(), "IRC");
        Http.Response created = member.basic().json("POST", "/api/me/tokens", json(Map.of("name", "monthly export", "expiresInDays", 30)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String secret = created.json().get("token").asString();
        Instant expires = Instant.parse(created.json().get("expires").asString());
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
        assertThat(token(member, id).get("lastUsed").isNull()).as("never used").isTrue();

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(http().withBearer(secret).get("/api/me").status()).isEqualTo(200);
        Instant lastUsed = Instant.parse(token(member, id).get("lastUsed").asString());
        assertThat(lastUsed).isBetween(before, Instant.now());
        assertThat(accountsAsKept()).as("kept with the token").contains(lastUsed.toString());
        assertThat(http().withBearer(secret).get("/api/me").status()).isEqualTo(200);
        assertThat(token(member, id).get("lastUsed").asString()).as("not rewritten within the minute").isEqualTo(lastUsed.toString());

        // The expiry moved into the past in the real account store, as 30 days passing would.
        Instant past = Instant.now().minusSeconds(1);
        accounts.update(member.username(), a -> a.withTokens(tokens -> tokens.stream()
                .map(t -> t.id().equals(id) ? new Account.ApiToken(t.id(), t.name(), t.sha256(), t.created(), past, t.lastUsed()) : t)
                .toList()));
        Http.Response refused = http().withBearer(secret).get("/api/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("type").asString()).endsWith("token-expired");
        assertThat(refused.json().get("detail").asString()).contains("expired").contains(past.toString());
        assertThat(http().withBearer(secret).get("/api/documents").status()).as("not anonymous either").isEqualTo(401);
        assertThat(token(member, id).get("expired").asBoolean()).isTrue();
    }

    @Test
    void anExpiryOutsideOneDayToTenYearsIsRefusedNamingTheField() {
        Members.Member member = Members.contributor(http(), admin(), "IRC");
        for (int days : new int[] {0, -5, 3651}) {
            Http.Response r = member.http().json("POST", "/api/me/tokens", json(Map.of("name", "bad expiry", "expiresInDays", days)));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("expiresInDays");
        }
        assertThat(member.http().get("/api/me/tokens").text()).doesNotContain("bad expiry");
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinuteAndATokenStopsAtItsExpiry() {
        AccountStore store = new AccountStore(new HubProperties(data, URI.create("http://localhost:8080/")), jsonMapper);
        Caller caller = new Caller("scripted", Set.of(Role.CONTRIBUTOR), null, Set.of());
        store.add(new Account("scripted", "Scripted", null, Set.of(Role.CONTRIBUTOR), Set.of(), null, null, true, Instant.EPOCH, List.of()));
        TestClock clock = new TestClock(Instant.parse("2026-01-01T08:00:00Z"));
        ApiTokens tokens = new ApiTokens(store, clock);
        ApiTokens.NewToken created = tokens.create(caller, new ApiTokens.TokenRequest("nightly", 30));
        assertThat(created.expires()).isEqualTo(Instant.parse("2026-01-31T08:00:00Z"));

        assertThat(tokens.authenticate(created.token()).caller()).isEqualTo(caller);
        long written = store.file().toFile().lastModified();
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.authenticate(created.token()).caller()).isEqualTo(caller);
        assertThat(tokens.list(caller).getFirst().lastUsed()).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(store.file().toFile().lastModified()).as("the file is not rewritten").isEqualTo(written);
        clock.advance(Duration.ofSeconds(1));
        tokens.authenticate(created.token());
        assertThat(tokens.list(caller).getFirst().lastUsed()).isEqualTo(Instant.parse("2026-01-01T08:01:00Z"));
        assertThat(new AccountStore(new HubProperties(data, URI.create("http://localhost:8080/")), jsonMapper).find("scripted")
                .orElseThrow().tokens().getFirst().lastUsed()).as("read back from the file").isEqualTo(Instant.parse("2026-01-01T08:01:00Z"));

        clock.set(Instant.parse("2026-01-31T07:59:59Z"));
        assertThat(tokens.authenticate(created.token()).caller()).isEqualTo(caller);
        clock.set(Instant.parse("2026-01-31T08:00:00Z"));
        ApiTokens.Check expired = tokens.authenticate(created.token());
        assertThat(expired.caller()).isNull();
        assertThat(expired.expired()).isTrue();
        assertThat(tokens.list(caller).getFirst().expired()).isTrue();
        assertThat(tokens.authenticate("kh_unknown").expired()).isFalse();
    }

    private static JsonNode token(Members.Member member, String id) {
        for (JsonNode t : member.http().get("/api/me/tokens").json()) {
            if (t.get("id").asString().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no token " + id);
    }
}
