package org.knowledgehub.security;

import java.util.Locale;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password (sign-in form, HTTP Basic) against the local accounts; what it
 * authenticates is the account's {@link Caller}. Spring's provider keeps the checks it is good
 * at: disabled accounts, and the same time spent on an unknown user as on a wrong password.
 */
@Component
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    private final AccountStore store;

    AccountAuthenticationProvider(AccountStore store, PasswordEncoder encoder) {
        super(username -> store.find(normalise(username))
                .filter(a -> a.passwordHash() != null)
                .map(a -> User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no account with a password has this name")));
        setPasswordEncoder(encoder);
        this.store = store;
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        Caller caller = store.find(user.getUsername()).map(Account::caller)
                .orElseThrow(() -> new UsernameNotFoundException("the account was removed while signing in"));
        return CallerAuthentication.of(caller);
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
