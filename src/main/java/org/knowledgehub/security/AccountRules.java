package org.knowledgehub.security;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.Problems;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.SectorDirectory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What an account's fields may hold; each method returns the normalised value or throws a 400
 * problem naming the field.
 */
@Component
class AccountRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{1,99}");
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final int MAX_DISPLAY_NAME = 100;
    /** bcrypt reads no further than 72 bytes; a longer password would be silently truncated. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final OrganisationDirectory organisations;
    private final SectorDirectory sectors;
    private final PasswordEncoder encoder;
    private final int minPasswordLength;

    AccountRules(OrganisationDirectory organisations, SectorDirectory sectors, PasswordEncoder encoder, AccountProperties properties) {
        this.organisations = organisations;
        this.sectors = sectors;
        this.encoder = encoder;
        this.minPasswordLength = properties.passwordMinLength();
    }

    String username(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw Problems.invalid("username", "username must be 2-100 characters: letters, digits and . _ @ + - "
                    + "(an e-mail address is fine), starting with a letter or digit");
        }
        if (name.equals(Caller.ANONYMOUS.name()) || name.equals(CallerAuthentication.ADMIN_TOKEN.name())) {
            throw Problems.invalid("username", "the name " + name + " is reserved");
        }
        return name;
    }

    String displayName(String raw, String fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (raw.length() > MAX_DISPLAY_NAME || raw.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalid("displayName", "displayName must be at most " + MAX_DISPLAY_NAME
                    + " characters without control characters");
        }
        return raw.strip();
    }

    /** The organisation's IRI; null when none is given. */
    String organisation(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return organisations.resolve(raw).map(Resource::getURI).orElseThrow(() -> Problems.invalid("organisation",
                "unknown organisation '" + abbreviate(raw) + "': give the name, acronym or IRI of an organisation "
                        + "of the organisations scheme (/id/scheme/organisations)"));
    }

    Set<Role> roles(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw Problems.invalid("roles", "an account needs at least one role: contributor, coordinator, analyst or admin");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : raw) {
            roles.add(Role.fromCode(code == null ? "" : code).orElseThrow(() -> Problems.invalid("roles",
                    "unknown role '" + abbreviate(String.valueOf(code)) + "': use contributor, coordinator, analyst or admin")));
        }
        return roles;
    }

    /** Sector IRIs; a coordinator must have at least one. */
    Set<String> sectors(List<String> raw, Set<Role> roles) {
        Set<String> out = new LinkedHashSet<>();
        for (String code : raw == null ? List.<String>of() : raw) {
            out.add(sectors.resolve(code == null ? "" : code).map(Resource::getURI).orElseThrow(() -> Problems.invalid("sectors",
                    "unknown sector '" + abbreviate(String.valueOf(code)) + "': use a sector code such as wash or food-security")));
        }
        if (out.isEmpty() && roles.contains(Role.COORDINATOR)) {
            throw Problems.invalid("sectors", "a coordinator coordinates at least one sector");
        }
        return out;
    }

    String identityProvider(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!PROVIDER.matcher(raw.strip()).matches()) {
            throw Problems.invalid("identityProvider", "identityProvider must be the id of an OpenID Connect registration");
        }
        return raw.strip();
    }

    /** The hash of a password strong enough for the account; the password itself goes no further. */
    String passwordHash(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < minPasswordLength) {
            throw Problems.invalid("password", "password must be at least " + minPasswordLength + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw Problems.invalid("password", "password must be at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
        if (password.isBlank() || password.strip().equalsIgnoreCase(username)) {
            throw Problems.invalid("password", "password must not be blank or the username");
        }
        return encoder.encode(password);
    }

    boolean passwordMatches(String password, Account account) {
        return password != null && account.passwordHash() != null && encoder.matches(password, account.passwordHash());
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
