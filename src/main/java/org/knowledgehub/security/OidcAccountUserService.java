package org.knowledgehub.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After an OpenID Connect sign-in, the user is the mapped local account: its name is the
 * account's, which is how the session finds the account again on every request. Sign-ins and
 * refusals go into the {@link AuditTrail}.
 */
class OidcAccountUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final OidcAccounts accounts;
    private final AuditTrail audit;

    OidcAccountUserService(OidcAccounts accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        Account account;
        try {
            account = accounts.accountFor(registration, user.getClaims());
        } catch (OAuth2AuthenticationException e) {
            audit.recordSignIn(null, null, "oidc:" + registration, "failure");
            throw e;
        }
        audit.recordSignIn(account.username(), account.caller(), "oidc:" + registration, "success");
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
