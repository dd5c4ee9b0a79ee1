package org.knowledgehub.sparql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SPARQL endpoint settings.
 *
 * @param timeout    longest a query may run before it is cancelled (503)
 * @param maxResults most rows (or triples) one response may hold
 */
@ConfigurationProperties("kh.sparql")
public record SparqlProperties(@DefaultValue("30s") Duration timeout, @DefaultValue("200000") int maxResults) {
}
