package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The scrape token: accepted only when configured and only exactly; a scraper gets the metrics role and no other. */
class ScrapeTokenFilterTest {

    /** Never reached by these cases: other tokens are MetricsTest's, over HTTP. */
    private final BearerTokenFilter refusingEveryOtherToken = new BearerTokenFilter(null, null);

    @Test
    void aConfiguredTokenMatchesOnlyItself() {
        ScrapeTokenFilter filter = new ScrapeTokenFilter(new MetricsProperties("scrape-secret"), refusingEveryOtherToken);
        assertThat(filter.matches("scrape-secret")).isTrue();
        assertThat(filter.matches("scrape-secreT")).isFalse();
        assertThat(filter.matches("scrape-secret-longer")).isFalse();
        assertThat(filter.matches("")).isFalse();
        assertThat(filter.matches(null)).isFalse();
    }

    @Test
    void withoutAConfiguredTokenNothingMatches() {
        ScrapeTokenFilter filter = new ScrapeTokenFilter(new MetricsProperties(""), refusingEveryOtherToken);
        assertThat(filter.matches("")).isFalse();
        assertThat(filter.matches(" ")).isFalse();
    }

    @Test
    void theScraperIsAuthenticatedWithTheMetricsRoleOnly() throws Exception {
        ScrapeTokenFilter filter = new ScrapeTokenFilter(new MetricsProperties("scrape-secret"), refusingEveryOtherToken);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.addHeader("Authorization", "Bearer scrape-secret");
        AtomicReference<Authentication> seen = new AtomicReference<>();
        try {
            filter.doFilter(request, new MockHttpServletResponse(),
                    (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(seen.get()).isNotNull();
        assertThat(seen.get().getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_METRICS_SCRAPER");
    }
}
