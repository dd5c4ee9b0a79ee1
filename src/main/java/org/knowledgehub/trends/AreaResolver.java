package org.knowledgehub.trends;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Schemes;
import org.springframework.stereotype.Component;

/**
 * Areas of Lebanon by P-code or by any of their names in the areas scheme ("Baalbek-El Hermel",
 * "El Meten", "Zahleh"...). A name never resolves by similarity: what the scheme does not name
 * is unresolved.
 */
@Component
class AreaResolver {

    /**
     * The area a name resolved to, or why none: {@code misplaced} when the name is an area of
     * another level than the table's layout implies (a district among governorates).
     */
    record Outcome(Resource area, String problem, boolean misplaced) {

        Outcome(Resource area, String problem) {
            this(area, problem, false);
        }
    }

    private final ConceptLabels labels;
    private final String scheme;

    AreaResolver(ConceptLabels labels, HubProperties hub) {
        this.labels = labels;
        this.scheme = Schemes.areas(hub.base());
    }

    /**
     * The area a table names. Where a governorate and a district share a name (Akkar, Beirut,
     * El Nabatieh), {@code level} decides; without it the governorate is meant, as in text.
     *
     * @param level 0, 1 or 2 when the table's layout says which level the name is at, else null
     */
    Outcome resolve(String name, Integer level) {
        Optional<Resource> byCode = labels.byCode(scheme, name);
        if (byCode.isPresent()) {
            return level == null || level == level(byCode.get()) ? new Outcome(byCode.get(), null)
                    : new Outcome(null, "'" + name + "' is a " + levelName(level(byCode.get())) + ", where the table has a "
                    + levelName(level), true);
        }
        List<Resource> named = labels.lookup(scheme, name);
        List<Resource> found = named.stream().filter(r -> level == null || level(r) == level).toList();
        if (found.size() == 1) {
            return new Outcome(found.getFirst(), null);
        }
        if (found.isEmpty()) {
            return named.isEmpty()
                    ? new Outcome(null, "area '" + name + "' is not a P-code or a name of an area of Lebanon")
                    : new Outcome(null, "'" + name + "' is a " + levelName(level(named.getFirst())) + ", where the table has a "
                    + levelName(level), true);
        }
        List<Resource> preferred = found.stream().filter(r -> r.hasLiteral(KH.preferredForSharedName, true)).toList();
        if (preferred.size() == 1) {
            return new Outcome(preferred.getFirst(), null);
        }
        return new Outcome(null, "area '" + name + "' names several areas ("
                + String.join(", ", found.stream().map(r -> labels.code(r.getURI())).toList()) + ")");
    }

    /** The levels (0, 1, 2) of the areas a P-code or name denotes; none when it denotes no area. */
    Set<Integer> levels(String name) {
        Optional<Resource> byCode = labels.byCode(scheme, name);
        if (byCode.isPresent()) {
            return Set.of(level(byCode.get()));
        }
        return labels.lookup(scheme, name).stream().map(this::level).collect(Collectors.toSet());
    }

    Optional<Resource> byCode(String code) {
        return labels.byCode(scheme, code);
    }

    /** 0 for Lebanon, 1 for a governorate, 2 for a district, 3 for a locality, 4 for a neighbourhood. */
    int level(Resource area) {
        Statement st = labels.resource(area.getURI()).getProperty(KH.adminLevel);
        return st == null ? -1 : st.getInt();
    }

    private static String levelName(int level) {
        return switch (level) {
            case 0 -> "country";
            case 1 -> "governorate";
            case 2 -> "district";
            default -> "locality";
        };
    }
}
