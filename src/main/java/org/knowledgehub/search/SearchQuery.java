package org.knowledgehub.search;

import java.time.LocalDate;
import java.util.Map;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A parsed, validated search: the text query plus filters and paging. Null filters do not filter.
 *
 * @param from, to   the document's date
 * @param area       P-code of an area the passage mentions (a governorate matches its districts)
 * @param year       a year the passage speaks of
 * @param documentYear a year the passage's document is about (its edition: the VASyR 2022 is about 2022)
 * @param document   the id of the passage's document
 */
public record SearchQuery(Query text, String type, String organisation, LocalDate from, LocalDate to,
                          String sensitivity, String area, String sector, String population, String indicator,
                          Integer year, Integer documentYear, String document, int k, int offset) {

    /** No filter: every passage the caller may see (the text is not used). */
    public static SearchQuery unfiltered() {
        return new SearchQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, 10, 0);
    }

    /**
     * The requested filters, without the text; null when there are none. An index restricts what a
     * search sees with them, not the scored query.
     */
    public Query filters() {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (type != null) {
            b.add(new TermQuery(new Term(PassageIndex.TYPE, type)), BooleanClause.Occur.FILTER);
        }
        for (var filter : Map.of(PassageIndex.ORG, nullToEmpty(organisation), PassageIndex.AREA, nullToEmpty(area),
                PassageIndex.SECTOR, nullToEmpty(sector), PassageIndex.POPULATION, nullToEmpty(population),
                PassageIndex.INDICATOR, nullToEmpty(indicator), PassageIndex.YEAR, year == null ? "" : year.toString(),
                PassageIndex.DOC_YEAR, documentYear == null ? "" : documentYear.toString(), PassageIndex.DOC, nullToEmpty(document)).entrySet()) {
            if (!filter.getValue().isEmpty()) {
                b.add(new TermQuery(new Term(filter.getKey(), filter.getValue())), BooleanClause.Occur.FILTER);
            }
        }
        if (sensitivity != null) {
            b.add(new TermQuery(new Term(PassageIndex.SENSITIVITY, sensitivity)), BooleanClause.Occur.FILTER);
        }
        if (from != null || to != null) {
            b.add(LongPoint.newRangeQuery(PassageIndex.DATE, from == null ? Long.MIN_VALUE : from.toEpochDay(),
                    to == null ? Long.MAX_VALUE : to.toEpochDay()), BooleanClause.Occur.FILTER);
        }
        BooleanQuery filters = b.build();
        return filters.clauses().isEmpty() ? null : filters;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
