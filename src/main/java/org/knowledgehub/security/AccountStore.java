package org.knowledgehub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.knowledgehub.HubProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local accounts, in {@code <data>/accounts.json}: outside the RDF store, so no SPARQL query
 * (not even an admin's) can reach a password hash, and readable by the service's user only.
 * Held in memory; every change rewrites the file atomically.
 */
@Component
class AccountStore {

    /** What the file holds; the version leaves room for later changes of its shape. */
    record Contents(int version, List<Account> accounts) {
    }

    /** An account and one of its tokens. */
    record TokenOwner(Account account, Account.ApiToken token) {
    }

    private final Path file;
    private final JsonMapper json;
    /** Replaced as a whole on every change, so readers need no lock. */
    private volatile Map<String, Account> accounts;
    private volatile Map<String, TokenOwner> byTokenHash;

    AccountStore(HubProperties hub, JsonMapper json) {
        this.file = hub.dataDir().resolve("accounts.json");
        this.json = json;
        Map<String, Account> loaded = new HashMap<>();
        if (Files.exists(file)) {
            json.readValue(file.toFile(), Contents.class).accounts().forEach(a -> loaded.put(a.username(), a));
        }
        install(loaded);
    }

    Path file() {
        return file;
    }

    Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    List<Account> all() {
        return accounts.values().stream().sorted(Comparator.comparing(Account::username)).toList();
    }

    boolean isEmpty() {
        return accounts.isEmpty();
    }

    Optional<TokenOwner> byTokenHash(String sha256) {
        return Optional.ofNullable(byTokenHash.get(sha256));
    }

    /** Adds the account unless one with its name exists; says whether it did. */
    synchronized boolean add(Account account) {
        if (accounts.containsKey(account.username())) {
            return false;
        }
        Map<String, Account> next = new HashMap<>(accounts);
        next.put(account.username(), account);
        save(next);
        return true;
    }

    synchronized Optional<Account> update(String username, UnaryOperator<Account> change) {
        Account current = accounts.get(username);
        if (current == null) {
            return Optional.empty();
        }
        Account changed = change.apply(current);
        if (changed.equals(current)) {
            return Optional.of(current);
        }
        Map<String, Account> next = new HashMap<>(accounts);
        next.put(username, changed);
        save(next);
        return Optional.of(changed);
    }

    private void save(Map<String, Account> next) {
        List<Account> sorted = next.values().stream().sorted(Comparator.comparing(Account::username)).toList();
        try {
            OwnerOnlyFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Contents(1, sorted)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        install(next);
    }

    private void install(Map<String, Account> next) {
        Map<String, TokenOwner> tokens = new HashMap<>();
        next.values().forEach(a -> a.tokens().forEach(t -> tokens.put(t.sha256(), new TokenOwner(a, t))));
        this.accounts = Map.copyOf(next);
        this.byTokenHash = Map.copyOf(tokens);
    }
}
