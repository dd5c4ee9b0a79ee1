package org.knowledgehub.store;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the graph is kept.
 *
 * @param url            a SPARQL 1.1 dataset service (the base of a Fuseki dataset, with {@code /query}
 *                       and {@code /update} under it) that holds the store instead of the embedded TDB2
 *                       folder; unset: embedded
 * @param connectTimeout how long to wait for that service to accept a connection
 * @param queryTimeout   how long the service may take over one of the hub's queries: sent with each
 *                       (Fuseki's {@code timeout} parameter), so a query the hub gave up on does not keep
 *                       the service busy
 * @param followInterval how often the hub reads which graphs other hubs sharing the remote store have
 *                       changed, and brings its access catalog and records up to date
 */
@ConfigurationProperties("kh.store")
public record StoreProperties(URI url, @DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration queryTimeout,
                              @DefaultValue("2s") Duration followInterval) {
}
