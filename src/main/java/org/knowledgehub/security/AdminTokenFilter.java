package org.knowledgehub.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <admin token>} as the admin. */
class AdminTokenFilter extends OncePerRequestFilter {

    private final AdminToken adminToken;

    AdminTokenFilter(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (adminToken.matches(header.substring(7).strip())) {
                var auth = new UsernamePasswordAuthenticationToken("admin", null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name())));
                SecurityContextHolder.getContext().setAuthentication(auth);
            } else {
                ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                        "Unauthorized", "the bearer token is not valid");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
