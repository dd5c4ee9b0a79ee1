package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * The indicators of the ontology as tables name them: by notation, preferred or alternative label,
 * or a {@code kh:columnHeading}. Hidden labels are left out on purpose: they are the vocabulary of
 * prose ("moderate food insecurity" names the moderate-or-severe rate in a sentence, but a column
 * of moderately food insecure households in a table).
 */
@Component
class IndicatorVocabulary {

    private static final List<Property> NAMES = List.of(SKOS.notation, SKOS.prefLabel, SKOS.altLabel, KH.columnHeading);

    private final Map<String, List<String>> byName = new HashMap<>();
    private final Map<String, List<String>> sums = new HashMap<>();
    private final Model model;
    private final ConceptLabels labels;
    private final Uris uris;
    private final String scheme;

    IndicatorVocabulary(Ontology ontology, ConceptLabels labels, Uris uris, HubProperties hub) {
        this.model = ontology.model();
        this.labels = labels;
        this.uris = uris;
        this.scheme = Schemes.indicators(hub.base());
        model.listSubjectsWithProperty(SKOS.inScheme, model.createResource(scheme)).forEach(concept -> {
            for (Property p : NAMES) {
                concept.listProperties(p).forEach(st -> {
                    List<String> concepts = byName.computeIfAbsent(key(st.getString()), k -> new ArrayList<>(1));
                    if (!concepts.contains(concept.getURI())) {
                        concepts.add(concept.getURI());
                    }
                });
            }
            List<String> parts = concept.listProperties(KH.sumOf).mapWith(st -> st.getResource().getURI()).toList();
            if (!parts.isEmpty()) {
                sums.put(concept.getURI(), parts);
            }
        });
    }

    /**
     * The ontology indicator a table's name for it denotes: the whole name, or for a heading of
     * several levels ("Household MEB/SMEB Categories: &lt; SMEB (87US$)") its last level.
     */
    Optional<String> match(String name) {
        String trimmed = name.strip();
        if (trimmed.startsWith(uris.indicator("")) && isOntologyIndicator(trimmed)) {
            return Optional.of(trimmed);
        }
        Optional<String> whole = unique(key(trimmed));
        if (whole.isPresent()) {
            return whole;
        }
        int last = trimmed.lastIndexOf(": ");
        return last < 0 ? Optional.empty() : unique(key(trimmed.substring(last + 2)));
    }

    /** The indicators whose value is the sum of others' ({@code kh:sumOf}), with those others. */
    Map<String, List<String>> sums() {
        return sums;
    }

    boolean isOntologyIndicator(String iri) {
        return labels.schemeOf(iri).filter(scheme::equals).isPresent();
    }

    /** The name an import gives an indicator it creates from a heading: the heading without what is in parentheses. */
    static String labelFor(String heading) {
        String label = heading.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
        label = label.replaceAll("\\s+:", ":").replaceAll(":$", "").strip();
        return label.isEmpty() ? heading.strip() : label;
    }

    /**
     * The code (and IRI end) of an indicator an import creates; the same label always gives the
     * same code, and long headings that differ only at their end ("...Monthly average: Bread &amp;
     * Pasta") still differ.
     */
    static String codeFor(String label) {
        return Slugs.of(label);
    }

    String label(String indicator) {
        return labels.label(model.getResource(indicator));
    }

    String code(String indicator) {
        return labels.code(indicator);
    }

    /** The unit of an ontology indicator ("% of households"), or null. */
    String unit(String indicator) {
        Statement st = model.getResource(indicator).getProperty(KH.unit);
        return st == null ? null : st.getString();
    }

    /** The codes of the sectors an ontology indicator belongs to. */
    List<String> sectors(String indicator) {
        return model.getResource(indicator).listProperties(DCTerms.subject)
                .mapWith(Statement::getObject).filterKeep(RDFNode::isURIResource)
                .mapWith(o -> labels.code(((Resource) o).getURI())).toList();
    }

    /** How names are compared: thresholds in parentheses dropped, "&lt;" read as "below", case and punctuation folded. */
    private static String key(String name) {
        String s = name.replaceAll("\\([^)]*\\)", " ")
                .replaceAll("(?<![<>=])<(?!=)", " below ")
                .replaceAll("(?<![<>=])>(?!=)", " above ");
        return LabelFolding.fold(s);
    }

    private Optional<String> unique(String key) {
        List<String> found = byName.getOrDefault(key, List.of());
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

}
