package org.knowledgehub.security;

import java.util.Locale;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a username and password (sign-in form, HTTP Basic) against the local accounts; what it
 * authenticates is the account's {@link Caller}. Spring's provider keeps the checks it is good
 * at: disabled accounts, and the same time spent on an unknown user as on a wrong password.
 * Around them, {@link SignInThrottle} refuses names (or addresses) with too many recent failures
 * before the password is looked at, and every attempt goes into the {@link AuditTrail}.
 */
@Component
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    private final AccountStore store;
    private final SignInThrottle throttle;
    private final AuditTrail audit;

    AccountAuthenticationProvider(AccountStore store, PasswordEncoder encoder, SignInThrottle throttle, AuditTrail audit) {
        super(username -> store.find(normalise(username))
                .filter(a -> a.passwordHash() != null)
                .map(a -> User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no account with a password has this name")));
        setPasswordEncoder(encoder);
        this.store = store;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = normalise(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        String account = store.find(username).isPresent() ? username : null;
        try {
            throttle.check(username, address);
        } catch (SignInThrottle.Paused e) {
            audit.recordSignIn(account, null, channel(), "throttled");
            throw e;
        }
        Authentication result;
        try {
            result = super.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            audit.recordSignIn(account, null, channel(), "failure");
            throw e;
        }
        throttle.succeeded(username);
        audit.recordSignIn(account, result.getPrincipal() instanceof Caller c ? c : null, channel(), "success");
        return result;
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        Caller caller = store.find(user.getUsername()).map(Account::caller)
                .orElseThrow(() -> new UsernameNotFoundException("the account was removed while signing in"));
        return CallerAuthentication.of(caller);
    }

    /** {@code form} for the sign-in page's form, {@code basic} for HTTP Basic on any other request. */
    private static String channel() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                && "/login".equals(r.getRequest().getRequestURI()) ? "form" : "basic";
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
