package org.knowledgehub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the metrics endpoint: {@code Authorization: Bearer <kh.metrics.scrape-token>} authenticates a
 * scraper that may read the metrics and nothing else; any other bearer token goes to the
 * {@link BearerTokenFilter} as everywhere. The token is compared in constant time.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "METRICS_SCRAPER";
    private static final Caller SCRAPER = new Caller("metrics-scraper", Set.of(), null, Set.of());

    private final byte[] token;
    private final BearerTokenFilter bearer;

    ScrapeTokenFilter(MetricsProperties properties, BearerTokenFilter bearer) {
        this.token = properties.scrapeToken().strip().getBytes(StandardCharsets.UTF_8);
        this.bearer = bearer;
    }

    /** Whether a token is the configured scrape token; never when none is configured. */
    boolean matches(String candidate) {
        return token.length > 0 && candidate != null
                && MessageDigest.isEqual(token, candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (BearerTokenFilter.carriesBearerToken(request) && matches(header.strip().substring("Bearer".length()))) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SCRAPER, null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
            return;
        }
        bearer.doFilter(request, response, chain);
    }
}
