package org.knowledgehub.security;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/accounts}: the admin creates, lists, changes and disables local accounts, and lifts
 * a sign-in pause. Every change goes into the audit trail (which fields changed, never their values).
 */
@RestController
@Tag(name = "accounts")
class AccountController {

    private final Accounts accounts;
    private final AccountChanges changes;

    AccountController(Accounts accounts, AccountChanges changes) {
        this.accounts = accounts;
        this.changes = changes;
    }

    @PostMapping("/api/accounts")
    @Operation(summary = "Create an account (admin)",
            description = "username, displayName, organisation (name, acronym or IRI), roles (contributor, coordinator, analyst, "
                    + "admin), sectors (codes; a coordinator needs one), password (at least 12 characters) or identityProvider "
                    + "(an OpenID Connect registration id). 409 when the username is taken.")
    ResponseEntity<Accounts.View> create(@RequestBody(required = false) Accounts.NewAccount account) {
        if (account == null) {
            throw Problems.invalid("username", "the body must be a JSON object with username, roles and password");
        }
        Accounts.View created = changes.create(account);
        return ResponseEntity.created(URI.create("/api/accounts/" + created.username())).body(created);
    }

    @GetMapping("/api/accounts")
    @Operation(summary = "List the accounts (admin)")
    List<Accounts.View> list() {
        return accounts.list();
    }

    @GetMapping("/api/accounts/{username}")
    @Operation(summary = "Describe an account (admin)")
    Accounts.View get(@PathVariable String username) {
        return accounts.get(username);
    }

    @PatchMapping("/api/accounts/{username}")
    @Operation(summary = "Change an account (admin)",
            description = "Any of displayName, organisation (empty to remove), roles, sectors, enabled (false disables the "
                    + "account, its sessions and its tokens at once), password, identityProvider.")
    Accounts.View update(@PathVariable String username, @RequestBody(required = false) Accounts.Change change) {
        if (change == null) {
            throw Problems.invalid("body", "the body must be a JSON object with the fields to change");
        }
        return changes.update(username, change);
    }

    @PostMapping("/api/accounts/{username}/unlock")
    @Operation(summary = "Lift a sign-in pause (admin)",
            description = "After too many failed sign-ins an account's name is paused for kh.security.sign-in.pause; this "
                    + "lifts the pause and forgets the failures.")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        changes.unlock(username);
        return ResponseEntity.noContent().build();
    }
}
