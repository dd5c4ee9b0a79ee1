package org.knowledgehub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Pauses password sign-in (form and HTTP Basic) for an account name after {@code kh.security.sign-in.max-failures}
 * failures within the window, and, if configured, for a client address after too many failures from
 * it, so passwords cannot be guessed at speed. Names that have no account are counted and paused the
 * same way, so the pause says nothing about which accounts exist. A successful sign-in clears the
 * name's count; an admin can lift a pause. Counts live in memory: a restart forgets them.
 */
@Component
class SignInThrottle {

    /** Beyond this many names and addresses, expired counts are dropped, so random names cannot fill the memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private final AccountProperties.SignIn settings;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** Failures in the current window (from {@code since}), and the end of a pause if one was imposed. */
    private record Count(int failures, Instant since, Instant pausedUntil) {

        boolean pausedAt(Instant now) {
            return pausedUntil != null && now.isBefore(pausedUntil);
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
    SignInThrottle(AccountProperties properties) {
        this(properties.signIn(), Clock.systemUTC());
    }

    /** With a clock of the test's own, so pauses can end without waiting. */
    SignInThrottle(AccountProperties.SignIn settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
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
            counts.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
    }

    /** A success clears the name's count (not the address's: one good account must not excuse guesses at others). */
    void succeeded(String username) {
        counts.remove(nameKey(username));
    }

    /** Whether password sign-in with this name is paused now. */
    boolean paused(String username) {
        return pausedUntil(nameKey(username), clock.instant()) != null;
    }

    /** Lifts a pause on the name and forgets its failures (an admin's decision). */
    void release(String username) {
        counts.remove(nameKey(username));
    }

    private void count(String key, int max, Instant now) {
        if (max <= 0) {
            return;
        }
        counts.compute(key, (k, c) -> {
            if (c != null && c.pausedAt(now)) {
                return c;
            }
            int failures = c == null || c.since() == null || !now.isBefore(c.since().plus(settings.window())) ? 1 : c.failures() + 1;
            Instant since = failures == 1 ? now : c.since();
            return failures >= max ? new Count(0, null, now.plus(settings.pause())) : new Count(failures, since, null);
        });
    }

    private Instant pausedUntil(String key, Instant now) {
        Count c = counts.get(key);
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
