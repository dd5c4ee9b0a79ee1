package org.knowledgehub.security;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * A browser's sign-in, kept in its HTTP session. On every request the session's user is looked
 * up again, so a disabled account or a changed role takes effect at once, not at the next sign-in.
 * <p>
 * In {@linkplain #forReads() read-only} form (the API's chain) a session authenticates only
 * requests that cannot change anything (GET, HEAD, a SPARQL query): links from pages to the API
 * work for the signed-in user, while every write through the API still needs a token, so the
 * API needs no CSRF protection.
 */
final class SessionCallers implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final AccountStore store;
    private final boolean readsOnly;

    private SessionCallers(AccountStore store, boolean readsOnly) {
        this.store = store;
        this.readsOnly = readsOnly;
    }

    static SessionCallers forPages(AccountStore store) {
        return new SessionCallers(store, false);
    }

    static SessionCallers forReads(AccountStore store) {
        return new SessionCallers(store, true);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (!applies(request)) {
            return new Deferred(SecurityContextHolder::createEmptyContext, () -> true);
        }
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new Deferred(() -> refreshed(stored.get()), stored::isGenerated);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (!readsOnly) {
            sessions.saveContext(context, request, response);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return applies(request) && sessions.containsContext(request);
    }

    private boolean applies(HttpServletRequest request) {
        if (!readsOnly) {
            return true;
        }
        String method = request.getMethod();
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
                || HttpMethod.POST.matches(method)
                && "/sparql".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The session's user as the account is now; anonymous if it is gone or disabled. */
    private SecurityContext refreshed(SecurityContext stored) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Authentication auth = stored.getAuthentication();
        if (auth != null && auth.isAuthenticated()) {
            store.find(auth.getName()).filter(Account::enabled)
                    .ifPresent(account -> context.setAuthentication(CallerAuthentication.of(account.caller())));
        }
        return context;
    }

    /** Computed once, when first asked for. */
    private static final class Deferred implements DeferredSecurityContext {

        private final Supplier<SecurityContext> supplier;
        private final BooleanSupplier generated;
        private SecurityContext context;

        Deferred(Supplier<SecurityContext> supplier, BooleanSupplier generated) {
            this.supplier = supplier;
            this.generated = generated;
        }

        @Override
        public SecurityContext get() {
            if (context == null) {
                context = supplier.get();
            }
            return context;
        }

        @Override
        public boolean isGenerated() {
            return generated.getAsBoolean();
        }
    }
}
