package org.knowledgehub.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "index": up once the search index is open and readable, with
 * its passages and those still waiting for their sentence embeddings.
 */
@Component("index")
class IndexHealth implements HealthIndicator {

    private final PassageIndex index;
    private final PassageVectors vectors;

    IndexHealth(PassageIndex index, PassageVectors vectors) {
        this.index = index;
        this.vectors = vectors;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("passages", index.count())
                    .withDetail("passagesAwaitingVectors", vectors.pending()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
