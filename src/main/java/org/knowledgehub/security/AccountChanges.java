package org.knowledgehub.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The admin's changes to accounts, each recorded in the audit trail (which fields changed, never
 * their values): the API and the accounts page go through it.
 */
@Component
class AccountChanges {

    private final Accounts accounts;
    private final SignInThrottle throttle;
    private final AuditTrail audit;

    AccountChanges(Accounts accounts, SignInThrottle throttle, AuditTrail audit) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
    }

    Accounts.View create(Accounts.NewAccount account) {
        Accounts.View created = accounts.create(account);
        audit.recordWrite(CurrentCaller.get(), "account.create", created.username(), null, "created");
        return created;
    }

    Accounts.View update(String username, Accounts.Change change) {
        Accounts.View changed = accounts.update(username, change);
        if (change.password() != null) {
            // A new password set by the admin is how a paused member gets back in.
            throttle.release(changed.username());
        }
        audit.recordWrite(CurrentCaller.get(), "account.update", changed.username(), null, "changed " + fields(change));
        return changed;
    }

    void unlock(String username) {
        String name = accounts.get(username).username();
        throttle.release(name);
        audit.recordWrite(CurrentCaller.get(), "account.unlock", name, null);
    }

    /** The names of the fields a change sets. */
    private static String fields(Accounts.Change change) {
        List<String> fields = new ArrayList<>();
        if (change.displayName() != null) fields.add("displayName");
        if (change.organisation() != null) fields.add("organisation");
        if (change.roles() != null) fields.add("roles");
        if (change.sectors() != null) fields.add("sectors");
        if (change.enabled() != null) fields.add(change.enabled() ? "enabled" : "disabled");
        if (change.password() != null) fields.add("password");
        if (change.identityProvider() != null) fields.add("identityProvider");
        return String.join(",", fields);
    }
}
