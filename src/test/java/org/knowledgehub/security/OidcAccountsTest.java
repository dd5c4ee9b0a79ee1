package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.HubProperties;
import org.knowledgehub.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a user of an organisation's identity provider becomes a local account (no identity provider
 * can be reached from the tests: the mapping is tested on its own), and that the hub runs without one.
 */
class OidcAccountsTest extends HubTest {

    private static final String PROVIDER = "unfpa-idp";

    @Autowired
    AccountRules rules;
    @Autowired
    JsonMapper json;

    @TempDir
    Path data;

    private AccountStore store() {
        return new AccountStore(new HubProperties(data, URI.create("http://localhost:8080/")), json);
    }

    private OidcAccounts oidc(AccountStore store, String claim, boolean create) {
        return new OidcAccounts(store, rules, new AccountProperties(new AccountProperties.InitialAdmin(null, null), 12,
                new AccountProperties.Oidc(claim, create), null));
    }

    private static Account local(String username, String provider) {
        return new Account(username, username, null, Set.of(Role.ANALYST), Set.of(), provider == null ? "{bcrypt}x" : null, provider,
                true, Instant.now(), List.of());
    }

    @Test
    void aFirstSignInCreatesAContributorWithoutOrganisationAndTheNextFindsIt() {
        AccountStore store = store();
        OidcAccounts oidc = oidc(store, "email", true);
        Account created = oidc.accountFor(PROVIDER, Map.of("sub", "123", "email", "Rana@Example.org", "email_verified", true,
                "name", "Rana H."));
        assertThat(created.username()).isEqualTo("rana@example.org");
        assertThat(created.displayName()).isEqualTo("Rana H.");
        assertThat(created.roles()).containsExactly(Role.CONTRIBUTOR);
        assertThat(created.organisation()).isNull();
        assertThat(created.passwordHash()).isNull();
        assertThat(created.identityProvider()).isEqualTo(PROVIDER);
        assertThat(store.find("rana@example.org")).contains(created);

        store.update(created.username(), a -> new Account(a.username(), a.displayName(), "http://localhost:8080/id/organisation/unfpa",
                a.roles(), a.sectors(), null, a.identityProvider(), true, a.created(), a.tokens()));
        Account again = oidc.accountFor(PROVIDER, Map.of("sub", "123", "email", "rana@example.org"));
        assertThat(again.organisation()).as("what the admin assigned stays").endsWith("/id/organisation/unfpa");
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void noProviderTakesOverAnAccountThatIsNotLinkedToIt() {
        AccountStore store = store();
        store.add(local("admin@example.org", null));
        store.add(local("other@example.org", "wfp-idp"));
        OidcAccounts oidc = oidc(store, "email", true);
        assertThatThrownBy(() -> oidc.accountFor(PROVIDER, Map.of("email", "admin@example.org")))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("does not sign in through " + PROVIDER);
        assertThatThrownBy(() -> oidc.accountFor(PROVIDER, Map.of("email", "other@example.org")))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("does not sign in through " + PROVIDER);
        assertThat(oidc.accountFor("wfp-idp", Map.of("email", "other@example.org")).roles()).containsExactly(Role.ANALYST);

        store.update("other@example.org", a -> new Account(a.username(), a.displayName(), null, a.roles(), a.sectors(), null,
                a.identityProvider(), false, a.created(), a.tokens()));
        assertThatThrownBy(() -> oidc.accountFor("wfp-idp", Map.of("email", "other@example.org")))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("disabled");
    }

    @Test
    void unusableClaimsAreRefused() {
        OidcAccounts oidc = oidc(store(), "email", true);
        assertThatThrownBy(() -> oidc.accountFor(PROVIDER, Map.of("sub", "1")))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("no 'email' claim");
        assertThatThrownBy(() -> oidc.accountFor(PROVIDER, Map.of("email", "x@example.org", "email_verified", false)))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("not verified");
        assertThatThrownBy(() -> oidc.accountFor(PROVIDER, Map.of("email", "not an account name")))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("cannot be an account name");

        OidcAccounts byName = oidc(store(), "preferred_username", false);
        assertThatThrownBy(() -> byName.accountFor(PROVIDER, Map.of("preferred_username", "nobody")))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("an admin must create it");
    }

    @Test
    void withoutConfigurationTheHubOffersNoIdentityProvider() {
        assertThat(http().get("/login").text()).doesNotContain("/oauth2/authorization/");
        assertThat(http().get("/oauth2/authorization/" + PROVIDER).status()).isEqualTo(404);
    }
}
