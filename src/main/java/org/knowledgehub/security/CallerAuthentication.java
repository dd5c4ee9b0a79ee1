package org.knowledgehub.security;

import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The one shape of a successful authentication in the hub: the {@link Caller} as principal, its roles as authorities. */
final class CallerAuthentication {

    /** Who the configured admin token authenticates: an admin with no account. */
    static final Caller ADMIN_TOKEN = new Caller("admin-token", Set.of(Role.ADMIN), null, Set.of());

    private CallerAuthentication() {
    }

    static Authentication of(Caller caller) {
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }
}
