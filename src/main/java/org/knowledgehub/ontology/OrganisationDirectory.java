package org.knowledgehub.ontology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.knowledgehub.HubProperties;
import org.springframework.stereotype.Component;

/**
 * Resolves an organisation's name as written ("UNHabitat", "Habitat for Humanity HFH",
 * "World Food Programme", "PAM"), or its IRI, to its resource in the organisations scheme, or to
 * an organisation a reviewer accepted from the proposals. Also knows the names reviewers rejected
 * as no organisation, which are never proposed again.
 */
@Component
public class OrganisationDirectory {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NAME_WITH_ACRONYM = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");
    private static final Pattern LIST_OF_NAMES = Pattern.compile("[,;&]|\\s(and|or)$");

    /** Names shorter than this (folded) are not matched by similarity: too many words look alike. */
    private static final int SHORTEST_FUZZY = 5;
    private static final double CLOSE_ENOUGH = 0.85;

    /**
     * An organisation a reviewer accepted into the directory.
     *
     * @param acronym may be null
     * @param alias   another name it is written under; may be null
     * @param kind    what kind of organisation ("NGO", "UN agency"...); may be null
     */
    public record Addition(String iri, String name, String acronym, String alias, String kind) {

        public List<String> names() {
            List<String> out = new ArrayList<>(List.of(name));
            if (acronym != null) {
                out.add(acronym);
            }
            if (alias != null) {
                out.add(alias);
            }
            return out;
        }
    }

    private final ConceptLabels labels;
    private final String scheme;
    /** folded name -> accepted organisations with that name. */
    private final Map<String, List<Resource>> addedByName = new ConcurrentHashMap<>();
    private final Map<String, Addition> added = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    /** The names of the organisations of {@code ontology/}, by IRI, for matching by similarity. */
    private final Map<String, Set<String>> ontologyNames = new java.util.HashMap<>();

    public OrganisationDirectory(ConceptLabels labels, HubProperties hub) {
        this.labels = labels;
        this.scheme = Schemes.organisations(hub.base());
        labels.labels(scheme).forEach((r, n) -> ontologyNames.put(r.getURI(), n));
    }

    public Optional<Resource> resolve(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        Optional<Resource> byIri = labels.inScheme(scheme, trimmed);
        if (byIri.isPresent()) {
            return byIri;
        }
        if (added.containsKey(trimmed)) {
            return Optional.of(ResourceFactory.createResource(trimmed));
        }
        Optional<Resource> exact = unique(lookup(trimmed));
        if (exact.isPresent()) {
            return exact;
        }
        // "Ministry of Agriculture (MoA)": a name with its acronym in parentheses.
        var withAcronym = NAME_WITH_ACRONYM.matcher(trimmed);
        if (withAcronym.matches()) {
            Optional<Resource> byName = unique(lookup(withAcronym.group(1)));
            Optional<Resource> byAcronym = unique(lookup(withAcronym.group(2)));
            if (byName.isPresent() && (byAcronym.isEmpty() || byAcronym.equals(byName))) {
                return byName;
            }
            if (byAcronym.isPresent() && byName.isEmpty()) {
                return byAcronym;
            }
        }
        // "Habitat for Humanity HFH": a full name followed by its acronym (not a list of names).
        String[] words = WHITESPACE.split(trimmed);
        if (words.length >= 2 && !LIST_OF_NAMES.matcher(trimmed.substring(0, trimmed.length() - words[words.length - 1].length()).strip()).find()) {
            String last = words[words.length - 1];
            String rest = trimmed.substring(0, trimmed.length() - last.length()).strip();
            Optional<Resource> byAcronym = unique(lookup(last));
            Optional<Resource> byName = unique(lookup(rest));
            if (byAcronym.isPresent() && (byName.isEmpty() || byName.equals(byAcronym))) {
                return byAcronym;
            }
            if (byName.isPresent() && byAcronym.isEmpty() && last.equals(last.toUpperCase())) {
                return byName;
            }
        }
        return Optional.empty();
    }

    /**
     * The one organisation with a name close to this one though not equal to it once folded: a
     * part of its name ("Caritas" for "Caritas Lebanon") or a misspelling. Empty when none or several.
     */
    public Optional<Resource> closest(String name) {
        String folded = LabelFolding.fold(name);
        if (folded.length() < SHORTEST_FUZZY) {
            return Optional.empty();
        }
        Set<String> found = new LinkedHashSet<>();
        names().forEach((iri, names) -> {
            for (String label : names) {
                String l = LabelFolding.fold(label);
                boolean firstWords = label.toLowerCase(java.util.Locale.ROOT).startsWith(name.strip().toLowerCase(java.util.Locale.ROOT) + " ");
                if (firstWords || l.length() >= SHORTEST_FUZZY && NameSimilarity.byLetters(folded, l) >= CLOSE_ENOUGH) {
                    found.add(iri);
                }
            }
        });
        return found.size() == 1 ? Optional.of(ResourceFactory.createResource(found.iterator().next())) : Optional.empty();
    }

    /** The names an organisation of the directory is written under: labels and acronyms. */
    public Set<String> names(String iri) {
        Addition a = added.get(iri);
        return a != null ? new LinkedHashSet<>(a.names()) : labels.allLabels(iri);
    }

    /** The acronym if the organisation has one, else its label: how organisations appear in facets. */
    public String shortName(Resource organisation) {
        Addition a = added.get(organisation.getURI());
        if (a != null) {
            return a.acronym() != null ? a.acronym() : a.name();
        }
        return labels.shortName(organisation);
    }

    /** Whether this IRI is an organisation a reviewer accepted (not one of {@code ontology/}). */
    public boolean isAccepted(String iri) {
        return added.containsKey(iri);
    }

    public Optional<Addition> accepted(String iri) {
        return Optional.ofNullable(added.get(iri));
    }

    /** Adds an organisation a reviewer accepted: from now on its names resolve to it. */
    public void accept(Addition a) {
        added.put(a.iri(), a);
        Resource r = ResourceFactory.createResource(a.iri());
        for (String n : a.names()) {
            List<Resource> list = addedByName.computeIfAbsent(LabelFolding.fold(n), k -> new java.util.concurrent.CopyOnWriteArrayList<>());
            if (!list.contains(r)) {
                list.add(r);
            }
        }
        rejected.removeAll(a.names().stream().map(LabelFolding::fold).toList());
    }

    /** Records a name reviewers said is no organisation: it is never proposed again. */
    public void reject(String name) {
        rejected.add(LabelFolding.fold(name));
    }

    public boolean isRejected(String name) {
        return rejected.contains(LabelFolding.fold(name));
    }

    /** Every organisation's names, by IRI: those of {@code ontology/} and the accepted ones. */
    private Map<String, Set<String>> names() {
        Map<String, Set<String>> out = new java.util.HashMap<>(ontologyNames);
        added.values().forEach(a -> out.put(a.iri(), new LinkedHashSet<>(a.names())));
        return out;
    }

    private List<Resource> lookup(String name) {
        List<Resource> found = labels.lookup(scheme, name);
        List<Resource> accepted = addedByName.getOrDefault(LabelFolding.fold(name), List.of());
        if (accepted.isEmpty()) {
            return found;
        }
        List<Resource> all = new ArrayList<>(found);
        accepted.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return all;
    }

    private static Optional<Resource> unique(List<Resource> found) {
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }
}
