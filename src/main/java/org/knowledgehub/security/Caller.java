package org.knowledgehub.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * Who is asking. Every read channel passes the caller to {@link AccessPolicy}. It is the
 * principal of every authentication the hub makes (session, API token, admin token).
 *
 * @param name         account name; "anonymous" for anonymous callers, "admin-token" for the admin token
 * @param roles        roles granted; none for anonymous callers
 * @param organisation IRI of the caller's organisation, or null
 * @param sectors      IRIs of the sectors the caller works in (coordinates, for a coordinator)
 */
public record Caller(String name, Set<Role> roles, String organisation, Set<String> sectors) implements Principal, Serializable {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null, Set.of());

    public Caller {
        roles = Set.copyOf(roles);
        sectors = Set.copyOf(sectors);
    }

    public boolean isAnonymous() {
        return roles.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The name Spring Security shows for the authentication. */
    @Override
    public String getName() {
        return name;
    }
}
