package org.knowledgehub.ontology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.springframework.stereotype.Component;

/**
 * Every label of every concept in the ontology's SKOS schemes, looked up by folded name. This is
 * where a name written in a document meets the vocabulary; adding an altLabel in
 * {@code ontology/} is enough for it to be recognised.
 */
@Component
public class ConceptLabels {

    private static final List<Property> LABEL_PROPERTIES =
            List.of(SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, KH.acronym, SKOS.notation, KH.pcode);

    private final Model model;
    /** scheme IRI -> folded label -> concepts. */
    private final Map<String, Map<String, List<Resource>>> byScheme = new HashMap<>();
    /**
     * Scheme and code of each concept, read once: ingest asks them of every mention, and the
     * ontology does not change while the hub runs.
     */
    private final Map<String, String> schemes = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();

    public ConceptLabels(Ontology ontology) {
        this.model = ontology.model();
        model.listStatements(null, SKOS.inScheme, (RDFNode) null).forEach(st -> {
            Resource concept = st.getSubject();
            String scheme = st.getObject().asResource().getURI();
            schemes.computeIfAbsent(concept.getURI(), c -> concept.getProperty(SKOS.inScheme).getResource().getURI());
            codes.computeIfAbsent(concept.getURI(), this::codeInModel);
            Map<String, List<Resource>> labels = byScheme.computeIfAbsent(scheme, k -> new HashMap<>());
            for (Property p : LABEL_PROPERTIES) {
                concept.listProperties(p).forEach(lst -> {
                    String key = LabelFolding.fold(lst.getString());
                    if (!key.isEmpty()) {
                        List<Resource> list = labels.computeIfAbsent(key, k -> new ArrayList<>(1));
                        if (!list.contains(concept)) {
                            list.add(concept);
                        }
                    }
                });
            }
        });
    }

    /** Concepts of a scheme with this name among their labels (usually zero or one). */
    public List<Resource> lookup(String schemeUri, String name) {
        Map<String, List<Resource>> labels = byScheme.get(schemeUri);
        if (labels == null) {
            return List.of();
        }
        return labels.getOrDefault(LabelFolding.fold(name), List.of());
    }

    /** All labels of a scheme, as written, per concept; for building matchers over text. */
    public Map<Resource, Set<String>> labels(String schemeUri) {
        Map<Resource, Set<String>> out = new HashMap<>();
        model.listSubjectsWithProperty(SKOS.inScheme, model.createResource(schemeUri)).forEach(c -> {
            Set<String> names = new LinkedHashSet<>();
            for (Property p : LABEL_PROPERTIES) {
                c.listProperties(p).forEach(st -> names.add(st.getString()));
            }
            out.put(c, names);
        });
        return out;
    }

    /** The scheme a concept is in, if it is a concept of the ontology. */
    public Optional<String> schemeOf(String concept) {
        return Optional.ofNullable(schemes.get(concept));
    }

    /** The short code of a concept: its P-code for areas, else its notation, else the end of its IRI. */
    public String code(String concept) {
        String code = codes.get(concept);
        return code != null ? code : codeInModel(concept);
    }

    private String codeInModel(String concept) {
        Resource r = model.getResource(concept);
        Statement code = r.getProperty(KH.pcode);
        if (code == null) {
            code = r.getProperty(SKOS.notation);
        }
        return code != null ? code.getString() : concept.substring(concept.lastIndexOf('/') + 1);
    }

    /** The concept with this IRI, if it is a concept of the scheme. */
    public Optional<Resource> inScheme(String schemeUri, String iri) {
        return schemeOf(iri).filter(schemeUri::equals).map(s -> model.getResource(iri));
    }

    /** The concept of a scheme with this code (P-code or notation). */
    public Optional<Resource> byCode(String schemeUri, String code) {
        return lookup(schemeUri, code).stream().filter(c -> code(c.getURI()).equalsIgnoreCase(code)).findFirst();
    }

    /** The concept of a scheme with this code, else the one concept with this name; empty when none or several. */
    public Optional<Resource> byCodeOrName(String schemeUri, String codeOrName) {
        return byCode(schemeUri, codeOrName).or(() -> {
            List<Resource> named = lookup(schemeUri, codeOrName);
            return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
        });
    }

    /** The concepts directly above this one (a district's governorate). */
    public List<String> broader(String concept) {
        return model.getResource(concept).listProperties(SKOS.broader).mapWith(st -> st.getResource().getURI()).toList();
    }

    public Resource resource(String concept) {
        return model.getResource(concept);
    }

    /** The names of a concept as they are written: preferred, alternative and hidden labels, acronym. */
    public Set<String> allLabels(String concept) {
        Set<String> out = new LinkedHashSet<>();
        Resource r = model.getResource(concept);
        for (Property p : List.of(SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, KH.acronym)) {
            r.listProperties(p).forEach(st -> out.add(st.getString()));
        }
        return out;
    }

    /** The concepts directly below this one (a governorate's districts). */
    public List<String> narrower(String concept) {
        return model.listSubjectsWithProperty(SKOS.broader, model.getResource(concept)).mapWith(Resource::getURI).toList();
    }

    /** The English preferred label, else any preferred label, else rdfs:label, else the IRI. */
    public String label(Resource concept) {
        return label(concept, "en");
    }

    /** The preferred label in this language (ISO 639-1), else as {@link #label(Resource)}: pages in French or Arabic. */
    public String label(Resource concept, String language) {
        Resource r = model.getResource(concept.getURI());
        return literal(r, SKOS.prefLabel, language)
                .or(() -> literal(r, SKOS.prefLabel, "en"))
                .or(() -> literal(r, SKOS.prefLabel, null))
                .or(() -> literal(r, RDFS.label, null))
                .orElse(concept.getURI());
    }

    /** The preferred label in each language, by language tag. */
    public Map<String, String> prefLabels(String concept) {
        Map<String, String> out = new TreeMap<>();
        model.getResource(concept).listProperties(SKOS.prefLabel)
                .forEach(st -> out.putIfAbsent(st.getLiteral().getLanguage(), st.getString()));
        return out;
    }

    /** The acronym if the concept has one, else its label: how organisations appear in facets. */
    public String shortName(Resource concept) {
        Resource r = model.getResource(concept.getURI());
        Statement acronym = r.getProperty(KH.acronym);
        return acronym != null ? acronym.getString() : label(concept);
    }

    private static Optional<String> literal(Resource r, Property p, String lang) {
        for (Statement st : r.listProperties(p).toList()) {
            Literal l = st.getLiteral();
            if (lang == null || lang.equalsIgnoreCase(l.getLanguage())) {
                return Optional.of(l.getString());
            }
        }
        return Optional.empty();
    }
}
