package org.knowledgehub.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Maps a user of an organisation's OpenID Connect identity provider to a local account: the
 * account named by the configured claim ({@code kh.security.oidc.username-claim}), which must
 * sign in through that same provider, so no provider can take over a local account or another
 * provider's. A first sign-in creates a contributor with no organisation (an admin assigns one),
 * unless {@code kh.security.oidc.create-accounts=false}.
 */
@Component
class OidcAccounts {

    private static final int MAX_DISPLAY_NAME = 100;

    private final AccountStore store;
    private final AccountRules rules;
    private final AccountProperties.Oidc properties;

    OidcAccounts(AccountStore store, AccountRules rules, AccountProperties properties) {
        this.store = store;
        this.rules = rules;
        this.properties = properties.oidc();
    }

    /** The account for these ID token claims from the registration {@code provider}; otherwise why not. */
    Account accountFor(String provider, Map<String, Object> claims) {
        String claim = properties.usernameClaim();
        if (!(claims.get(claim) instanceof String value) || value.isBlank()) {
            throw refused("the identity provider sent no '" + claim + "' claim");
        }
        if ("email".equals(claim) && Boolean.FALSE.equals(claims.get("email_verified"))) {
            throw refused("the identity provider has not verified this e-mail address");
        }
        String username;
        try {
            username = rules.username(value);
        } catch (ErrorResponseException e) {
            throw refused("'" + value + "' cannot be an account name: " + e.getBody().getDetail());
        }
        Account account = store.find(username).orElseGet(() -> create(provider, username, claims));
        if (!provider.equals(account.identityProvider())) {
            throw refused("the account " + username + " does not sign in through " + provider + "; an admin can link it");
        }
        if (!account.enabled()) {
            throw refused("the account " + username + " is disabled");
        }
        return account;
    }

    private Account create(String provider, String username, Map<String, Object> claims) {
        if (!properties.createAccounts()) {
            throw refused("there is no account " + username + "; an admin must create it first");
        }
        String displayName = claims.get("name") instanceof String name && !name.isBlank() && name.length() <= MAX_DISPLAY_NAME
                && name.chars().noneMatch(Character::isISOControl) ? name.strip() : username;
        Account created = new Account(username, displayName, null, Set.of(Role.CONTRIBUTOR), Set.of(), null, provider, true,
                Instant.now(), List.of());
        store.add(created);
        // Another first sign-in of the same user may have won the race: the stored account counts.
        return store.find(username).orElseThrow();
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
