package org.knowledgehub.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.knowledgehub.Problems;

/**
 * Parses search text typed by a person: words, "phrases", AND/OR/NOT, +/-, prefix* and fuzzy~
 * over the passage text, section titles and document titles. Everything else Lucene's syntax
 * could reach (other fields, regular expressions, ranges, leading wildcards) is refused with a
 * 400 naming the problem, never a 500. Wildcard, fuzzy and phrase-slop terms are bounded, so that
 * no text within {@link #MAX_LENGTH} makes an automaton or a proximity search that costs more than
 * a plain query. The text is parsed once per reading of its words (English, French: see
 * {@link TextAnalysis}); where the readings of a word differ, each passage is scored by the one
 * that fits it best. Words without operators come out as one flat disjunction ({@link FlatDisjunction}).
 */
public final class UserQueryParser {

    public static final int MAX_LENGTH = 1000;
    /** '*' and '?' in one term: 'w*a*t*e*r' repeated could not be turned into an automaton. */
    public static final int MAX_WILDCARDS = 4;
    /** Characters of a wildcard, prefix or fuzzy term. */
    public static final int MAX_PATTERN_LENGTH = 64;
    /** Words a "phrase"~n may move apart. */
    public static final int MAX_SLOP = 20;
    /** Automaton states a wildcard may cost to determinize (Lucene's default is 10,000). */
    private static final int DETERMINIZE_WORK_LIMIT = 2000;
    static final Map<String, Float> FIELDS = Map.of(PassageIndex.TEXT, 1.0f, PassageIndex.SECTION, 0.5f,
            PassageIndex.TITLE, 0.3f);

    private final List<Analyzer> readings;

    /** @param readings the query analyses of {@link PassageIndex#queryAnalyzers()} */
    public UserQueryParser(List<Analyzer> readings) {
        this.readings = List.copyOf(readings);
    }

    /** @throws org.springframework.web.ErrorResponseException a 400 problem naming {@code field} */
    public Query parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Problems.invalid(field, "the query text is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw Problems.invalid(field, "the query text is longer than " + MAX_LENGTH + " characters");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw Problems.badQuery(field, "the query text contains a NUL character");
        }
        try {
            Set<Query> parsed = new LinkedHashSet<>();
            for (Analyzer reading : readings) {
                parsed.add(new Restricted(reading).parse(text));
            }
            return FlatDisjunction.of(parsed.size() == 1 ? parsed.iterator().next() : new DisjunctionMaxQuery(parsed, 0f));
        } catch (ParseException | TokenMgrError e) {
            throw Problems.badQuery(field, "the query could not be parsed: " + firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw Problems.badQuery(field, "the query expands to too many terms; make it more specific");
        } catch (TooComplexToDeterminizeException e) {
            throw Problems.badQuery(field, "a wildcard pattern is too complex; use fewer '*' and '?'");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        String line = (nl > 0 ? message.substring(0, nl) : message).strip();
        // Lucene quotes the whole text first ("Cannot parse '...': "): the reason is what follows.
        int reason = line.startsWith("Cannot parse '") ? line.lastIndexOf("': ") : -1;
        return reason > 0 && reason + 3 < line.length() ? line.substring(reason + 3) : line;
    }

    private static final class Restricted extends MultiFieldQueryParser {

        Restricted(Analyzer analyzer) {
            super(FIELDS.keySet().toArray(String[]::new), analyzer, FIELDS);
            setAllowLeadingWildcard(false);
            setDefaultOperator(QueryParser.OR_OPERATOR);
            setSplitOnWhitespace(true);
            // "JASMINE-7", "e-cards", "COVID-19": one word typed, one phrase searched.
            setAutoGeneratePhraseQueries(true);
            setDeterminizeWorkLimit(DETERMINIZE_WORK_LIMIT);
        }

        private static void checkPattern(String termStr) throws ParseException {
            if (termStr.length() > MAX_PATTERN_LENGTH) {
                throw new ParseException("a wildcard, prefix or fuzzy term may have at most " + MAX_PATTERN_LENGTH + " characters");
            }
            if (termStr.chars().filter(c -> c == '*' || c == '?').count() > MAX_WILDCARDS) {
                throw new ParseException("a term may have at most " + MAX_WILDCARDS + " wildcards ('*' or '?')");
            }
        }

        private static void check(String field) throws ParseException {
            if (field != null && !FIELDS.containsKey(field)) {
                throw new ParseException("unknown field '" + field + "'; searchable fields are text, section and title");
            }
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            check(field);
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            check(field);
            if (slop > MAX_SLOP) {
                throw new ParseException("a phrase's slop (\"...\"~n) may be at most " + MAX_SLOP);
            }
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            check(field);
            checkPattern(termStr);
            if (termStr.length() < 2) {
                throw new ParseException("a prefix query needs at least two characters before '*'");
            }
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            check(field);
            checkPattern(termStr);
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            check(field);
            checkPattern(termStr);
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            throw new ParseException("range queries are not supported; use the from and to parameters for dates");
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are not supported");
        }
    }
}
