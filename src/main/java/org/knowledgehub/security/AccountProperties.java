package org.knowledgehub.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings ({@code kh.security.admin-token} is read by {@link AdminToken}).
 *
 * @param initialAdmin      the first admin account, created at start-up if it does not exist
 * @param passwordMinLength shortest password an account may have
 * @param oidc              how users of an OpenID Connect identity provider map to local accounts
 * @param signIn            when failed password sign-ins pause further attempts
 */
@ConfigurationProperties("kh.security")
record AccountProperties(
        @DefaultValue InitialAdmin initialAdmin,
        @DefaultValue("12") int passwordMinLength,
        @DefaultValue Oidc oidc,
        @DefaultValue SignIn signIn) {

    /**
     * @param username name of the first admin (with {@code password}); when neither is set and no
     *                 account exists, an account {@code admin} is created with a generated password
     * @param password its password (from the environment, e.g. {@code KH_SECURITY_INITIAL_ADMIN_PASSWORD})
     */
    record InitialAdmin(String username, String password) {
    }

    /**
     * @param usernameClaim  the ID token claim that names the local account ({@code email},
     *                       {@code preferred_username}, ...)
     * @param createAccounts whether a first sign-in creates a contributor account with no organisation
     *                       (an admin assigns one); if false, an admin must create the account first
     */
    record Oidc(@DefaultValue("email") String usernameClaim, @DefaultValue("true") boolean createAccounts) {
    }

    /**
     * @param maxFailures           failed password sign-ins of one account name, one after another within
     *                              {@code window}, after which sign-in with that name is paused (0: never)
     * @param window                how long a failure counts
     * @param pause                 how long sign-in stays paused
     * @param maxFailuresPerAddress failed sign-ins from one client address (whatever the names) after which
     *                              sign-in from it is paused; 0 (the default) turns this off, as behind a
     *                              reverse proxy every client has the proxy's address unless
     *                              {@code server.forward-headers-strategy} is set
     */
    record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration pause,
                  @DefaultValue("0") int maxFailuresPerAddress) {
    }
}
