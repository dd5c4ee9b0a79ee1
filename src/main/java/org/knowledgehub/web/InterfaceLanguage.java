package org.knowledgehub.web;

import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The reader's interface language: chosen with {@code ?lang=fr} on any page (the header's links),
 * remembered in a cookie, the first of {@code kh.ui.languages} (English) until then. The browser's
 * Accept-Language is not consulted: the hub is run in English, and a reader switches on purpose.
 */
@Configuration
class InterfaceLanguage implements WebMvcConfigurer {

    static final String PARAMETER = "lang";
    static final String COOKIE = "kh-lang";

    private final InterfaceProperties properties;

    InterfaceLanguage(InterfaceProperties properties) {
        this.properties = properties;
    }

    /** Named so, Spring's DispatcherServlet finds it. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocale(Locale.forLanguageTag(properties.languages().getFirst()));
        resolver.setCookieMaxAge(properties.cookieMaxAge());
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Switch());
    }

    /**
     * Only on GET (a form that happens to post a field named lang changes nothing, and a POST's
     * body is left to its handler), and only to a language the interface has: any other value is
     * ignored.
     */
    private final class Switch extends LocaleChangeInterceptor {

        Switch() {
            setParamName(PARAMETER);
            setIgnoreInvalidLocale(true);
        }

        /**
         * Reads the parameter only when the query names it: reading any parameter makes the container
         * parse them all, a POST's body included, and on the error dispatch of a request whose
         * parameters could not be read (an upload over the limit) that fails again.
         */
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws ServletException {
            String query = request.getQueryString();
            boolean named = request.getDispatcherType() == DispatcherType.REQUEST && "GET".equals(request.getMethod())
                    && query != null && (query.startsWith(PARAMETER + "=") || query.contains("&" + PARAMETER + "="));
            return !named || super.preHandle(request, response, handler);
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            if (!properties.languages().contains(value)) {
                throw new IllegalArgumentException("not an interface language: " + value);
            }
            return Locale.forLanguageTag(value);
        }
    }
}
