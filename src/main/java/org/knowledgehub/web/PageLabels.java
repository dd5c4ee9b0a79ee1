package org.knowledgehub.web;

import java.util.Locale;

import org.knowledgehub.ontology.ConceptLabels;
import org.springframework.stereotype.Component;

/**
 * Concept labels in the reader's language on pages whose views carry English ones (areas,
 * indicators, populations of the trends and area pages): {@code ${@labels.of(ref.iri(), ref.label(), #locale)}}.
 * The API keeps the English label.
 */
@Component("labels")
public class PageLabels {

    private final ConceptLabels labels;

    PageLabels(ConceptLabels labels) {
        this.labels = labels;
    }

    /** The preferred label in the reader's language, else {@code shown} (an imported indicator the ontology does not know). */
    public String of(String iri, String shown, Locale reader) {
        if (iri == null || "en".equals(reader.getLanguage())) {
            return shown;
        }
        String label = labels.label(labels.resource(iri), reader.getLanguage());
        return label.equals(iri) ? shown : label;
    }
}
