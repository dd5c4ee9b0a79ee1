package org.knowledgehub.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After an OpenID Connect sign-in, the user is the mapped local account: its name is the
 * account's, which is how the session finds the account again on every request.
 */
class OidcAccountUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final OidcAccounts accounts;

    OidcAccountUserService(OidcAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Account account = accounts.accountFor(request.getClientRegistration().getRegistrationId(), user.getClaims());
        return new AccountOidcUser(user, account);
    }

    /** The identity provider's user, named as its local account. */
    static final class AccountOidcUser extends DefaultOidcUser {

        private final String username;

        AccountOidcUser(OidcUser user, Account account) {
            super(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                    user.getIdToken(), user.getUserInfo());
            this.username = account.username();
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
