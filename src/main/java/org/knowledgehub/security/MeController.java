package org.knowledgehub.security;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me}: who the caller is, the caller's API tokens and password. */
@RestController
@Tag(name = "accounts")
class MeController {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final OwnAccountChanges changes;

    MeController(Accounts accounts, ApiTokens tokens, OwnAccountChanges changes) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.changes = changes;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who am I", description = "Name, roles, organisation and sectors of the caller; signedIn=false for anonymous callers.")
    Accounts.Profile me() {
        return accounts.profile(CurrentCaller.get());
    }

    @GetMapping("/api/me/tokens")
    @Operation(summary = "My API tokens (never their secrets)")
    List<ApiTokens.TokenView> list() {
        return tokens.list(CurrentCaller.get());
    }

    @PostMapping("/api/me/tokens")
    @Operation(summary = "Create an API token",
            description = "Body {\"name\": \"...\", \"expiresInDays\": 90} (expiresInDays 1-3650, absent for never). The token "
                    + "is in the answer and nowhere else: keep it. Send it as 'Authorization: Bearer <token>'; it acts as your "
                    + "account until it expires or you revoke it. An expired token is refused with 401 and a problem saying so.")
    ResponseEntity<ApiTokens.NewToken> create(@RequestBody(required = false) ApiTokens.TokenRequest request) {
        ApiTokens.NewToken created = changes.createToken(request);
        return ResponseEntity.created(URI.create("/api/me/tokens/" + created.id())).body(created);
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @Operation(summary = "Revoke one of my API tokens")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        changes.revokeToken(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/me/password")
    @Operation(summary = "Change my password", description = "Body {\"current\": \"...\", \"password\": \"...\"} (at least 12 characters).")
    ResponseEntity<Void> password(@RequestBody(required = false) Accounts.PasswordChange change) {
        if (change == null) {
            throw Problems.invalid("password", "the body must be a JSON object with current and password");
        }
        changes.changePassword(change);
        return ResponseEntity.noContent().build();
    }
}
