package org.knowledgehub.search;

import java.time.LocalDate;

import org.apache.lucene.search.Query;

/**
 * A parsed, validated search: the text query plus filters and paging. Null filters do not filter.
 */
public record SearchQuery(Query text, String type, String organisation, LocalDate from, LocalDate to,
                          String sensitivity, int k, int offset) {
}
