package org.knowledgehub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.knowledgehub.HubProperties;
import org.knowledgehub.store.SharedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local accounts, in {@code <data>/accounts.json}: outside the RDF store, so no SPARQL query
 * (not even an admin's) can reach a password hash, and readable by the service's user only.
 * Held in memory; every change rewrites the file atomically.
 * <p>
 * With a remote store, which replicas share, the accounts are instead {@linkplain SharedRecords
 * records in a system graph of that store} (one per account, out of every caller's reach), each
 * changed by compare-and-set so two replicas changing one account at once both count; a change made
 * through another replica is read back within the store's follow interval.
 */
@Component
class AccountStore {

    /** What the file holds; the version leaves room for later changes of its shape. */
    record Contents(int version, List<Account> accounts) {
    }

    /** An account and one of its tokens. */
    record TokenOwner(Account account, Account.ApiToken token) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccountStore.class);
    /** The system graph of the accounts in a shared store. */
    private static final String RECORDS = "accounts";
    /** How often a change is tried again when other replicas keep changing the same account. */
    private static final int ATTEMPTS = 10;

    private final Path file;
    private final JsonMapper json;
    /** Null: the accounts are in the file. */
    private final SharedRecords shared;
    /** Replaced as a whole on every change, so readers need no lock. */
    private volatile Map<String, Account> accounts;
    private volatile Map<String, TokenOwner> byTokenHash;
    /** With a shared store: each account as stored, what a compare-and-set expects. */
    private volatile Map<String, String> stored = Map.of();

    /** The accounts in the data folder's file. */
    AccountStore(HubProperties hub, JsonMapper json) {
        this(hub, json, null);
    }

    @Autowired
    AccountStore(HubProperties hub, JsonMapper json, SharedRecords records) {
        this.file = hub.dataDir().resolve("accounts.json");
        this.json = json;
        this.shared = records != null && records.inStore() ? records : null;
        if (shared != null) {
            reload();
            moveFileIntoStore();
            shared.onChange(RECORDS, this::reload);
            return;
        }
        Map<String, Account> loaded = new HashMap<>();
        if (Files.exists(file)) {
            json.readValue(file.toFile(), Contents.class).accounts().forEach(a -> loaded.put(a.username(), a));
        }
        install(loaded);
        if (records != null && records.holds(RECORDS)) {
            moveRecordsIntoFile(records);
        }
    }

    /**
     * The accounts a remote store kept, in the embedded store of a data folder made by {@code bin/kh
     * migrate from}: written to the file (the store's version of an account the file also holds wins:
     * it is the later one), then their graph is dropped.
     */
    private void moveRecordsIntoFile(SharedRecords records) {
        Map<String, Account> next = new HashMap<>(accounts);
        Map<String, String> kept = records.read(RECORDS);
        kept.forEach((username, value) -> next.put(username, json.readValue(value, Account.class)));
        save(next);
        records.drop(RECORDS);
        log.info("Moved the {} accounts the store kept into {}", kept.size(), file);
    }

    /**
     * The accounts of a data folder whose hub now keeps its records in a remote store (after {@code
     * bin/kh migrate to}): added to the store, those already there left as they are; the file is kept
     * beside, renamed, so a later start does not add them again.
     */
    private void moveFileIntoStore() {
        if (!Files.exists(file)) {
            return;
        }
        int added = 0;
        List<Account> local = json.readValue(file.toFile(), Contents.class).accounts();
        for (Account account : local) {
            if (shared.compareAndSet(RECORDS, account.username(), null, json.writeValueAsString(account))) {
                added++;
            }
        }
        reload();
        Path kept = file.resolveSibling(file.getFileName() + ".in-store");
        try {
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + file + " after moving its accounts into the store", e);
        }
        log.info("Moved {} of the {} accounts of {} into the shared store (the others were there); the file is now {}",
                added, local.size(), file, kept);
    }

    /** Reads the shared accounts again. */
    private synchronized void reload() {
        Map<String, String> records = shared.read(RECORDS);
        Map<String, Account> loaded = new HashMap<>();
        records.forEach((username, value) -> loaded.put(username, json.readValue(value, Account.class)));
        stored = Map.copyOf(records);
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
        if (shared != null) {
            boolean added = shared.compareAndSet(RECORDS, account.username(), null, json.writeValueAsString(account));
            reload();
            return added;
        }
        Map<String, Account> next = new HashMap<>(accounts);
        next.put(account.username(), account);
        save(next);
        return true;
    }

    /**
     * Applies the change to the account as it is now; with a shared store, to the account as the
     * store holds it, tried again while another replica changes it in between.
     */
    synchronized Optional<Account> update(String username, UnaryOperator<Account> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Account current = accounts.get(username);
            if (current == null) {
                return Optional.empty();
            }
            Account changed = change.apply(current);
            if (changed.equals(current)) {
                return Optional.of(current);
            }
            if (replace(changed)) {
                return Optional.of(changed);
            }
        }
        throw new IllegalStateException("the account " + username + " kept changing through other replicas; its change was not made");
    }

    /** Writes the changed account; false when another replica changed it first (a shared store only). */
    private boolean replace(Account changed) {
        if (shared == null) {
            Map<String, Account> next = new HashMap<>(accounts);
            next.put(changed.username(), changed);
            save(next);
            return true;
        }
        boolean written = shared.compareAndSet(RECORDS, changed.username(), stored.get(changed.username()), json.writeValueAsString(changed));
        reload();
        return written;
    }

    private void save(Map<String, Account> next) {
        write(next.values(), file);
        install(next);
    }

    /** The accounts as the file of the data folder holds them, written to {@code target}: a backup's copy. */
    void writeFile(Path target) {
        write(accounts.values(), target);
    }

    private void write(Collection<Account> all, Path target) {
        List<Account> sorted = all.stream().sorted(Comparator.comparing(Account::username)).toList();
        try {
            OwnerOnlyFiles.write(target, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Contents(1, sorted)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private void install(Map<String, Account> next) {
        Map<String, TokenOwner> tokens = new HashMap<>();
        next.values().forEach(a -> a.tokens().forEach(t -> tokens.put(t.sha256(), new TokenOwner(a, t))));
        this.accounts = Map.copyOf(next);
        this.byTokenHash = Map.copyOf(tokens);
    }
}
