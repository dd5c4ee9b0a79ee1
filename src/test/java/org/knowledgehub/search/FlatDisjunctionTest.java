package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flattening a search's words into one disjunction of field terms must not change which passages
 * match, nor, for one reading of the words, their scores; two readings score each word in each
 * field by the better one; +word and -word are left alone.
 */
class FlatDisjunctionTest {

    private static final String[] WORDS = {"water", "truck", "rent", "evict", "school", "wage"};
    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < 400; i++) {
                Document d = new Document();
                d.add(new TextField(PassageIndex.TEXT, WORDS[i % 6] + " filler " + WORDS[(i / 6) % 6] + " more words " + i, Field.Store.NO));
                d.add(new TextField(PassageIndex.SECTION, i % 5 == 0 ? WORDS[(i / 3) % 6] : "background", Field.Store.NO));
                d.add(new TextField(PassageIndex.TITLE, "report on " + WORDS[(i / 40) % 6], Field.Store.NO));
                writer.addDocument(d);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void oneReadingKeepsItsMatchesAndScoresWithEveryFieldTermAtTheTop() throws IOException {
        Query nested = words("water", "rent", "school");
        Query flat = FlatDisjunction.of(nested);

        assertThat(((BooleanQuery) flat).clauses()).hasSize(9).allSatisfy(c -> {
            assertThat(c.occur()).isEqualTo(BooleanClause.Occur.SHOULD);
            assertThat(c.query()).isNotInstanceOf(BooleanQuery.class);
        });
        Map<Integer, Float> before = scores(nested);
        assertThat(before).hasSizeGreaterThan(100);
        Map<Integer, Float> after = scores(flat);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((doc, score) -> assertThat(after.get(doc)).isCloseTo(score, within(1e-4f)));
    }

    @Test
    void readingsOfTheSameShapeScoreEachWordAndFieldByTheBetterReading() throws IOException {
        Query english = words("water", "truck");
        Query french = words("water", "evict");
        Query flat = FlatDisjunction.of(new DisjunctionMaxQuery(List.of(english, french), 0f));

        // "water" is read alike: once per field; the second word is a choice per field.
        assertThat(((BooleanQuery) flat).clauses()).hasSize(6);
        assertThat(((BooleanQuery) flat).clauses().stream().filter(c -> c.query() instanceof DisjunctionMaxQuery
                || c.query() instanceof BoostQuery b && b.getQuery() instanceof DisjunctionMaxQuery)).hasSize(3);
        Map<Integer, Float> eitherReading = scores(new DisjunctionMaxQuery(List.of(english, french), 0f));
        Map<Integer, Float> after = scores(flat);
        assertThat(after.keySet()).isEqualTo(eitherReading.keySet());
        // The best reading per word and field scores at least the best reading of all the words together.
        eitherReading.forEach((doc, score) -> assertThat(after.get(doc)).isGreaterThanOrEqualTo(score - 1e-4f));
        assertThat(after.entrySet()).anyMatch(e -> e.getValue() > eitherReading.get(e.getKey()) + 1e-3f);
    }

    @Test
    void requiredOrExcludedWordsAndReadingsOfDifferentShapesAreLeftAsTheyAre() {
        Query required = new BooleanQuery.Builder()
                .add(words("water"), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(PassageIndex.TEXT, "rent")), BooleanClause.Occur.MUST_NOT).build();
        assertThat(FlatDisjunction.of(required)).isEqualTo(required);

        Query differentShapes = new DisjunctionMaxQuery(List.of(words("water", "truck"), words("water")), 0f);
        assertThat(FlatDisjunction.of(differentShapes)).isEqualTo(differentShapes);
    }

    /** The words as the search parser builds them: one optional clause per word over the three fields. */
    private static Query words(String... words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : words) {
            b.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(PassageIndex.TEXT, w)), 1.0f), BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term(PassageIndex.SECTION, w)), 0.5f), BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term(PassageIndex.TITLE, w)), 0.3f), BooleanClause.Occur.SHOULD)
                    .build(), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static Map<Integer, Float> scores(Query query) throws IOException {
        Map<Integer, Float> out = new HashMap<>();
        for (ScoreDoc hit : searcher.search(query, reader.maxDoc()).scoreDocs) {
            out.put(hit.doc, hit.score);
        }
        return out;
    }
}
