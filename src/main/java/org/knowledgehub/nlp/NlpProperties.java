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
 * @param organisationThreshold the least confidence an organisation link needs to count: below it
 *                   the mention keeps its link and score, but its passage is not said to mention the
 *                   organisation, so answers neither filter on it nor name it, and it is no facet value
 */
@ConfigurationProperties("kh.nlp")
public record NlpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20000") int chunkChars,
                            @DefaultValue("100") int longestWord, @DefaultValue("0.5") double organisationThreshold) {
}
