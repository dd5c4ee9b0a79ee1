package org.knowledgehub.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, as Spring Security authenticated it. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    /** Anonymous unless the request was authenticated as a {@link Caller} (every way of signing in yields one). */
    public static Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof Caller caller ? caller : Caller.ANONYMOUS;
    }
}
