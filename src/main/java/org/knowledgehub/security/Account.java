package org.knowledgehub.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A local account, as the account file keeps it.
 *
 * @param username         unique, lower case; what the user types to sign in
 * @param organisation     IRI of the user's organisation in the organisations scheme, or null
 *                         until an admin assigns one
 * @param sectors          IRIs of the sectors the user works in (coordinates, for a coordinator)
 * @param passwordHash     the password's hash with its algorithm's prefix ({@code {bcrypt}...}),
 *                         or null for an account that signs in through an identity provider only
 * @param identityProvider the OpenID Connect registration this account signs in with, or null
 * @param tokens           the user's API tokens, hashed
 */
record Account(String username, String displayName, String organisation, Set<Role> roles, Set<String> sectors,
               String passwordHash, String identityProvider, boolean enabled, Instant created, List<ApiToken> tokens) {

    Account {
        roles = Set.copyOf(roles);
        sectors = Set.copyOf(sectors);
        tokens = List.copyOf(tokens);
    }

    Caller caller() {
        return new Caller(username, roles, organisation, sectors);
    }

    Account withPasswordHash(String hash) {
        return new Account(username, displayName, organisation, roles, sectors, hash, identityProvider, enabled, created, tokens);
    }

    Account withTokens(UnaryOperator<List<ApiToken>> change) {
        return new Account(username, displayName, organisation, roles, sectors, passwordHash, identityProvider, enabled, created,
                change.apply(tokens));
    }

    /**
     * An API token: the secret itself is shown once when created and kept only as its SHA-256 (it
     * is random and long, so a slow password hash would add nothing but cost on every request).
     *
     * @param expires  when it stops working, or null for never
     * @param lastUsed when it last authenticated a request (to the minute, see {@link ApiTokens}), or null
     */
    record ApiToken(String id, String name, String sha256, Instant created, Instant expires, Instant lastUsed) {

        boolean expiredAt(Instant now) {
            return expires != null && !now.isBefore(expires);
        }

        ApiToken usedAt(Instant when) {
            return new ApiToken(id, name, sha256, created, expires, when);
        }
    }
}
