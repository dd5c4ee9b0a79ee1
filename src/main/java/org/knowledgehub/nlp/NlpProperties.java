package org.knowledgehub.nlp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Entity extraction settings.
 *
 * @param enabled whether ingest runs CoreNLP and links entities (off: only structure and text)
 */
@ConfigurationProperties("kh.nlp")
public record NlpProperties(@DefaultValue("true") boolean enabled) {
}
