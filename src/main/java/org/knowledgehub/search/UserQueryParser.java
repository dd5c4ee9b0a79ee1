package org.knowledgehub.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.knowledgehub.Problems;

/**
 * Parses search text typed by a person: words, "phrases", AND/OR/NOT, +/-, prefix* and fuzzy~
 * over the passage text, section titles and document titles. Everything else Lucene's syntax
 * could reach (other fields, regular expressions, ranges, leading wildcards) is refused with a
 * 400 naming the problem, never a 500.
 */
public final class UserQueryParser {

    public static final int MAX_LENGTH = 1000;
    static final Map<String, Float> FIELDS = Map.of(PassageIndex.TEXT, 1.0f, PassageIndex.SECTION, 0.5f,
            PassageIndex.TITLE, 0.3f);

    private final Analyzer analyzer;

    public UserQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
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
            return new Restricted(analyzer).parse(text);
        } catch (ParseException | TokenMgrError e) {
            throw Problems.badQuery(field, "the query could not be parsed: " + firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw Problems.badQuery(field, "the query expands to too many terms; make it more specific");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return (nl > 0 ? message.substring(0, nl) : message).strip();
    }

    private static final class Restricted extends MultiFieldQueryParser {

        Restricted(Analyzer analyzer) {
            super(FIELDS.keySet().toArray(String[]::new), analyzer, FIELDS);
            setAllowLeadingWildcard(false);
            setDefaultOperator(QueryParser.OR_OPERATOR);
            setSplitOnWhitespace(true);
            // "JASMINE-7", "e-cards", "COVID-19": one word typed, one phrase searched.
            setAutoGeneratePhraseQueries(true);
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
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            check(field);
            if (termStr.length() < 2) {
                throw new ParseException("a prefix query needs at least two characters before '*'");
            }
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            check(field);
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            check(field);
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
