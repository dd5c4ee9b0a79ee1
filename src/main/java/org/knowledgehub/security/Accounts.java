package org.knowledgehub.security;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.knowledgehub.Problems;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.SectorDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Creating, changing and describing accounts; the admin API and "who am I" go through it. */
@Component
public class Accounts {

    private final AccountStore store;
    private final AccountRules rules;
    private final OrganisationDirectory organisations;
    private final SectorDirectory sectors;
    private final ApplicationEventPublisher events;

    Accounts(AccountStore store, AccountRules rules, OrganisationDirectory organisations, SectorDirectory sectors,
             ApplicationEventPublisher events) {
        this.store = store;
        this.rules = rules;
        this.organisations = organisations;
        this.sectors = sectors;
        this.events = events;
    }

    /** A new account as the admin API receives it; roles and sectors by code, the organisation by name or IRI. */
    record NewAccount(String username, String displayName, String organisation, List<String> roles, List<String> sectors,
                      String password, String identityProvider) {
    }

    /** Changes to an account: null leaves a field as it is; an empty organisation removes it. */
    record Change(String displayName, String organisation, List<String> roles, List<String> sectors, Boolean enabled,
                  String password, String identityProvider) {
    }

    /** An account as the admin API shows it: never its password hash or token hashes. */
    record View(String username, String displayName, String organisation, String organisationName, List<String> roles,
                List<String> sectors, boolean enabled, String identityProvider, Instant created, int tokens) {
    }

    /**
     * Who the caller is, for {@code GET /api/me} and the page header.
     *
     * @param name     account name ("anonymous" when not signed in)
     * @param signedIn false for anonymous callers
     */
    public record Profile(String name, String displayName, boolean signedIn, List<String> roles, String organisation,
                          String organisationName, List<String> sectors) {

        /** Whether the caller may upload documents: contributors, coordinators and admins (as POST /api/documents). */
        public boolean mayUpload() {
            return Stream.of(Role.CONTRIBUTOR, Role.COORDINATOR, Role.ADMIN).anyMatch(r -> roles.contains(r.code()));
        }
    }

    /** A password change by the account's owner. */
    record PasswordChange(String current, String password) {
    }

    /** Published when an account's password changes, so a printed first-admin secret can be retired. */
    record PasswordChanged(String username) {
    }

    View create(NewAccount request) {
        String username = rules.username(request.username());
        if (store.find(username).isPresent()) {
            throw taken(username);
        }
        Set<Role> roles = rules.roles(request.roles());
        Account account = new Account(username, rules.displayName(request.displayName(), username),
                rules.organisation(request.organisation()), roles, rules.sectors(request.sectors(), roles),
                null, rules.identityProvider(request.identityProvider()), true, Instant.now(), List.of());
        if (account.identityProvider() == null || request.password() != null) {
            account = account.withPasswordHash(rules.passwordHash(request.password(), username));
        }
        if (!store.add(account)) {
            throw taken(username);
        }
        return view(account);
    }

    List<View> list() {
        return store.all().stream().map(this::view).toList();
    }

    View get(String username) {
        return view(existing(username));
    }

    View update(String username, Change change) {
        Account changed = store.update(existing(username).username(), current -> changed(current, change)).orElseThrow();
        if (change.password() != null) {
            events.publishEvent(new PasswordChanged(changed.username()));
        }
        return view(changed);
    }

    private Account changed(Account current, Change change) {
        Set<Role> roles = change.roles() == null ? current.roles() : rules.roles(change.roles());
        return new Account(current.username(),
                change.displayName() == null ? current.displayName() : rules.displayName(change.displayName(), current.username()),
                change.organisation() == null ? current.organisation() : rules.organisation(change.organisation()),
                roles,
                rules.sectors(change.sectors() == null ? List.copyOf(current.sectors()) : change.sectors(), roles),
                change.password() == null ? current.passwordHash() : rules.passwordHash(change.password(), current.username()),
                change.identityProvider() == null ? current.identityProvider() : rules.identityProvider(change.identityProvider()),
                change.enabled() == null ? current.enabled() : change.enabled(),
                current.created(), current.tokens());
    }

    void changePassword(Caller caller, PasswordChange change) {
        Account account = store.find(caller.name()).orElseThrow(() -> Problems.forbidden(null,
                "the admin token has no account and no password; sign in with an account"));
        if (!rules.passwordMatches(change.current(), account)) {
            throw Problems.invalid("current", "current is not the account's password");
        }
        String hash = rules.passwordHash(change.password(), account.username());
        store.update(account.username(), a -> a.withPasswordHash(hash));
        events.publishEvent(new PasswordChanged(account.username()));
    }

    public Profile profile(Caller caller) {
        if (caller.isAnonymous()) {
            return new Profile(caller.name(), "Anonymous", false, List.of(), null, null, List.of());
        }
        String displayName = store.find(caller.name()).map(Account::displayName).orElse(caller.name());
        return new Profile(caller.name(), displayName, true, codes(caller.roles()), caller.organisation(),
                organisationName(caller.organisation()), sectorCodes(caller.sectors()));
    }

    private View view(Account a) {
        return new View(a.username(), a.displayName(), a.organisation(), organisationName(a.organisation()), codes(a.roles()),
                sectorCodes(a.sectors()), a.enabled(), a.identityProvider(), a.created(), a.tokens().size());
    }

    private Account existing(String username) {
        return store.find(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Problems.notFound("account " + username));
    }

    private String organisationName(String organisation) {
        return organisation == null ? null : organisations.resolve(organisation).map(organisations::shortName).orElse(organisation);
    }

    private List<String> sectorCodes(Set<String> iris) {
        return iris.stream().map(sectors::code).sorted().toList();
    }

    private static List<String> codes(Set<Role> roles) {
        return roles.stream().sorted().map(Role::code).toList();
    }

    private static RuntimeException taken(String username) {
        return Problems.conflict("username", "an account named " + username + " exists already");
    }

    /**
     * Writes the accounts as {@code accounts.json} of a data folder holds them: how a backup keeps
     * them when they live in a shared store.
     */
    public void writeFile(Path target) {
        store.writeFile(target);
    }
}
