package org.knowledgehub.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;

/**
 * A query of optional clauses rewritten as one flat disjunction of its leaves: a word over text,
 * section and title becomes three clauses of the top query rather than one clause holding three.
 * Lucene's dynamic pruning (MaxScore) ranks the top-level clauses by the most each can add and
 * only checks, for the documents the others found, the ones that cannot reach the top hits alone.
 * Nested, a common word's document-title postings (every passage of every document with the word
 * in its title, all scoring alike) were read in full with its text postings: at 100,000 passages
 * the title was most of a plain search's time, and more so at a million.
 *
 * <p>Readings of the same words by several analyses (a disjunction of alternatives, the best
 * scoring) are paired clause by clause where they have the same shape: each word in each field
 * scores by the reading that fits the passage best. Scores of a sum of optional clauses are
 * unchanged by flattening; required or excluded clauses (+word, -word) are left as they are.
 */
final class FlatDisjunction {

    private FlatDisjunction() {
    }

    static Query of(Query query) {
        List<Query> leaves = new ArrayList<>();
        collect(query, 1f, leaves);
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        leaves.forEach(leaf -> b.add(leaf, BooleanClause.Occur.SHOULD));
        return b.build();
    }

    private static void collect(Query query, float boost, List<Query> out) {
        if (query instanceof BoostQuery b) {
            collect(b.getQuery(), boost * b.getBoost(), out);
            return;
        }
        if (optionalOnly(query)) {
            ((BooleanQuery) query).clauses().forEach(c -> collect(c.query(), boost, out));
            return;
        }
        if (query instanceof DisjunctionMaxQuery d && d.getTieBreakerMultiplier() == 0f) {
            Query paired = paired(List.copyOf(d.getDisjuncts()));
            if (!(paired instanceof DisjunctionMaxQuery)) {
                collect(paired, boost, out);
                return;
            }
        }
        out.add(boost == 1f ? query : new BoostQuery(query, boost));
    }

    /** Alternatives of the same shape, as one query of their corresponding parts' best; else their best. */
    private static Query paired(List<Query> alternatives) {
        List<Query> distinct = List.copyOf(new LinkedHashSet<>(alternatives));
        if (distinct.size() == 1) {
            return distinct.getFirst();
        }
        if (distinct.stream().allMatch(FlatDisjunction::optionalOnly)) {
            int size = ((BooleanQuery) distinct.getFirst()).clauses().size();
            if (distinct.stream().allMatch(q -> ((BooleanQuery) q).clauses().size() == size)) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (int i = 0; i < size; i++) {
                    int clause = i;
                    b.add(paired(distinct.stream().map(q -> ((BooleanQuery) q).clauses().get(clause).query()).toList()),
                            BooleanClause.Occur.SHOULD);
                }
                return b.build();
            }
        }
        if (distinct.stream().allMatch(q -> q instanceof BoostQuery)) {
            float boost = ((BoostQuery) distinct.getFirst()).getBoost();
            if (distinct.stream().allMatch(q -> ((BoostQuery) q).getBoost() == boost)) {
                return new BoostQuery(paired(distinct.stream().map(q -> ((BoostQuery) q).getQuery()).toList()), boost);
            }
        }
        return new DisjunctionMaxQuery(distinct, 0f);
    }

    private static boolean optionalOnly(Query query) {
        return query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0
                && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD);
    }
}
