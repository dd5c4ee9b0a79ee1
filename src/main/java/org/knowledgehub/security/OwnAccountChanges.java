package org.knowledgehub.security;

import org.springframework.stereotype.Component;

/**
 * What members change on their own account (API tokens, password), each recorded in the audit
 * trail: {@code /api/me} and the tokens page go through it.
 */
@Component
class OwnAccountChanges {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    OwnAccountChanges(Accounts accounts, ApiTokens tokens, AuditTrail audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    ApiTokens.NewToken createToken(ApiTokens.TokenRequest request) {
        ApiTokens.NewToken created = tokens.create(CurrentCaller.get(), request);
        audit.recordWrite(CurrentCaller.get(), "token.create", created.id(), null, "created");
        return created;
    }

    void revokeToken(String id) {
        tokens.revoke(CurrentCaller.get(), id);
        audit.recordWrite(CurrentCaller.get(), "token.revoke", id, null, "revoked");
    }

    void changePassword(Accounts.PasswordChange change) {
        accounts.changePassword(CurrentCaller.get(), change);
        audit.recordWrite(CurrentCaller.get(), "password.change", CurrentCaller.get().name(), null);
    }
}
