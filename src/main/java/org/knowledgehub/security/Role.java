package org.knowledgehub.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Roles an account can hold; Spring Security sees them as {@code ROLE_<name>}. An anonymous
 * caller holds none.
 */
public enum Role {
    /** A field actor of an organisation: contributes documents for that organisation. */
    CONTRIBUTOR,
    /** Coordinates one or more sectors: contributes, asks, reviews and closes research questions. */
    COORDINATOR,
    /** Reads what members may read and queries it (search, SPARQL). */
    ANALYST,
    /** Everything, on every graph, plus accounts and SPARQL Update. */
    ADMIN;

    /** The code used in the HTTP API: contributor, coordinator, analyst, admin. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equalsIgnoreCase(code.strip())).findFirst();
    }
}
