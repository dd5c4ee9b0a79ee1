package org.knowledgehub.trends;

import java.util.HashSet;
import java.util.Set;

import org.knowledgehub.ontology.LabelFolding;

/**
 * The sections of a vault table as its rows are read top to bottom, and the administrative level
 * of the areas a row of the Governorate or District section names. Every other section ("Gender
 * of Head of Household", "Shelter Categories"...) is a breakdown of the population.
 *
 * <p>Some tables list the districts right after the governorates, without a heading of their
 * own. In a Governorate section, the districts begin at the first name that can only be a
 * district's, or that repeats a governorate already listed and is also a district's name
 * ("Akkar", "Beirut").
 */
final class VaultSections {

    private static final Set<String> GOVERNORATE_SECTIONS = Set.of("governorate", "governorates", "governate", "mohafaza");
    private static final Set<String> DISTRICT_SECTIONS = Set.of("district", "districts", "caza", "cazas", "qada");
    private static final Set<Integer> DISTRICT_ONLY = Set.of(2);

    private final VaultReader.AreaLevels areaLevels;
    private final Set<String> governoratesListed = new HashSet<>();
    private String section;
    private boolean districtsFollow;

    VaultSections(VaultReader.AreaLevels areaLevels) {
        this.areaLevels = areaLevels;
    }

    /** A label that names a section (in a row of its own, or in the column left of the names); none when empty. */
    void enter(String label) {
        if (!label.isEmpty() && !label.equals(section)) {
            section = label;
            governoratesListed.clear();
            districtsFollow = false;
        }
    }

    /** A row without values heads a section, unless it is an area of the current section (listed without values). */
    void rowWithoutValues(String label) {
        boolean areaWithoutValues = isAreaSection() && !label.isEmpty() && !areaLevels.of(label).isEmpty();
        if (!areaWithoutValues) {
            enter(label);
        }
    }

    /** Whether a label names a level of areas ("Governorate", "Districts"): it heads a section, even on a row with values. */
    static boolean isLevelName(String label) {
        String s = LabelFolding.fold(label);
        return GOVERNORATE_SECTIONS.contains(s) || DISTRICT_SECTIONS.contains(s);
    }

    /** 1 or 2 when the label names an area of the Governorate or District section; null for a breakdown or a subtotal. */
    Integer level(String label) {
        if (label.isEmpty() || section == null || LabelFolding.fold(label).equals("total")) {
            return null;
        }
        String s = LabelFolding.fold(section);
        if (DISTRICT_SECTIONS.contains(s)) {
            return 2;
        }
        if (!GOVERNORATE_SECTIONS.contains(s)) {
            return null;
        }
        Set<Integer> levels = areaLevels.of(label);
        String name = LabelFolding.fold(label);
        if (districtsFollow || levels.equals(DISTRICT_ONLY) || governoratesListed.contains(name) && levels.contains(2)) {
            districtsFollow = true;
            return 2;
        }
        governoratesListed.add(name);
        return 1;
    }

    /** Why a row with values is not read as an area. */
    String whyNotAnArea(String label) {
        if (label.isEmpty()) {
            return "no row label";
        }
        String where = section == null ? "" : section.strip() + ": ";
        return LabelFolding.fold(label).equals("total") ? "'" + where + label + "' is a subtotal, not an area"
                : "'" + where + label + "' is a breakdown of the population, not an area";
    }

    private boolean isAreaSection() {
        return section != null && isLevelName(section);
    }
}
