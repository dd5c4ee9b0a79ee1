package org.knowledgehub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.knowledgehub.Problems;
import org.springframework.stereotype.Component;

/**
 * API tokens for scripts: an account creates named tokens, sees each secret once, and revokes
 * them; {@code Authorization: Bearer <token>} then acts as that account.
 */
@Component
class ApiTokens {

    private static final int MAX_NAME = 100;
    private static final int MAX_TOKENS = 50;
    /** Makes a leaked token recognisable in logs and by secret scanners. */
    private static final String PREFIX = "kh_";

    private final AccountStore store;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(AccountStore store) {
        this.store = store;
    }

    record TokenRequest(String name) {
    }

    /** A token as its owner sees it in the list: never the secret. */
    record TokenView(String id, String name, Instant created) {
    }

    /** The answer to creating a token: the only time the secret is shown. */
    record NewToken(String id, String name, Instant created, String token) {
    }

    NewToken create(Caller caller, TokenRequest request) {
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalid("name", "name must be 1-" + MAX_NAME + " characters, such as the script or machine that uses the token");
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Account.ApiToken token = new Account.ApiToken(HexFormat.of().formatHex(bytes(8)), name, sha256(secret), Instant.now());
        store.update(account(caller).username(), a -> {
            if (a.tokens().size() >= MAX_TOKENS) {
                throw Problems.conflict("name", "an account has at most " + MAX_TOKENS + " tokens; revoke some first");
            }
            return a.withTokens(tokens -> {
                List<Account.ApiToken> more = new ArrayList<>(tokens);
                more.add(token);
                return more;
            });
        }).orElseThrow();
        return new NewToken(token.id(), token.name(), token.created(), secret);
    }

    List<TokenView> list(Caller caller) {
        return account(caller).tokens().stream().map(t -> new TokenView(t.id(), t.name(), t.created())).toList();
    }

    void revoke(Caller caller, String id) {
        if (account(caller).tokens().stream().noneMatch(t -> t.id().equals(id))) {
            throw Problems.notFound("token " + id);
        }
        store.update(caller.name(), a -> a.withTokens(tokens -> tokens.stream().filter(t -> !t.id().equals(id)).toList()));
    }

    /** The caller a token stands for, if it is a live token of an enabled account. */
    Optional<Caller> authenticate(String secret) {
        return store.byTokenHash(sha256(secret)).map(AccountStore.TokenOwner::account).filter(Account::enabled).map(Account::caller);
    }

    private Account account(Caller caller) {
        return store.find(caller.name()).orElseThrow(() -> Problems.forbidden(null,
                "the admin token has no account; API tokens belong to accounts"));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
