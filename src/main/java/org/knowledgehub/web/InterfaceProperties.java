package org.knowledgehub.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The languages of the web interface (its own strings are in the {@code messages*.properties}
 * bundles, the labels of concepts in the ontology).
 *
 * @param languages       ISO 639-1 codes of the languages the header offers; the first is the default
 * @param cookieMaxAge    how long the browser remembers the reader's choice
 */
@ConfigurationProperties("kh.ui")
public record InterfaceProperties(@DefaultValue({"en", "fr", "ar"}) List<String> languages,
                                  @DefaultValue("365d") Duration cookieMaxAge) {

    public InterfaceProperties {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("kh.ui.languages must name at least one language");
        }
        languages = List.copyOf(languages);
    }
}
