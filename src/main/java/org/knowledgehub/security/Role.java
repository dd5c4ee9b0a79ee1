package org.knowledgehub.security;

/** Roles a caller can hold; Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    ADMIN
}
