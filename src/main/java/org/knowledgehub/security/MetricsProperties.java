package org.knowledgehub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read {@code /actuator/prometheus}.
 *
 * @param scrapeToken a token a Prometheus server sends as {@code Authorization: Bearer ...}; empty
 *                    (the default) lets only admins read the metrics
 */
@ConfigurationProperties("kh.metrics")
public record MetricsProperties(@DefaultValue("") String scrapeToken) {
}
