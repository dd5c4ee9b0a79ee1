package org.knowledgehub.sparql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SPARQL endpoint settings. Queries and updates run on their own pool of {@code workers} threads,
 * so that heavy queries cannot take every core from search, answers and pages.
 *
 * @param timeout       longest a query may run before it is cancelled (503)
 * @param maxResults    most rows (or triples) one response may hold
 * @param workers       queries (and updates) run at once; 1 leaves the second core of a 2-core machine to the rest
 * @param queue         queries that may wait for a worker; beyond that, 503 with Retry-After
 * @param perAddress    queries one anonymous client address may have running or waiting; beyond that, 429
 * @param perCaller     the same for one signed-in caller (API token, session, admin token)
 * @param maxDepth      deepest nesting of operators, expressions and paths a query may have (400 beyond)
 * @param retryAfter    what Retry-After says when a query is refused for load
 */
@ConfigurationProperties("kh.sparql")
public record SparqlProperties(@DefaultValue("30s") Duration timeout, @DefaultValue("200000") int maxResults,
                               @DefaultValue("1") int workers, @DefaultValue("4") int queue,
                               @DefaultValue("2") int perAddress, @DefaultValue("4") int perCaller,
                               @DefaultValue("200") int maxDepth, @DefaultValue("5s") Duration retryAfter) {
}
