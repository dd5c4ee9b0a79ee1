package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.knowledgehub.Http;
import tools.jackson.databind.json.JsonMapper;

/** Accounts made for a test through the admin API, each signed in with an API token of its own. */
public final class Members {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Members() {
    }

    /**
     * @param http  API token of the account
     * @param basic the account's name and password
     */
    public record Member(String username, String password, Http http, Http basic) {
    }

    /**
     * A word no other test writes: the prefix and eight random letters (one in 2e11 that two
     * markers meet; hex digits folded into one letter met once in 200 pairs, and a test then
     * counted another test's passages).
     */
    public static String marker(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> b.append((char) c));
        return b.toString();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** An account of {@code organisation} (null for none) with these roles and sectors. */
    public static Member create(Http anonymous, Http admin, String organisation, List<String> roles, List<String> sectors) {
        String username = unique("member");
        String password = "pw-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "Member " + username);
        body.put("organisation", organisation);
        body.put("roles", roles);
        body.put("sectors", sectors);
        body.put("password", password);
        Http.Response created = admin.json("POST", "/api/accounts", json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Http basic = anonymous.withBasic(username, password);
        Http.Response token = basic.json("POST", "/api/me/tokens", json(Map.of("name", "test")));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return new Member(username, password, anonymous.withBearer(token.json().get("token").asString()), basic);
    }

    public static Member contributor(Http anonymous, Http admin, String organisation) {
        return create(anonymous, admin, organisation, List.of("contributor"), List.of());
    }
}
