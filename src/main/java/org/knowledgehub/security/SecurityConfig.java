package org.knowledgehub.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /sparql}, {@code /update}, {@code /graph-store}) is stateless:
 * scripts authenticate every request with a bearer token (API or admin token) or HTTP Basic, and
 * no cookie can make it write, so it needs no CSRF token; a browser's session may only read
 * through it. The pages keep a session: sign-in form (or OpenID Connect, when configured), sign-out,
 * and CSRF tokens on every form. Reading is open on both (the access decision then limits what
 * each caller sees); writing needs a role. Password sign-in paused by {@link SignInThrottle} is a
 * 429 problem on the API and a message on the sign-in page; writes refused for want of a role go
 * into the {@link AuditTrail}.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    private static final String CONTRIBUTOR = Role.CONTRIBUTOR.name();
    private static final String COORDINATOR = Role.COORDINATOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    /**
     * CORS for the read channels that browser tools on other origins use: the SPARQL endpoint
     * (queries by GET and POST), search, answers, trends, the Graph Store Protocol's reads, the
     * export and Linked Data. Never with credentials: a page of another origin cannot ride on a
     * browser's session cookie; it may send a token it holds in {@code Authorization}.
     * Spring Security's {@code cors()} finds this bean by its name.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/sparql", cors(properties, "GET", "HEAD", "POST"));
        CorsConfiguration reads = cors(properties, "GET", "HEAD");
        for (String path : new String[]{"/api/search", "/api/ask", "/api/trends", "/api/trends/**", "/api/export", "/graph-store",
                "/id/**"}) {
            source.registerCorsConfiguration(path, reads);
        }
        return source;
    }

    private static CorsConfiguration cors(CorsProperties properties, String... methods) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(List.of(methods));
        config.setAllowedHeaders(List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION));
        config.setExposedHeaders(List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
                HttpHeaders.VARY));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        return config;
    }

    /**
     * The Prometheus metrics: admins (token, API token or Basic), or a scraper with the configured
     * {@code kh.metrics.scrape-token}; stateless like the API.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, AdminToken adminToken, ApiTokens apiTokens, AccountStore store,
                                MetricsProperties metrics) throws Exception {
        stateless(http, store)
                .securityMatcher("/actuator/prometheus")
                .addFilterBefore(new ScrapeTokenFilter(metrics, new BearerTokenFilter(adminToken, apiTokens)),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(ADMIN, ScrapeTokenFilter.ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(
                        (req, res, ex) -> ProblemResponses.write(res, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
                                "the metrics are for admins and the configured scraper (kh.metrics.scrape-token)")))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AdminToken adminToken, ApiTokens apiTokens, AccountStore store, AuditTrail audit)
            throws Exception {
        stateless(http, store)
                .securityMatcher("/api/**", "/sparql", "/update", "/graph-store")
                .cors(Customizer.withDefaults())
                .addFilterBefore(new BearerTokenFilter(adminToken, apiTokens), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/documents").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        // Who owns the document is decided by MetadataCorrections.
                        .requestMatchers(HttpMethod.PATCH, "/api/documents/*/metadata").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        .requestMatchers("/api/ingests", "/api/ingests/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/observations", "/api/observations/import").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/observations/*/reviews").hasAnyRole(COORDINATOR, ADMIN)
                        // Withdrawing: the contributing organisation's members; the service checks which.
                        .requestMatchers(HttpMethod.DELETE, "/api/observations/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/questions").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/questions/**").hasAnyRole(COORDINATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/indicators/import").hasRole(ADMIN)
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasRole(ADMIN)
                        .requestMatchers("/api/audit").hasRole(ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .requestMatchers("/api/organisations/proposed", "/api/organisations/proposed/*").hasAnyRole(COORDINATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/me").permitAll()
                        .requestMatchers("/api/me/**").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(ADMIN)
                        .requestMatchers("/update").hasRole(ADMIN)
                        // The Graph Store Protocol: reads as on /sparql, writes as on /update.
                        .requestMatchers(HttpMethod.GET, "/graph-store").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/graph-store").permitAll()
                        .requestMatchers("/graph-store").hasRole(ADMIN)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden(audit)))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AdminToken adminToken, ApiTokens apiTokens, AccountStore store,
                              ObjectProvider<ClientRegistrationRepository> registrations, OidcAccounts oidcAccounts,
                              AuditTrail audit) throws Exception {
        ExceptionMappingAuthenticationFailureHandler signInFailed = new ExceptionMappingAuthenticationFailureHandler();
        signInFailed.setDefaultFailureUrl("/login?error");
        signInFailed.setExceptionMappings(Map.of(SignInThrottle.Paused.class.getName(), "/login?paused"));
        http
                .securityContext(c -> c.securityContextRepository(SessionCallers.forPages(store)))
                // Linked Data (/id/**) for pages of other origins; the configuration source names the paths.
                .cors(Customizer.withDefaults())
                // Linked Data is read-only and has no forms: a script with a token that sends it a PUT gets
                // the method's own answer (405), not a complaint about a missing CSRF token. Page forms
                // still need the session's token, with or without an API token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(req -> BearerTokenFilter.carriesBearerToken(req)
                        && (req.getRequestURI().startsWith("/id/") || req.getRequestURI().startsWith("/shapes/"))))
                .formLogin(f -> f.loginPage("/login").failureHandler(signInFailed).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                // Linked Data for scripts: /id/... with a token, as on the API.
                .addFilterAfter(new BearerTokenFilter(adminToken, apiTokens), CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // Asking a research question from a page: any signed-in member, as on the API.
                        .requestMatchers(HttpMethod.POST, "/questions").authenticated()
                        // Reviewing candidates and closing questions from their page: as on the API.
                        .requestMatchers(HttpMethod.POST, "/questions/*/reviews", "/questions/*/status").hasAnyRole(COORDINATOR, ADMIN)
                        .requestMatchers("/observations/new").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        .requestMatchers("/organisations/proposed", "/organisations/proposed/*").hasAnyRole(COORDINATOR, ADMIN)
                        // The observation review queue and its verdicts, as POST /api/observations/*/reviews;
                        // a contributor's list of their organisation's observations, as the form.
                        .requestMatchers("/observations/review", "/observations/*/reviews").hasAnyRole(COORDINATOR, ADMIN)
                        .requestMatchers("/observations/mine").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        // The import page and its form: as POST /api/indicators/import.
                        .requestMatchers("/indicators/import").hasRole(ADMIN)
                        // The upload page and its form: as POST /api/documents.
                        .requestMatchers("/documents/new").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        .requestMatchers("/ingests", "/ingests/**").authenticated()
                        // The pages of the accounts and audit APIs, and of one's own tokens and password.
                        .requestMatchers("/accounts", "/accounts/**", "/audit").hasRole(ADMIN)
                        .requestMatchers("/me/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/observations").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/documents/*/metadata").hasAnyRole(CONTRIBUTOR, COORDINATOR, ADMIN)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(forbidden(audit)))
                .headers(SecurityConfig::headers);
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcAccountUserService(oidcAccounts, audit))));
        }
        return http.build();
    }

    /** What the chains for scripts share: no CSRF, no session, the caller from a token or Basic, no sign-in form. */
    private static HttpSecurity stateless(HttpSecurity http, AccountStore store) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(SessionCallers.forReads(store)))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized()))
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (req, res, ex) -> {
            if (ex instanceof SignInThrottle.Paused paused) {
                res.setHeader("Retry-After", Long.toString(paused.retryAfterSeconds()));
                ProblemResponses.write(res, 429, "too-many-requests", "Too many requests",
                        "too many failed sign-ins: sign-in is paused; try again after the seconds in Retry-After, "
                                + "or ask an admin to lift the pause");
                return;
            }
            ProblemResponses.write(res, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized",
                    ex instanceof BadCredentialsException
                            ? "the user name or password was not accepted"
                            : "this operation needs you to sign in: an API token (Authorization: Bearer ...) or HTTP Basic");
        };
    }

    private static AccessDeniedHandler forbidden(AuditTrail audit) {
        return (req, res, ex) -> {
            if (isWrite(req)) {
                audit.recordWrite(CurrentCaller.get(), "denied", req.getMethod() + " " + req.getRequestURI(), null, "forbidden");
            } else if (pageRequest(req)) {
                res.sendError(HttpServletResponse.SC_FORBIDDEN); // the error page renders it as a page of the hub
                return;
            }
            ProblemResponses.write(res, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
                    ex instanceof CsrfException
                            ? "the form is out of date or did not come from this site (missing or invalid CSRF token); reload the page"
                            : "your role does not allow this operation");
        };
    }

    /** A browser opening a page (HTML asked for first), not a script: it gets the problem as a page. */
    private static boolean pageRequest(HttpServletRequest req) {
        String accept = req.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.startsWith("text/html") && !req.getRequestURI().startsWith("/api/");
    }

    private static boolean isWrite(HttpServletRequest req) {
        String method = req.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
