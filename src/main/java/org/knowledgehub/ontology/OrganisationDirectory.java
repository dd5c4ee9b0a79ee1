package org.knowledgehub.ontology;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.HubProperties;
import org.springframework.stereotype.Component;

/**
 * Resolves an organisation's name as written ("UNHabitat", "Habitat for Humanity HFH",
 * "World Food Programme", "PAM"), or its IRI, to its resource in the organisations scheme.
 */
@Component
public class OrganisationDirectory {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NAME_WITH_ACRONYM = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");
    private static final Pattern LIST_OF_NAMES = Pattern.compile("[,;&]|\\s(and|or)$");

    private final ConceptLabels labels;
    private final String scheme;

    public OrganisationDirectory(ConceptLabels labels, HubProperties hub) {
        this.labels = labels;
        this.scheme = Schemes.organisations(hub.base());
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
        Optional<Resource> exact = unique(labels.lookup(scheme, trimmed));
        if (exact.isPresent()) {
            return exact;
        }
        // "Ministry of Agriculture (MoA)": a name with its acronym in parentheses.
        var withAcronym = NAME_WITH_ACRONYM.matcher(trimmed);
        if (withAcronym.matches()) {
            Optional<Resource> byName = unique(labels.lookup(scheme, withAcronym.group(1)));
            Optional<Resource> byAcronym = unique(labels.lookup(scheme, withAcronym.group(2)));
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
            Optional<Resource> byAcronym = unique(labels.lookup(scheme, last));
            Optional<Resource> byName = unique(labels.lookup(scheme, rest));
            if (byAcronym.isPresent() && (byName.isEmpty() || byName.equals(byAcronym))) {
                return byAcronym;
            }
            if (byName.isPresent() && byAcronym.isEmpty() && last.equals(last.toUpperCase())) {
                return byName;
            }
        }
        return Optional.empty();
    }

    public String shortName(Resource organisation) {
        return labels.shortName(organisation);
    }

    private static Optional<Resource> unique(List<Resource> found) {
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }
}
