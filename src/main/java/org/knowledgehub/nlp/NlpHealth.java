package org.knowledgehub.nlp;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "nlp": up when the models are loaded; "loading" while they
 * are, which does not take the service down (search works meanwhile; ingests wait). "pipelines"
 * lists the languages whose pipelines are loaded: French and Arabic only once a document came in them.
 */
@Component("nlp")
class NlpHealth implements HealthIndicator {

    private final CoreNlpEngine engine;
    private final NlpProperties properties;

    NlpHealth(CoreNlpEngine engine, NlpProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("nlp", "disabled").build();
        }
        return Health.up().withDetail("models", engine.ready() ? "loaded" : "loading")
                .withDetail("engine", CoreNlpEngine.VERSION).withDetail("pipelines", CoreNlpEngine.loadedLanguages()).build();
    }
}
