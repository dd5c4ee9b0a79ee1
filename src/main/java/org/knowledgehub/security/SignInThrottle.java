package org.knowledgehub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.knowledgehub.store.SharedRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Pauses password sign-in (form and HTTP Basic) for an account name after {@code kh.security.sign-in.max-failures}
 * failures within the window, and, if configured, for a client address after too many failures from
 * it, so passwords cannot be guessed at speed. Names that have no account are counted and paused the
 * same way, so the pause says nothing about which accounts exist. A successful sign-in clears the
 * name's count; an admin can lift a pause. Counts live in memory: a restart forgets them. Replicas
 * sharing a remote store count together: each failure is counted in the store by compare-and-set
 * (so guesses spread over replicas add up), and each replica reads the counts back when another
 * changes them, within the store's follow interval.
 */
@Component
class SignInThrottle {

    /** Beyond this many names and addresses, expired counts are dropped, so random names cannot fill the memory. */
    private static final int PRUNE_ABOVE = 10_000;

    /** The system graph of the counts in a shared store. */
    private static final String RECORDS = "sign-in-failures";
    /** No failures and no pause: a count cleared. */
    private static final Count NONE = new Count(0, null, null);

    private final AccountProperties.SignIn settings;
    private final Clock clock;
    /** Null: the counts are this process's only. */
    private final SharedRecords shared;
    /** With a shared store, what it held when last read (and what this replica wrote since). */
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** Failures in the current window (from {@code since}), and the end of a pause if one was imposed. */
    private record Count(int failures, Instant since, Instant pausedUntil) {

        boolean pausedAt(Instant now) {
            return pausedUntil != null && now.isBefore(pausedUntil);
        }

        /** How the shared store keeps it: failures, the window's start and the pause's end, - for none. */
        String write() {
            return failures + " " + (since == null ? "-" : since) + " " + (pausedUntil == null ? "-" : pausedUntil);
        }

        static Count read(String value) {
            String[] parts = value.split(" ");
            if (parts[0].equals("0") && parts[1].equals("-") && parts[2].equals("-")) {
                return NONE;
            }
            return new Count(Integer.parseInt(parts[0]), parts[1].equals("-") ? null : Instant.parse(parts[1]),
                    parts[2].equals("-") ? null : Instant.parse(parts[2]));
        }
    }

    /** Why a sign-in was refused without looking at the password, and for how long it will be. */
    static final class Paused extends AuthenticationException {

        private final Duration retryAfter;

        Paused(Duration retryAfter) {
            super("too many failed sign-ins; try again in " + minutes(retryAfter) + " minute(s)");
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, at least 1, for a Retry-After header. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        static long minutes(Duration d) {
            return Math.max(1, (d.toSeconds() + 59) / 60);
        }
    }

    @Autowired
    SignInThrottle(AccountProperties properties, SharedRecords records) {
        this(properties.signIn(), Clock.systemUTC(), records.inStore() ? records : null);
    }

    /** With a clock of the test's own, so pauses can end without waiting. */
    SignInThrottle(AccountProperties.SignIn settings, Clock clock, SharedRecords shared) {
        this.settings = settings;
        this.clock = clock;
        this.shared = shared;
        if (shared != null) {
            reload();
            shared.onChange(RECORDS, this::reload);
        }
    }

    /** Reads the shared counts again. */
    private synchronized void reload() {
        Map<String, Count> read = new HashMap<>();
        shared.read(RECORDS).forEach((key, value) -> read.put(key, Count.read(value)));
        counts.keySet().retainAll(read.keySet());
        counts.putAll(read);
    }

    Duration pause() {
        return settings.pause();
    }

    /**
     * @param username the normalised name given
     * @param address  the client's address, or null
     * @throws Paused when sign-in with this name or from this address is paused
     */
    void check(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(pausedUntil(nameKey(username), now), address == null ? null : pausedUntil(addressKey(address), now));
        if (until != null) {
            throw new Paused(Duration.between(now, until));
        }
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(nameKey(username), settings.maxFailures(), now);
        if (address != null) {
            count(addressKey(address), settings.maxFailuresPerAddress(), now);
        }
        if (counts.size() > PRUNE_ABOVE) {
            List<String> expired = counts.entrySet().stream().filter(e -> expired(e.getValue(), now)).map(Map.Entry::getKey).toList();
            expired.forEach(counts::remove);
            if (shared != null) {
                // An expired count says nothing: removed without telling the other replicas.
                expired.forEach(key -> shared.remove(RECORDS, key));
            }
        }
    }

    /** A success clears the name's count (not the address's: one good account must not excuse guesses at others). */
    void succeeded(String username) {
        Count c = counts.get(nameKey(username));
        if (c != null && c != NONE) {
            forget(nameKey(username));
        }
    }

    /** Whether password sign-in with this name is paused now. */
    boolean paused(String username) {
        return pausedUntil(nameKey(username), clock.instant()) != null;
    }

    /** Lifts a pause on the name and forgets its failures (an admin's decision). */
    void release(String username) {
        forget(nameKey(username));
    }

    /** Clears a count; in a shared store it is written as none, so that other replicas are told. */
    private void forget(String key) {
        if (shared == null) {
            counts.remove(key);
        } else {
            change(key, c -> NONE);
        }
    }

    private void count(String key, int max, Instant now) {
        if (max <= 0) {
            return;
        }
        if (shared == null) {
            counts.compute(key, (k, c) -> next(c, max, now));
        } else {
            change(key, c -> next(c, max, now));
        }
    }

    /** Changes the count the shared store holds, tried again while other replicas change it in between. */
    private void change(String key, UnaryOperator<Count> change) {
        String written = shared.update(RECORDS, key, stored -> {
            Count next = change.apply(stored == null ? null : Count.read(stored));
            return stored == null && next == NONE ? null : next.write();
        });
        counts.put(key, written == null ? NONE : Count.read(written));
    }

    /** The count after one more failure. */
    private Count next(Count c, int max, Instant now) {
        if (c != null && c.pausedAt(now)) {
            return c;
        }
        int failures = c == null || c.since() == null || !now.isBefore(c.since().plus(settings.window())) ? 1 : c.failures() + 1;
        Instant since = failures == 1 ? now : c.since();
        return failures >= max ? new Count(0, null, now.plus(settings.pause())) : new Count(failures, since, null);
    }

    private Instant pausedUntil(String key, Instant now) {
        Count c = counts.get(key);
        if (shared != null && c != null && c != NONE && !c.pausedAt(now)) {
            // Failures were counted: another replica may have paused the name since this one read it back.
            String stored = shared.get(RECORDS, key);
            c = stored == null ? NONE : Count.read(stored);
            counts.put(key, c);
        }
        return c != null && c.pausedAt(now) ? c.pausedUntil() : null;
    }

    private boolean expired(Count c, Instant now) {
        return !c.pausedAt(now) && (c.since() == null || !now.isBefore(c.since().plus(settings.window())));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String nameKey(String username) {
        return "name:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
