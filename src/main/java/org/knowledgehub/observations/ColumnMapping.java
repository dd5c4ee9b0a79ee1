package org.knowledgehub.observations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.knowledgehub.Problems;
import org.knowledgehub.tables.HxlTag;

/**
 * Which column of an import file holds each field of a submission: the column the mapping names
 * (a heading, or in HXL a hashtag such as {@code #meta+method}, attributes in any order and case),
 * else the default: in HXL the usual hashtag of the field, then (as in Kobo exports) a heading
 * named like the field. A field mapped to "" or null takes no column.
 *
 * @param columns the column (0-based) of each field that has one
 */
record ColumnMapping(Map<String, Integer> columns) {

    /** The fields of a submission a column or a default can give, consent fields dotted. */
    static final List<String> FIELDS = List.of("text", "title", "observedFrom", "observedTo", "area", "locality", "sectors",
            "population", "method", "organisation", "sensitivity", "sharedWith", "sharedWithSector", "question",
            "consent.collectedFromPeople", "consent.informedConsent", "consent.purpose", "consent.personalData");

    /** HXL columns taken when the mapping does not name one, most wanted first. */
    private static final Map<String, List<Predicate<HxlTag>>> HXL_DEFAULTS = Map.of(
            "text", List.of(t -> t.is("description"), t -> t.is("meta", "text")),
            "observedFrom", List.of(t -> t.is("date", "start"), t -> t.is("date") && !t.attributes().contains("end")),
            "observedTo", List.of(t -> t.is("date", "end")),
            "area", List.of(t -> t.is("adm2", "code"), t -> t.is("adm1", "code"), t -> t.is("adm2"), t -> t.is("adm1"),
                    t -> t.is("country")),
            "locality", List.of(t -> t.is("loc", "name"), t -> t.is("loc") && !t.attributes().contains("code")),
            "sectors", List.of(t -> t.is("sector")),
            "organisation", List.of(t -> t.is("org", "acronym"), t -> t.is("org", "name"),
                    t -> t.is("org") && !t.attributes().contains("code"), t -> t.is("org")),
            "population", List.of(t -> t.is("population", "type"), t -> t.is("affected", "type"),
                    t -> t.is("population", "group")));

    /**
     * Kobo columns taken when the mapping does not name one: a heading, or the question name
     * at the end of a group path ({@code group_visit/observedFrom}), equal to one of these.
     */
    private static final Map<String, List<String>> KOBO_DEFAULTS = Map.of(
            "observedFrom", List.of("observedFrom", "date", "today", "start"),
            "area", List.of("area", "pcode", "district", "governorate"),
            "sectors", List.of("sectors", "sector"),
            "organisation", List.of("organisation", "organization"));

    ColumnMapping {
        columns = Map.copyOf(columns);
    }

    /**
     * @param requested field → column heading or hashtag, as sent (null for none)
     * @throws org.springframework.web.ErrorResponseException 400 (field "mapping") for an unknown
     *                                                        field, or a column the file does not have
     */
    static ColumnMapping of(ImportTable table, Map<String, String> requested) {
        for (String field : requested.keySet()) {
            if (!FIELDS.contains(field)) {
                throw Problems.invalid("mapping", "unknown field '" + abbreviate(field) + "' in mapping; the fields are "
                        + String.join(", ", FIELDS));
            }
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String field : FIELDS) {
            int column;
            if (requested.containsKey(field)) {
                String wanted = requested.get(field);
                if (wanted == null || wanted.isBlank()) {
                    continue;
                }
                column = find(table, wanted.strip());
                if (column < 0) {
                    throw Problems.invalid("mapping", "mapping." + field + ": the file has no column '" + abbreviate(wanted)
                            + "'; its columns are " + columnList(table));
                }
            } else {
                column = hxlDefault(table, field);
                if (column < 0) {
                    column = koboDefault(table, field);
                }
            }
            if (column >= 0) {
                columns.put(field, column);
            }
        }
        return new ColumnMapping(columns);
    }

    /** The column of a field, or -1. */
    int column(String field) {
        return columns.getOrDefault(field, -1);
    }

    /** Each mapped field's column as the report names it. */
    Map<String, String> describe(ImportTable table) {
        Map<String, String> out = new LinkedHashMap<>();
        FIELDS.stream().filter(columns::containsKey).forEach(f -> out.put(f, table.describe(columns.get(f))));
        return out;
    }

    private static int find(ImportTable table, String wanted) {
        if (wanted.startsWith("#")) {
            HxlTag pattern = HxlTag.parse(wanted);
            if (pattern.name().isEmpty()) {
                throw Problems.invalid("mapping", "'" + abbreviate(wanted) + "' is not a hashtag such as #meta+method");
            }
            for (int i = 0; i < table.tags().size(); i++) {
                if (table.tags().get(i).matches(pattern)) {
                    return i;
                }
            }
            return -1;
        }
        int byHeading = heading(table, h -> h.equalsIgnoreCase(wanted));
        if (byHeading >= 0) {
            return byHeading;
        }
        List<Integer> byQuestion = new ArrayList<>();
        for (int i = 0; i < table.headings().size(); i++) {
            if (question(table.headings().get(i)).equalsIgnoreCase(wanted)) {
                byQuestion.add(i);
            }
        }
        return byQuestion.size() == 1 ? byQuestion.getFirst() : -1;
    }

    private static int hxlDefault(ImportTable table, String field) {
        for (Predicate<HxlTag> preference : HXL_DEFAULTS.getOrDefault(field, List.of())) {
            for (int i = 0; i < table.tags().size(); i++) {
                if (preference.test(table.tags().get(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int koboDefault(ImportTable table, String field) {
        String own = field.substring(field.indexOf('.') + 1);
        for (String name : KOBO_DEFAULTS.getOrDefault(field, List.of(own))) {
            int column = heading(table, h -> h.equalsIgnoreCase(name) || h.equalsIgnoreCase(field)
                    || question(h).equalsIgnoreCase(name));
            if (column >= 0) {
                return column;
            }
        }
        return -1;
    }

    private static int heading(ImportTable table, Predicate<String> test) {
        for (int i = 0; i < table.headings().size(); i++) {
            if (test.test(table.headings().get(i).strip())) {
                return i;
            }
        }
        return -1;
    }

    /** The question name at the end of a Kobo group path: {@code group_visit/area} and {@code group_visit.area} are {@code area}. */
    private static String question(String heading) {
        String h = heading.strip();
        return h.substring(Math.max(h.lastIndexOf('/'), h.lastIndexOf('.')) + 1);
    }

    private static String columnList(ImportTable table) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < table.width() && names.size() < 40; i++) {
            names.add(table.describe(i));
        }
        return String.join(", ", names) + (table.width() > 40 ? ", ..." : "");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
