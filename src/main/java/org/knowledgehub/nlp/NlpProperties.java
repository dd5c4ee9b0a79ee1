package org.knowledgehub.nlp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Entity extraction settings.
 *
 * @param enabled    whether ingest runs CoreNLP and links entities (off: only structure and text)
 * @param chunkChars most characters CoreNLP annotates at once: a document is annotated piece by
 *                   piece, so memory does not grow with its length
 * @param longestWord runs of more non-space characters than this are no words and are not annotated
 */
@ConfigurationProperties("kh.nlp")
public record NlpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20000") int chunkChars,
                            @DefaultValue("100") int longestWord) {
}
