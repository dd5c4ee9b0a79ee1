package org.knowledgehub.search;

import java.time.LocalDate;

import org.apache.lucene.search.Query;

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
}
