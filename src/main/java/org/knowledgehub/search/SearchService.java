package org.knowledgehub.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.knowledgehub.Problems;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Search as users call it, with parameters as they typed them: validates each (a 400 problem
 * naming the parameter otherwise) and searches the graphs the caller may see.
 */
@Service
public class SearchService {

    public static final int MAX_K = 100;
    public static final int MAX_OFFSET = 10_000;

    private final PassageIndex index;
    private final AccessPolicy access;
    private final UserQueryParser parser;

    SearchService(PassageIndex index, AccessPolicy access) {
        this.index = index;
        this.access = access;
        this.parser = new UserQueryParser(index.queryAnalyzer());
    }

    /** Search parameters exactly as received; null or blank means not given. */
    public record Request(String q, String type, String organisation, String from, String to, String sensitivity,
                          String k, String offset) {
    }

    public SearchResponse search(Request r, Caller caller) {
        SearchQuery query = new SearchQuery(
                parser.parse(r.q(), "q"),
                blank(r.type()) ? null : DocumentType.fromCode(r.type()).map(DocumentType::code)
                        .orElseThrow(() -> Problems.invalid("type", "type must be one of minutes, assessment, field-note, other")),
                blank(r.organisation()) ? null : r.organisation().strip(),
                date("from", r.from(), false),
                date("to", r.to(), true),
                blank(r.sensitivity()) ? null : Sensitivity.fromCode(r.sensitivity()).map(Sensitivity::code)
                        .orElseThrow(() -> Problems.invalid("sensitivity", "sensitivity must be one of public, restricted, confidential")),
                blank(r.k()) ? 10 : integer("k", r.k(), 1, MAX_K),
                blank(r.offset()) ? 0 : integer("offset", r.offset(), 0, MAX_OFFSET));
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw Problems.invalid("from", "from is after to");
        }
        return SearchResponse.of(r.q(), query, index.search(query, access.visibleTo(caller)));
    }

    /** A date, or the first (for the end of a range, the last) day of a year or month. */
    static LocalDate date(String field, String value, boolean endOfPeriod) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.matches("\\d{4}")) {
                int year = Integer.parseInt(v);
                return endOfPeriod ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(v);
                return endOfPeriod ? ym.atEndOfMonth() : ym.atDay(1);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, field + " must be a date as yyyy, yyyy-mm or yyyy-mm-dd, got '" + abbreviate(v) + "'");
        }
    }

    static int integer(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw Problems.invalid(field, field + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, field + " must be a whole number");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
