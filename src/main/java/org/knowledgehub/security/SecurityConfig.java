package org.knowledgehub.security;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Reading is open (the access decision then limits what each caller sees); writing needs the
 * admin role. The API is token-based and stateless, so it keeps no session and needs no CSRF token.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdminToken adminToken) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new AdminTokenFilter(adminToken), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/documents", "/api/indicators/import").hasRole(Role.ADMIN.name())
                        // Asking, reviewing and closing questions: the admin until accounts exist.
                        .requestMatchers(HttpMethod.POST, "/api/questions", "/api/questions/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/update").hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(res,
                                HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "this operation needs the admin token (Authorization: Bearer ...)"))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
                                "your role does not allow this operation")))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
