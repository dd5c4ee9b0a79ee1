package org.knowledgehub.search;

/**
 * A passage that matched, with its score and the best fragment of it with matches marked
 * ({@code <mark>}; the rest of the text HTML-escaped).
 */
public record SearchHit(IndexedPassage passage, float score, String fragment) {
}
