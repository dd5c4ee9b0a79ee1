package org.knowledgehub.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "store": up once the TDB2 store answers a read. */
@Component("store")
class StoreHealth implements HealthIndicator {

    private final KnowledgeStore store;
    private final GraphCatalog catalog;

    StoreHealth(KnowledgeStore store, GraphCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public Health health() {
        try {
            long graphs = store.readAll(d -> d.listGraphNodes().hasNext() ? catalog.all().size() : 0L);
            return Health.up().withDetail("graphs", graphs).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
