package org.knowledgehub.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.search.IndexSearcher;
import org.knowledgehub.HubProperties;
import org.knowledgehub.Problems;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.VisibleGraphs;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.springframework.stereotype.Service;

/**
 * Search as users call it, with parameters as they typed them: validates each (a 400 problem
 * naming the parameter otherwise) and searches the graphs the caller may see.
 */
@Service
public class SearchService {

    public static final int MAX_K = 100;
    public static final int MAX_OFFSET = 10_000;

    private static final Pattern PCODE = Pattern.compile("LB\\d{0,2}(-[a-z0-9-]+)?");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,60}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}");

    private final PassageIndex index;
    private final AccessPolicy access;
    private final UserQueryParser parser;
    private final HybridSearch hybrid;
    private final ConceptLabels labels;
    private final CrossLanguage crossLanguage;
    private final String base;
    /** Labels kept: the vocabulary's concepts in a few languages. */
    private static final int MAX_LABELS = 20_000;
    /** Labels by dimension, code and language; codes come from the index, which holds only the vocabulary's. */
    private final Map<List<String>, String> labelled = new ConcurrentHashMap<>();

    SearchService(PassageIndex index, AccessPolicy access, ConceptLabels labels, HubProperties hub, HybridSearch hybrid,
                  CrossLanguage crossLanguage) {
        this.index = index;
        this.crossLanguage = crossLanguage;
        this.hybrid = hybrid;
        this.access = access;
        this.labels = labels;
        this.base = hub.base();
        this.parser = new UserQueryParser(index.queryAnalyzers());
    }

    /** Search parameters exactly as received; null or blank means not given. */
    public record Request(String q, String type, String organisation, String from, String to, String sensitivity,
                          String area, String sector, String population, String indicator, String year,
                          String document, String k, String offset, String mode, String facets) {

        /** The text with no filter, first page, with facets. */
        public static Request of(String q) {
            return new Request(q, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public SearchResponse search(Request r, Caller caller) {
        boolean hybrid = switch (blank(r.mode()) ? "bm25" : r.mode().strip()) {
            case "bm25" -> false;
            case "hybrid" -> true;
            default -> throw Problems.invalid("mode", "mode must be bm25 or hybrid");
        };
        boolean withFacets = switch (blank(r.facets()) ? "true" : r.facets().strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.invalid("facets", "facets must be true or false");
        };
        QueryAnalysis analysis = null;
        Query text;
        if (hybrid) {
            if (blank(r.q()) || r.q().length() > UserQueryParser.MAX_LENGTH) {
                throw Problems.invalid("q", "q must be 1 to " + UserQueryParser.MAX_LENGTH + " characters");
            }
            analysis = this.hybrid.analyse(r.q(), List.of(), List.of());
            text = this.hybrid.lexical(analysis);
        } else if (blank(r.q()) && filtered(r)) {
            // No words but filters: browse what the filters select (an area's passages, a sector's...).
            text = new MatchAllDocsQuery();
        } else {
            Query words = parser.parse(r.q(), "q");
            Query widened = crossLanguage.widen(r.q(), words);
            text = widened == null ? words : widened;
        }
        SearchQuery query = query(r, text);
        VisibleGraphs visible = access.visibleTo(caller);
        SearchPage page;
        try {
            page = index.search(query, visible, withFacets);
        } catch (IndexSearcher.TooManyClauses e) {
            // Fuzzy and prefix terms are expanded when the search runs, not when the text is parsed.
            throw Problems.badQuery("q", "the query expands to too many terms (fuzzy~ or prefix* terms); make it more specific");
        }
        if (hybrid) {
            // Counts and facets are those of the lexical matches; the page is the fused ranking.
            List<SearchHit> fused = this.hybrid.search(analysis, HybridSearch.Ranker.HYBRID, query, visible, query.offset() + query.k())
                    .stream().skip(query.offset())
                    .map(h -> new SearchHit(h.passage(), (float) h.score(), h.fragment())).toList();
            page = new SearchPage(page.total(), fused, page.facets());
        }
        return SearchResponse.of(r.q(), query, page, this::label);
    }

    /**
     * The filters and paging of a request, validated (a 400 problem naming the parameter
     * otherwise), around its parsed text.
     */
    public SearchQuery query(Request r, Query text) {
        SearchQuery query = new SearchQuery(
                text,
                blank(r.type()) ? null : DocumentType.fromCode(r.type()).map(DocumentType::code)
                        .orElseThrow(() -> Problems.invalid("type", "type must be one of minutes, assessment, field-note, other")),
                blank(r.organisation()) ? null : r.organisation().strip(),
                date("from", r.from(), false),
                date("to", r.to(), true),
                blank(r.sensitivity()) ? null : Sensitivity.fromCode(r.sensitivity()).map(Sensitivity::code)
                        .orElseThrow(() -> Problems.invalid("sensitivity", "sensitivity must be one of public, restricted, confidential")),
                concept("area", r.area(), Schemes.areas(base), PCODE, "an OCHA P-code such as LB2 or LB25, or a locality code such as LB25-bar-elias"),
                concept("sector", r.sector(), Schemes.sectors(base), CODE, "a sector code such as wash or food-security"),
                concept("population", r.population(), Schemes.populations(base), CODE, "a population group code such as syrian-refugees"),
                concept("indicator", r.indicator(), Schemes.indicators(base), CODE, "an indicator code such as below-smeb"),
                blank(r.year()) ? null : integer("year", r.year(), 1900, 2100),
                null,
                document(r.document()),
                blank(r.k()) ? 10 : integer("k", r.k(), 1, MAX_K),
                blank(r.offset()) ? 0 : integer("offset", r.offset(), 0, MAX_OFFSET));
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw Problems.invalid("from", "from is after to");
        }
        return query;
    }

    /** A document's id, given as it or as the document's IRI. */
    private String document(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        String id = v.startsWith(base + "id/document/") ? v.substring((base + "id/document/").length()) : v;
        if (!DOCUMENT_ID.matcher(id).matches()) {
            throw Problems.invalid("document", "document must be a document's id or IRI, got '" + abbreviate(v) + "'");
        }
        return id;
    }

    /** A filter on a concept of a scheme, given by its code or IRI; 400 if the scheme has no such concept. */
    private String concept(String field, String value, String scheme, Pattern shape, String expected) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (labels.inScheme(scheme, v).isPresent()) {
            return labels.code(v);
        }
        if (!shape.matcher(v).matches() || labels.byCode(scheme, v).isEmpty()) {
            throw Problems.invalid(field, field + " must be " + expected + ", got '" + abbreviate(v) + "'");
        }
        return labels.code(labels.byCode(scheme, v).get().getURI());
    }

    /** The label of a facet value: the name of an area, sector, population group or indicator. */
    private String label(String dimension, String code) {
        return label(dimension, code, Locale.ENGLISH);
    }

    /** The label of a facet or entity code in the reader's language where the ontology has one (pages), else English. */
    public String label(String dimension, String code, Locale reader) {
        // Every response labels its facet values (hundreds of areas): looked up once, as the vocabulary does not change.
        if (labelled.size() > MAX_LABELS) {
            labelled.clear(); // the reader's language comes from a cookie: any tag may be asked for
        }
        return labelled.computeIfAbsent(List.of(dimension, code, reader.getLanguage()), k -> lookUpLabel(dimension, code, reader));
    }

    private String lookUpLabel(String dimension, String code, Locale reader) {
        String scheme = switch (dimension) {
            case PassageIndex.AREA -> Schemes.areas(base);
            case PassageIndex.SECTOR -> Schemes.sectors(base);
            case PassageIndex.POPULATION -> Schemes.populations(base);
            case PassageIndex.INDICATOR -> Schemes.indicators(base);
            default -> null;
        };
        return scheme == null ? code : labels.byCode(scheme, code).map(c -> labels.label(c, reader.getLanguage())).orElse(code);
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

    private static boolean filtered(Request r) {
        return Stream.of(r.type(), r.organisation(), r.from(), r.to(), r.sensitivity(), r.area(), r.sector(), r.population(),
                r.indicator(), r.year(), r.document()).anyMatch(v -> !blank(v));
    }
}
