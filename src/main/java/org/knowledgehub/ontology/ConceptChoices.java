package org.knowledgehub.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.HubProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The sectors, areas, population groups and indicators as pages name and offer them (the question
 * and observation forms, the question pages): each code with the label a person reads, areas with
 * their P-code too. Read once from the ontology.
 */
@Component
public class ConceptChoices {

    /** The languages besides English the ontology labels its concepts in. */
    private static final Set<String> TRANSLATED = Set.of("fr", "ar");

    /** A concept as a page shows it. */
    public record Choice(String code, String label) {
    }

    private final Map<String, Choice> sectors;
    private final Map<String, Choice> areas;
    /** The country, governorates and districts: the areas forms offer (an observation is for one of them). */
    private final List<Choice> administrativeAreas;
    private final Map<String, Choice> populations;
    private final Map<String, Choice> indicators;

    private final ConceptLabels labels;
    private final HubProperties hub;
    /** The English choices (this bean), which keep the translations, made when a page first asks for one. */
    private final ConceptChoices english;
    private final Map<String, ConceptChoices> translations = new ConcurrentHashMap<>();

    @Autowired
    ConceptChoices(ConceptLabels labels, HubProperties hub) {
        this(labels, hub, "en", null);
    }

    private ConceptChoices(ConceptLabels labels, HubProperties hub, String language, ConceptChoices english) {
        this.english = english == null ? this : english;
        this.labels = labels;
        this.hub = hub;
        this.sectors = choices(labels, Schemes.sectors(hub.base()), false, language);
        this.areas = choices(labels, Schemes.areas(hub.base()), true, language);
        this.administrativeAreas = areas.values().stream().filter(a -> labels.byCode(Schemes.areas(hub.base()), a.code())
                .map(r -> r.getProperty(KH.adminLevel)).filter(level -> level != null && level.getInt() <= 2).isPresent()).toList();
        this.populations = choices(labels, Schemes.populations(hub.base()), false, language);
        this.indicators = choices(labels, Schemes.indicators(hub.base()), false, language);
    }

    /**
     * The same choices with labels in the reader's language where the ontology has them, English
     * otherwise.
     */
    public ConceptChoices in(Locale reader) {
        String language = reader.getLanguage();
        return TRANSLATED.contains(language)
                ? english.translations.computeIfAbsent(language, l -> new ConceptChoices(labels, hub, l, english))
                : english;
    }

    private static Map<String, Choice> choices(ConceptLabels labels, String scheme, boolean withCode, String language) {
        List<Choice> out = new ArrayList<>();
        for (Resource concept : labels.labels(scheme).keySet()) {
            String code = labels.code(concept.getURI());
            String label = labels.label(concept, language);
            out.add(new Choice(code, withCode ? label + " (" + code + ")" : label));
        }
        out.sort(Comparator.comparing(Choice::code));
        Map<String, Choice> byCode = new LinkedHashMap<>();
        out.forEach(c -> byCode.put(c.code(), c));
        return byCode;
    }

    public List<Choice> sectors() {
        return List.copyOf(sectors.values());
    }

    public List<Choice> areas() {
        return administrativeAreas;
    }

    public List<Choice> populations() {
        return List.copyOf(populations.values());
    }

    public List<Choice> sectors(List<String> codes) {
        return codes.stream().map(c -> sectors.getOrDefault(c, new Choice(c, c))).toList();
    }

    public List<Choice> areas(List<String> codes) {
        return codes.stream().map(c -> areas.getOrDefault(c, new Choice(c, c))).toList();
    }

    public Choice population(String code) {
        return code == null ? null : populations.getOrDefault(code, new Choice(code, code));
    }

    public Choice indicator(String code) {
        return indicators.getOrDefault(code, new Choice(code, code));
    }

    public Choice area(String code) {
        return areas.getOrDefault(code, new Choice(code, code));
    }
}
