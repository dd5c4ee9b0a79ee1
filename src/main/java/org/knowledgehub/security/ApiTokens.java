package org.knowledgehub.security;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.knowledgehub.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * API tokens for scripts: an account creates named tokens, optionally expiring, sees each secret
 * once, and revokes them; {@code Authorization: Bearer <token>} then acts as that account. Each
 * token's last use is kept with it, to the minute.
 */
@Component
class ApiTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final int MAX_NAME = 100;
    private static final int MAX_TOKENS = 50;
    private static final int MAX_DAYS = 3650;
    /** Makes a leaked token recognisable in logs and by secret scanners. */
    private static final String PREFIX = "kh_";
    /** How stale a token's last use may get: a script's every request must not rewrite the account file. */
    static final Duration LAST_USE_STEP = Duration.ofMinutes(1);
    static final String NOT_VALID = "the bearer token is not valid (unknown, revoked, or its account is disabled)";

    private final AccountStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    ApiTokens(AccountStore store) {
        this(store, Clock.systemUTC());
    }

    /** With a clock of the test's own, so tokens can expire without waiting. */
    ApiTokens(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param expiresInDays days until the token stops working; null for never */
    record TokenRequest(String name, Integer expiresInDays) {
    }

    /** A token as its owner sees it in the list: never the secret. Expires and last used are null for never. */
    record TokenView(String id, String name, Instant created, Instant expires, Instant lastUsed, boolean expired) {
    }

    /** The answer to creating a token: the only time the secret is shown. */
    record NewToken(String id, String name, Instant created, Instant expires, String token) {
    }

    /** What a bearer secret stands for: its account, or (caller null) why it is refused. */
    record Check(Caller caller, String refusal, boolean expired) {

        static Check valid(Caller caller) {
            return new Check(caller, null, false);
        }
    }

    /** The expiry field of a form ("" for never) as {@link TokenRequest} takes it. */
    static Integer days(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        if (!field.strip().matches("\\d{1,5}")) {
            throw invalidDays();
        }
        return Integer.valueOf(field.strip());
    }

    NewToken create(Caller caller, TokenRequest request) {
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalid("name", "name must be 1-" + MAX_NAME + " characters, such as the script or machine that uses the token");
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw invalidDays();
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Instant now = clock.instant();
        Account.ApiToken token = new Account.ApiToken(HexFormat.of().formatHex(bytes(8)), name, sha256(secret), now,
                days == null ? null : now.plus(Duration.ofDays(days)), null);
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
        return new NewToken(token.id(), token.name(), token.created(), token.expires(), secret);
    }

    List<TokenView> list(Caller caller) {
        Instant now = clock.instant();
        return account(caller).tokens().stream()
                .map(t -> new TokenView(t.id(), t.name(), t.created(), t.expires(), t.lastUsed(), t.expiredAt(now))).toList();
    }

    void revoke(Caller caller, String id) {
        if (account(caller).tokens().stream().noneMatch(t -> t.id().equals(id))) {
            throw Problems.notFound("token " + id);
        }
        store.update(caller.name(), a -> a.withTokens(tokens -> tokens.stream().filter(t -> !t.id().equals(id)).toList()));
    }

    /** The caller a token stands for, if it is a live, unexpired token of an enabled account; notes its use. */
    Check authenticate(String secret) {
        Optional<AccountStore.TokenOwner> owner = store.byTokenHash(sha256(secret)).filter(o -> o.account().enabled());
        if (owner.isEmpty()) {
            return new Check(null, NOT_VALID, false);
        }
        Account.ApiToken token = owner.get().token();
        Instant now = clock.instant();
        if (token.expiredAt(now)) {
            return new Check(null, "the bearer token expired at " + token.expires()
                    + "; create a new one on the API tokens page (/me/tokens)", true);
        }
        noteUse(owner.get().account().username(), token.id(), now);
        return Check.valid(owner.get().account().caller());
    }

    /** Keeps the token's last use, rewriting the account file at most once per {@link #LAST_USE_STEP} per token. */
    private void noteUse(String username, String id, Instant now) {
        if (!stale(store.find(username).flatMap(a -> token(a, id)).orElse(null), now)) {
            return;
        }
        try {
            store.update(username, a -> a.withTokens(tokens -> tokens.stream()
                    .map(t -> t.id().equals(id) && stale(t, now) ? t.usedAt(now) : t).toList()));
        } catch (UncheckedIOException e) {
            // The request is still the token's: a full disk must not lock scripts out.
            LOG.warn("could not keep the last use of a token of {}: {}", username, e.getMessage());
        }
    }

    private static boolean stale(Account.ApiToken token, Instant now) {
        return token != null && (token.lastUsed() == null || !token.lastUsed().plus(LAST_USE_STEP).isAfter(now));
    }

    private static Optional<Account.ApiToken> token(Account account, String id) {
        return account.tokens().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static ErrorResponseException invalidDays() {
        return Problems.invalid("expiresInDays", "expiresInDays must be a whole number of days from 1 to " + MAX_DAYS
                + ", or absent for a token that does not expire");
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
