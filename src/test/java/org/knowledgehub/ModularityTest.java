package org.knowledgehub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (ingest, search, sparql, store, security, ontology, web) depend on each
 * other without cycles; Spring Modulith fails this test when a change introduces one.
 */
class ModularityTest {

    @Test
    void featurePackagesHaveNoCycles() {
        ApplicationModules modules = ApplicationModules.of(KnowledgeHubApplication.class);
        modules.verify();
    }
}
