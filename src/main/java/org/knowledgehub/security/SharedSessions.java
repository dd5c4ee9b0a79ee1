package org.knowledgehub.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.knowledgehub.store.SharedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * Browser sessions kept in the remote store that replicas share ({@link SharedRecords}), so a
 * browser is signed in on every replica behind a load balancer and stays so when one restarts. Read
 * from the store on each request that carries a session cookie (one small query); written when the
 * session changed (sign-in, a form's CSRF token, sign-out) and otherwise at most once per
 * {@link #TOUCH} of use, so the idle timeout holds within that without a write per page.
 */
final class SharedSessions implements SessionRepository<SharedSessions.StoredSession> {

    private static final Logger log = LoggerFactory.getLogger(SharedSessions.class);
    private static final String RECORDS = "sessions";
    /** How stale a session's last use may be in the store. */
    private static final Duration TOUCH = Duration.ofMinutes(1);
    private static final Duration SWEEP = Duration.ofMinutes(10);
    /** What a stored session may be made of: Spring's and the hub's types, nothing else. */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=1000000;java.base/*;org.springframework.**;org.knowledgehub.**;!*");

    private final SharedRecords records;
    private final Duration maxInactive;
    private final Clock clock;
    private volatile Instant lastSweep = Instant.MIN;

    SharedSessions(SharedRecords records, Duration maxInactive, Clock clock) {
        this.records = records;
        this.maxInactive = maxInactive;
        this.clock = clock;
    }

    @Override
    public StoredSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(maxInactive);
        return new StoredSession(session, null, null);
    }

    @Override
    public void save(StoredSession session) {
        MapSession map = session.map;
        boolean renamed = session.storedId != null && !session.storedId.equals(map.getId());
        boolean due = session.storedAccess == null || Duration.between(session.storedAccess, map.getLastAccessedTime()).compareTo(TOUCH) >= 0;
        if (!session.changed && !renamed && !due) {
            return;
        }
        if (renamed) {
            records.remove(RECORDS, session.storedId);
        }
        records.put(RECORDS, map.getId(), serialized(map), map.getLastAccessedTime().plus(map.getMaxInactiveInterval()));
        session.storedId = map.getId();
        session.storedAccess = map.getLastAccessedTime();
        session.changed = false;
        sweep();
    }

    @Override
    public StoredSession findById(String id) {
        String stored = records.get(RECORDS, id);
        if (stored == null) {
            return null;
        }
        MapSession map = deserialized(stored);
        if (map == null || map.isExpired() || !map.getId().equals(id)) {
            deleteById(id);
            return null;
        }
        return new StoredSession(map, id, map.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        records.remove(RECORDS, id);
    }

    /** Drops expired sessions now and then, so the store does not keep every session ever opened. */
    private void sweep() {
        Instant now = clock.instant();
        if (Duration.between(lastSweep, now).compareTo(SWEEP) >= 0) {
            lastSweep = now;
            records.removeExpired(RECORDS, now);
        }
    }

    private static String serialized(MapSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the session: " + e.getMessage(), e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static MapSession deserialized(String stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored)))) {
            in.setObjectInputFilter(CLASSES);
            if (in.readObject() instanceof MapSession session) {
                session.setSessionIdGenerator(UuidSessionIdGenerator.getInstance()); // transient, so not kept
                return session;
            }
            return null;
        } catch (IOException | ClassNotFoundException | IllegalArgumentException e) {
            // A session of an older release or damaged: the browser signs in again.
            log.info("Dropped a stored session that cannot be read: {}", e.toString());
            return null;
        }
    }

    /** A session with what the store holds of it, so that an unchanged one is not written again. */
    static final class StoredSession implements Session {

        private final MapSession map;
        private String storedId;
        private Instant storedAccess;
        private boolean changed;

        private StoredSession(MapSession map, String storedId, Instant storedAccess) {
            this.map = map;
            this.storedId = storedId;
            this.storedAccess = storedAccess;
            this.changed = storedId == null;
        }

        @Override
        public String getId() {
            return map.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return map.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return map.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return map.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            map.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            map.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return map.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            map.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return map.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            map.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return map.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return map.isExpired();
        }
    }
}
