package org.knowledgehub.observations;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.ontology.SectorDirectory;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.store.Uris;
import org.knowledgehub.tables.CsvText;
import org.knowledgehub.tables.HxlTag;
import org.springframework.stereotype.Component;

/**
 * Reads a row of an import file as a submission: each field from its column, or from the
 * defaults where the cell is empty; areas, sectors and population groups written as names become
 * the ontology's concepts, dates written as date-times or "1 March 2023" become days. A value
 * that resolves to nothing is passed on as written, so the shapes name it. What the shapes cannot
 * see is checked here: consent answers that are not yes or no, and an organisation other than the
 * caller's.
 */
@Component
class ImportRows {

    private static final Set<String> LEBANON = Set.of("lb", "lbn", "lebanon", "liban");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DAY_AND_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ].*");
    private static final Pattern LIST = Pattern.compile("\\s*[,;|\\n]\\s*");
    private static final List<DateTimeFormatter> WRITTEN_DAYS = Arrays.stream(new String[]{"d MMMM uuuu", "d MMM uuuu"})
            .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH))
            .toList();

    private final ConceptLabels labels;
    private final SectorDirectory sectors;
    private final OrganisationDirectory organisations;
    private final String areaScheme;
    private final String sectorScheme;
    private final String populationScheme;

    ImportRows(ConceptLabels labels, SectorDirectory sectors, OrganisationDirectory organisations, Uris uris) {
        this.labels = labels;
        this.sectors = sectors;
        this.organisations = organisations;
        this.areaScheme = Schemes.areas(uris.base());
        this.sectorScheme = Schemes.sectors(uris.base());
        this.populationScheme = Schemes.populations(uris.base());
    }

    /** A row as a submission, and what is wrong with its cells that the shapes cannot tell. */
    record Read(ObservationSubmission submission, List<Violation> violations) {
    }

    Read read(ImportTable table, ColumnMapping mapping, Map<String, String> defaults, CsvText.Row row, Caller caller) {
        List<Violation> violations = new ArrayList<>();
        Cells cells = new Cells(mapping, defaults, row);
        String organisation = cells.get("organisation");
        if (organisation != null && !caller.has(Role.ADMIN)) {
            Optional<String> named = organisations.resolve(organisation).map(Resource::getURI);
            if (!named.equals(Optional.ofNullable(caller.organisation()))) {
                violations.add(new Violation("organisation", organisation, "You import observations for your own organisation ("
                        + organisations.shortName(labels.resource(caller.organisation())) + ") only."));
            }
            organisation = null;
        }
        int areaColumn = mapping.column("area");
        HxlTag areaTag = areaColumn >= 0 && areaColumn < table.tags().size() ? table.tags().get(areaColumn) : HxlTag.NONE;
        ObservationSubmission.Consent consent = consent(cells, violations);
        ObservationSubmission submission = new ObservationSubmission(cells.get("text"), cells.get("title"),
                day(cells.get("observedFrom")), day(cells.get("observedTo")), area(cells.get("area"), areaTag.name()),
                cells.get("locality"), sectorList(cells.get("sectors")), population(cells.get("population")),
                method(cells.get("method")), organisation, lower(cells.get("sensitivity")), list(cells.get("sharedWith")),
                sectorList(cells.get("sharedWithSector")), consent, cells.get("question"));
        return new Read(submission, violations);
    }

    /** A row's values: a field's cell, else its default; null when neither gives one. */
    private record Cells(ColumnMapping mapping, Map<String, String> defaults, CsvText.Row row) {

        String get(String field) {
            String cell = row.cell(mapping.column(field));
            if (cell.isEmpty()) {
                cell = defaults.getOrDefault(field, "").strip();
            }
            return cell.isEmpty() ? null : cell;
        }
    }

    private static ObservationSubmission.Consent consent(Cells cells, List<Violation> violations) {
        String collected = cells.get("consent.collectedFromPeople");
        String informed = cells.get("consent.informedConsent");
        String purpose = cells.get("consent.purpose");
        String personal = cells.get("consent.personalData");
        if (collected == null && informed == null && purpose == null && personal == null) {
            return null;
        }
        Boolean informedAnswer = informed == null ? null : yesOrNo(informed);
        return new ObservationSubmission.Consent(answer("consent.collectedFromPeople", collected, violations),
                informedAnswer == null ? informed : informedAnswer.toString(), purpose,
                answer("consent.personalData", personal, violations));
    }

    /** A yes-or-no cell; anything else is a violation (and null, so the shapes do not repeat it). */
    private static Boolean answer(String field, String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        Boolean answer = yesOrNo(value);
        if (answer == null) {
            violations.add(new Violation(field, value, "Answer true or false (yes, no, 1, 0)."));
        }
        return answer;
    }

    private static Boolean yesOrNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "oui" -> Boolean.TRUE;
            case "false", "no", "n", "0", "non" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A day as yyyy-mm-dd: a date-time's day, "1 March 2023" read in English; otherwise as written. */
    static String day(String value) {
        if (value == null || DAY.matcher(value).matches()) {
            return value;
        }
        if (DAY_AND_TIME.matcher(value).matches()) {
            return value.substring(0, 10);
        }
        for (DateTimeFormatter f : WRITTEN_DAYS) {
            try {
                return LocalDate.parse(value, f).toString();
            } catch (DateTimeParseException e) {
                // not this way of writing a day
            }
        }
        return value;
    }

    /**
     * An area's P-code, from a P-code or a name of the areas scheme; where a name is shared by a
     * governorate and a district (Akkar), an #adm1 or #adm2 column says which.
     *
     * @param tag the column's HXL tag (adm1, adm2, country) or ""
     */
    private String area(String value, String tag) {
        if (value == null || value.startsWith("http")) {
            return value;
        }
        if (LEBANON.contains(value.toLowerCase(Locale.ROOT))) {
            return "LB";
        }
        Optional<Resource> byCode = labels.byCode(areaScheme, value);
        if (byCode.isPresent()) {
            return labels.code(byCode.get().getURI());
        }
        int level = switch (tag) {
            case "adm1" -> 1;
            case "adm2" -> 2;
            default -> -1;
        };
        List<Resource> named = labels.lookup(areaScheme, value).stream().filter(a -> level < 0 || level(a) == level).toList();
        if (named.size() > 1) {
            named = named.stream().filter(a -> a.hasLiteral(KH.preferredForSharedName, true)).toList();
        }
        return named.size() == 1 ? labels.code(named.getFirst().getURI()) : value;
    }

    private int level(Resource area) {
        Statement st = labels.resource(area.getURI()).getProperty(KH.adminLevel);
        return st == null ? -1 : st.getInt();
    }

    /**
     * Sectors by code, IRI or name, in a list (comma, semicolon, bar or new line); a Kobo
     * select-multiple answer ("wash protection") is split at spaces when every word is a sector.
     */
    private List<String> sectorList(String value) {
        List<String> out = new ArrayList<>();
        for (String item : list(value)) {
            Optional<String> sector = sector(item);
            if (sector.isPresent()) {
                out.add(sector.get());
                continue;
            }
            List<Optional<String>> words = Arrays.stream(item.split("\\s+")).map(this::sector).toList();
            if (words.size() > 1 && words.stream().allMatch(Optional::isPresent)) {
                words.forEach(w -> out.add(w.get()));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private Optional<String> sector(String codeOrName) {
        return sectors.resolve(codeOrName).or(() -> unique(labels.lookup(sectorScheme, codeOrName))).map(Resource::getURI);
    }

    private String population(String value) {
        if (value == null || value.startsWith("http")) {
            return value;
        }
        return labels.byCodeOrName(populationScheme, value).map(Resource::getURI).orElse(value);
    }

    /** A method by its code, its label or a Kobo choice name: focus_group_discussion is focus-group-discussion. */
    private static String method(String value) {
        return value == null || value.startsWith("http") ? value : Uris.slug(value);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(LIST.split(value.strip())).filter(s -> !s.isBlank()).toList();
    }

    private static Optional<Resource> unique(List<Resource> found) {
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }
}
