package org.knowledgehub.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the configured admin token, or an
 * account's API token. A token that is neither is refused outright rather than treated as
 * anonymous, so a script with a revoked token fails loudly.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AdminToken adminToken;
    private final ApiTokens apiTokens;

    BearerTokenFilter(AdminToken adminToken, ApiTokens apiTokens) {
        this.adminToken = adminToken;
        this.apiTokens = apiTokens;
    }

    /** Whether the request's Authorization header is a bearer token (valid or not: the filter decides). */
    static boolean carriesBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.strip().regionMatches(true, 0, "Bearer", 0, 6);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String scheme = header == null ? null : header.strip().split("\\s+", 2)[0];
        if (scheme != null && !scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("Basic")) {
            // Not silently anonymous: the caller meant to sign in.
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "the Authorization scheme is not supported; send Bearer with an API token, or Basic");
            return;
        }
        if (scheme != null && scheme.equalsIgnoreCase("Bearer")) {
            String token = header.strip().substring(scheme.length()).strip();
            ApiTokens.Check check = adminToken.matches(token) ? ApiTokens.Check.valid(CallerAuthentication.ADMIN_TOKEN)
                    : apiTokens.authenticate(token);
            if (check.caller() == null) {
                ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, check.expired() ? "token-expired" : "unauthorized",
                        check.expired() ? "Token expired" : "Unauthorized", check.refusal());
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(CallerAuthentication.of(check.caller()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
