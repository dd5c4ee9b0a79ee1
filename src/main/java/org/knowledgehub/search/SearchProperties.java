package org.knowledgehub.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings.
 *
 * @param embeddings whether passages get sentence-embedding vectors at ingest and hybrid search
 *                   uses them (off: hybrid search is BM25 with ontology expansion)
 * @param candidates passages each ranking contributes before fusion
 * @param denseWeight weight (0 to 1) of the cosine similarity of a passage's embedding against its
 *                    relative lexical score in the fusion
 * @param sentenceCache sentences whose vectors are kept for picking quotes (about 1.5 KB each): the
 *                      sentences of the passages that answer questions come up again and again
 * @param countCache searches whose exact totals and facet counts are kept until the next index
 *                   commit (0: counted on every request): the next pages of a search, and the
 *                   searches everyone makes, count their matches once
 * @param translationWeight what the labels of a query's topics in the other languages weigh against
 *                          the query's own words (1: as much; see {@link CrossLanguage}). Below 1:
 *                          a language the hub holds little of has rare words, which score high, so
 *                          at 1 (and at 0.7) a French note outranked the English documents that
 *                          use an English query's own words
 * @param placeWeight what being linked to a place the query names weighs, for passages that match
 *                    the query's words or their translations
 * @param url the SolrCloud collection that holds the passages instead of the embedded Lucene index
 *            (e.g. http://solr:8983/solr/passages, made with the configset in
 *            {@code solr/configsets/knowledge-hub}); empty: the embedded index
 * @param timeout how long a request to that collection may take
 * @param exactNearest passages (those the caller may see, under the search's filters) up to which
 *                     the nearest to a question's vector are found by comparing every one: exact,
 *                     and unmoved by passages the caller may not see; beyond, the HNSW graph
 *                     answers sooner, approximately
 */
@ConfigurationProperties("kh.search")
public record SearchProperties(
        @DefaultValue("true") boolean embeddings,
        @DefaultValue("50") int candidates,
        @DefaultValue("0.4") double denseWeight,
        @DefaultValue("20000") int sentenceCache,
        @DefaultValue("256") int countCache,
        @DefaultValue("0.5") float translationWeight,
        @DefaultValue("0.5") float placeWeight,
        @DefaultValue("100000") int exactNearest,
        @DefaultValue("") String url,
        @DefaultValue("30s") Duration timeout) {
}
