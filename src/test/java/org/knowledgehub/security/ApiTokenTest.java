package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.security.Members.json;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** API tokens: created by an account, shown once, kept hashed, acting as the account until revoked. */
class ApiTokenTest extends HubTest {

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
        assertThat(Files.readString(dataDir().resolve("accounts.json"))).doesNotContain(secret);

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
}
