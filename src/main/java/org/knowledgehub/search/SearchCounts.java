package org.knowledgehub.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

/**
 * Exact totals and facet counts already computed for the current index reader, keyed by the whole
 * filtered query. That query holds the caller's visible-graph filter, so two callers who may see
 * different graphs never share an entry; a commit opens a new reader and so empties the cache.
 * Least recently used entries go first beyond {@code size} (0: no caching).
 */
final class SearchCounts {

    /** What the unscored pass over every match gave; facets empty when they were not asked for. */
    record Counts(long total, Map<String, Map<String, Long>> facets, boolean withFacets) {
    }

    /** The unscored pass. */
    interface Counter {
        Counts count() throws IOException;
    }

    private record Key(Query query, boolean withFacets) {
    }

    private final int size;
    private IndexReader reader;
    private final Map<Key, Counts> entries;

    SearchCounts(int size) {
        this.size = size;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Counts> eldest) {
                return size() > SearchCounts.this.size;
            }
        };
    }

    /**
     * The counts of {@code query} on {@code reader}, computed by {@code compute} unless known. With
     * facets known, a request without them takes those.
     */
    Counts get(IndexReader reader, Query query, boolean withFacets, Counter compute) throws IOException {
        Counts known = lookup(reader, query, withFacets);
        if (known != null) {
            return known;
        }
        Counts counts = compute.count();
        synchronized (this) {
            if (this.reader == reader && size > 0) {
                entries.put(new Key(query, withFacets), counts);
            }
        }
        return counts;
    }

    private synchronized Counts lookup(IndexReader reader, Query query, boolean withFacets) {
        if (this.reader != reader) {
            this.reader = reader;
            entries.clear();
            return null;
        }
        Counts withThem = entries.get(new Key(query, true));
        return withThem != null || withFacets ? withThem : entries.get(new Key(query, false));
    }
}
