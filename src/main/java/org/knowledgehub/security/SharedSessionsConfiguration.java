package org.knowledgehub.security;

import java.time.Clock;
import java.time.Duration;

import org.knowledgehub.store.SharedRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * With a remote store ({@code kh.store.url}), browser sessions live in it (Spring Session over
 * {@link SharedSessions}) instead of in the servlet container, so replicas sharing the store share
 * them. The cookie keeps the container's name and the {@code server.servlet.session.cookie} settings.
 */
@Configuration(proxyBeanMethods = false)
// A blank kh.store.url is no remote store (@ConditionalOnProperty would take it as set).
@ConditionalOnExpression("!'${kh.store.url:}'.isBlank()")
@EnableSpringHttpSession
class SharedSessionsConfiguration {

    @Bean
    SharedSessions sharedSessions(SharedRecords records, @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return new SharedSessions(records, timeout, Clock.systemUTC());
    }

    @Bean
    CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.secure:false}") boolean secure,
                                   @Value("${server.servlet.session.cookie.same-site:lax}") String sameSite) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(secure);
        cookie.setSameSite(Character.toUpperCase(sameSite.charAt(0)) + sameSite.substring(1).toLowerCase());
        return cookie;
    }
}
