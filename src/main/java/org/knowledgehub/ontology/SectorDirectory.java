package org.knowledgehub.ontology;

import java.util.Optional;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.HubProperties;
import org.springframework.stereotype.Component;

/** Resolves a sector's code ("wash", "food-security") or IRI to its concept in the sectors scheme. */
@Component
public class SectorDirectory {

    private final ConceptLabels labels;
    private final String scheme;

    public SectorDirectory(ConceptLabels labels, HubProperties hub) {
        this.labels = labels;
        this.scheme = Schemes.sectors(hub.base());
    }

    public Optional<Resource> resolve(String codeOrIri) {
        String trimmed = codeOrIri.strip();
        return labels.inScheme(scheme, trimmed).or(() -> labels.byCode(scheme, trimmed));
    }

    /** The sector's code, as the API shows it. */
    public String code(String sector) {
        return labels.code(sector);
    }
}
