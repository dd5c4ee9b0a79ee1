package org.knowledgehub.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results, the exact number of matching passages the caller may see, and facet
 * counts (dimension, then value, then count) over all of them.
 */
public record SearchPage(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
}
