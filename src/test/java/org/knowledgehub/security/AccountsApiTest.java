package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knowledgehub.security.Members.json;
import static org.knowledgehub.security.Members.unique;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** {@code /api/accounts} and {@code /api/me} against the real server: who may manage accounts, what is checked, what is kept. */
class AccountsApiTest extends HubTest {

    private static Map<String, Object> account(String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("organisation", "UNFPA");
        body.put("roles", List.of("contributor"));
        return body;
    }

    private Http.Response create(Map<String, Object> body) {
        return admin().json("POST", "/api/accounts", json(body));
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("https://w3id.org/knowledge-hub/problems/");
        if (field != null) {
            assertThat(problem.get("field").asString()).as(r.toString()).isEqualTo(field);
        }
    }

    @Test
    void theAdminCreatesAnAccountThatSignsInWithItsOrganisationAndSectors() {
        String username = unique("Alice");
        String password = "correct horse battery staple";
        Map<String, Object> body = account(username, password);
        body.put("displayName", "Alice Haddad");
        body.put("roles", List.of("coordinator"));
        body.put("sectors", List.of("protection", base() + "id/sector/wash"));
        Http.Response created = create(body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String name = username.toLowerCase();
        assertThat(created.header("Location")).isEqualTo("/api/accounts/" + name);
        JsonNode view = created.json();
        assertThat(view.get("username").asString()).isEqualTo(name);
        assertThat(view.get("organisation").asString()).isEqualTo(base() + "id/organisation/unfpa");
        assertThat(view.get("organisationName").asString()).isEqualTo("UNFPA");
        assertThat(view.get("roles").toString()).isEqualTo("[\"coordinator\"]");
        assertThat(view.get("sectors").toString()).isEqualTo("[\"protection\",\"wash\"]");
        assertThat(view.get("enabled").asBoolean()).isTrue();
        assertThat(created.text()).doesNotContain(password).doesNotContain("bcrypt").doesNotContain("passwordHash");

        JsonNode me = http().withBasic(username, password).get("/api/me").json();
        assertThat(me.get("name").asString()).isEqualTo(name);
        assertThat(me.get("displayName").asString()).isEqualTo("Alice Haddad");
        assertThat(me.get("signedIn").asBoolean()).isTrue();
        assertThat(me.get("roles").toString()).isEqualTo("[\"coordinator\"]");
        assertThat(me.get("organisation").asString()).isEqualTo(base() + "id/organisation/unfpa");
        assertThat(me.get("sectors").toString()).isEqualTo("[\"protection\",\"wash\"]");
        Http.Response wrong = http().withBasic(username, "wrong password!!").get("/api/me");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).isEqualTo("the user name or password was not accepted");
        // An Authorization header that says nothing usable is refused, not taken for an anonymous caller.
        for (String header : List.of("Bearer", "Bearer   ", "Token " + password, "Digest username=x")) {
            assertThat(http().get("/api/me", "Authorization", header).status()).as(header).isEqualTo(401);
        }

        assertThat(admin().get("/api/accounts").text()).contains("\"" + name + "\"").doesNotContain("bcrypt");
        assertThat(admin().get("/api/accounts/" + name).json().get("displayName").asString()).isEqualTo("Alice Haddad");
        assertProblem(admin().get("/api/accounts/" + unique("nobody")), 404, null);
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String username = unique("bob");
        assertThat(create(account(username, "a long enough password")).status()).isEqualTo(201);
        assertProblem(create(account(username, "another long password")), 409, "username");
        assertProblem(create(account(username.toUpperCase(), "another long password")), 409, "username");
    }

    @Test
    void invalidFieldsAreRejectedNamingTheField() {
        assertProblem(create(account(unique("weak"), "short12345")), 400, "password");
        assertProblem(create(account(unique("weak"), null)), 400, "password");
        Map<String, Object> sameAsName = account("samename-" + unique("x"), null);
        sameAsName.put("password", sameAsName.get("username"));
        assertProblem(create(sameAsName), 400, "password");

        Map<String, Object> unknownOrganisation = account(unique("org"), "a long enough password");
        unknownOrganisation.put("organisation", "Relief Agency That Does Not Exist");
        assertProblem(create(unknownOrganisation), 400, "organisation");

        Map<String, Object> unknownRole = account(unique("role"), "a long enough password");
        unknownRole.put("roles", List.of("contributor", "superuser"));
        assertProblem(create(unknownRole), 400, "roles");
        unknownRole.put("roles", List.of());
        assertProblem(create(unknownRole), 400, "roles");

        Map<String, Object> coordinator = account(unique("coord"), "a long enough password");
        coordinator.put("roles", List.of("coordinator"));
        assertProblem(create(coordinator), 400, "sectors");
        coordinator.put("sectors", List.of("astrology"));
        assertProblem(create(coordinator), 400, "sectors");

        assertProblem(create(account("has space", "a long enough password")), 400, "username");
        assertProblem(create(account("anonymous", "a long enough password")), 400, "username");
        assertProblem(admin().json("POST", "/api/accounts", "{\"username\": "), 400, "body");
        assertProblem(admin().json("POST", "/api/accounts", "{\"username\": \"xy\", \"roles\": {\"a\": 1}}"), 400, "roles");
    }

    @Test
    void onlyAdminsManageAccounts() {
        String body = json(account(unique("eve"), "a long enough password"));
        for (String path : List.of("/api/accounts", "/api/accounts/" + ADMIN_ACCOUNT)) {
            assertProblem(http().get(path), 401, null);
        }
        assertProblem(http().json("POST", "/api/accounts", body), 401, null);
        for (String role : List.of("contributor", "analyst")) {
            Members.Member member = Members.create(http(), admin(), "WFP", List.of(role), List.of());
            assertProblem(member.http().get("/api/accounts"), 403, null);
            assertProblem(member.http().json("POST", "/api/accounts", body), 403, null);
            assertProblem(member.http().json("PATCH", "/api/accounts/" + member.username(), "{\"roles\": [\"admin\"]}"), 403, null);
            assertThat(member.http().get("/api/me").json().get("roles").toString()).isEqualTo("[\"" + role + "\"]");
        }
        // The first admin, created from configuration, manages accounts with its password as the admin token does.
        assertThat(http().withBasic(ADMIN_ACCOUNT, ADMIN_PASSWORD).get("/api/accounts").status()).isEqualTo(200);
        assertThat(admin().get("/api/accounts").status()).isEqualTo(200);
    }

    @Test
    void anAdminChangesRolesAndDisablesAccountsWithImmediateEffect() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        String path = "/api/accounts/" + member.username();

        JsonNode changed = admin().json("PATCH", path, "{\"roles\": [\"analyst\"], \"organisation\": \"UNICEF\"}").json();
        assertThat(changed.get("roles").toString()).isEqualTo("[\"analyst\"]");
        JsonNode me = member.http().get("/api/me").json();
        assertThat(me.get("roles").toString()).isEqualTo("[\"analyst\"]");
        assertThat(me.get("organisation").asString()).endsWith("/id/organisation/unicef");
        assertProblem(admin().json("PATCH", path, "{\"roles\": [\"coordinator\"]}"), 400, "sectors");
        assertProblem(admin().json("PATCH", path, "{\"organisation\": \"Nowhere Aid\"}"), 400, "organisation");
        assertThat(admin().json("PATCH", path, "{\"organisation\": \"\"}").json().get("organisation").isNull()).isTrue();

        assertThat(admin().json("PATCH", path, "{\"enabled\": false}").json().get("enabled").asBoolean()).isFalse();
        assertProblem(member.http().get("/api/me"), 401, null);
        assertProblem(member.basic().get("/api/me"), 401, null);
        admin().json("PATCH", path, "{\"enabled\": true}");
        assertThat(member.http().get("/api/me").status()).isEqualTo(200);

        assertProblem(admin().json("PATCH", "/api/accounts/" + unique("nobody"), "{\"enabled\": false}"), 404, null);
    }

    @Test
    void membersChangeTheirOwnPassword() {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        String newPassword = "a brand new long password";
        assertProblem(member.basic().json("PUT", "/api/me/password",
                json(Map.of("current", "not my password", "password", newPassword))), 400, "current");
        assertProblem(member.basic().json("PUT", "/api/me/password",
                json(Map.of("current", member.password(), "password", "too short"))), 400, "password");
        assertProblem(http().json("PUT", "/api/me/password", json(Map.of("current", "x", "password", newPassword))), 401, null);
        assertThat(member.basic().json("PUT", "/api/me/password",
                json(Map.of("current", member.password(), "password", newPassword))).status()).isEqualTo(204);
        assertProblem(member.basic().get("/api/me"), 401, null);
        assertThat(http().withBasic(member.username(), newPassword).get("/api/me").json().get("name").asString())
                .isEqualTo(member.username());
    }

    @Test
    void anonymousCallersAreToldTheyAreAnonymous() {
        JsonNode me = http().get("/api/me").json();
        assertThat(me.get("signedIn").asBoolean()).isFalse();
        assertThat(me.get("name").asString()).isEqualTo("anonymous");
        assertThat(me.get("roles").isEmpty()).isTrue();
        JsonNode admin = admin().get("/api/me").json();
        assertThat(admin.get("name").asString()).isEqualTo("admin-token");
        assertThat(admin.get("roles").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void passwordHashesAreKeptOutsideTheStoreReadableByTheServiceOnly() throws IOException {
        Members.Member member = Members.contributor(http(), admin(), "WFP");
        assertThat(accountsAsKept()).contains(member.username()).contains("{bcrypt}").doesNotContain(member.password());
        if (!recordsInStore()) {
            Path file = dataDir().resolve("accounts.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        String query = "SELECT * { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } "
                + "FILTER(isLiteral(?o) && (CONTAINS(STR(?o), \"bcrypt\") || CONTAINS(STR(?o), \"" + member.username() + "\"))) }";
        Http.Response rows = admin().get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.json().get("results").get("bindings").isEmpty()).isTrue();
    }

    private static String base() {
        return "http://localhost:8080/";
    }
}
