package org.knowledgehub.search;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The passages nearest to a vector found by comparing it with every passage a filter selects.
 * Unlike the HNSW walk, whose path and per-segment share of the results depend on every vector
 * in the index, what this finds depends only on the passages the filter selects: a caller's
 * answers do not move when passages they may not see are added.
 */
final class ExactNearest {

    private ExactNearest() {
    }

    /** The {@code n} best by the field's vector similarity (the score a kNN query gives), ties to the lower document. */
    static TopDocs search(IndexSearcher searcher, Query filter, String field, float[] vector, int n) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        HitQueue queue = new HitQueue(n, false);
        long compared = 0;
        ScoreDoc spare = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            Scorer selected = values == null ? null : weight.scorer(leaf);
            if (selected == null) {
                continue;
            }
            VectorScorer scorer = values.scorer(vector);
            DocIdSetIterator both = ConjunctionUtils.intersectIterators(List.of(selected.iterator(), scorer.iterator()));
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = both.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = both.nextDoc()) {
                if (live == null || live.get(doc)) {
                    if (spare == null) {
                        spare = new ScoreDoc(0, 0);
                    }
                    spare.doc = leaf.docBase + doc;
                    spare.score = scorer.score();
                    spare = queue.insertWithOverflow(spare);
                    compared++;
                }
            }
        }
        ScoreDoc[] best = new ScoreDoc[queue.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = queue.pop();
        }
        return new TopDocs(new TotalHits(compared, TotalHits.Relation.EQUAL_TO), best);
    }
}
