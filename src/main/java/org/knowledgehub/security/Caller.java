package org.knowledgehub.security;

import java.util.Set;

/**
 * Who is asking. Every read channel passes the caller to {@link AccessPolicy}.
 *
 * @param name         account or token name; "anonymous" for anonymous callers
 * @param roles        roles granted
 * @param organisation IRI of the caller's organisation, or null
 */
public record Caller(String name, Set<Role> roles, String organisation) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAnonymous() {
        return roles.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
