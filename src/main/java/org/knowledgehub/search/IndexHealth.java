package org.knowledgehub.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "index": up once the search index is open and readable. */
@Component("index")
class IndexHealth implements HealthIndicator {

    private final PassageIndex index;

    IndexHealth(PassageIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("passages", index.count()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
