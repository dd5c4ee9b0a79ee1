package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.knowledgehub.security.VisibleGraphs;

/**
 * A search's filters make a reader that sees the caller's passages the filters select; those readers
 * are kept per index reader within a memory budget shared by every caller, the least recently used
 * going first, so many callers with many filter combinations cannot fill the heap.
 */
class VisibleStatisticsTest {

    private static final int PASSAGES = 1000;

    @Test
    void filteredReadersSeeWhatTheyShouldAndStayWithinTheirBudget() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int i = 0; i < PASSAGES; i++) {
                    Document d = new Document();
                    d.add(new StringField("graph", "g" + (i % 4), Field.Store.NO));
                    d.add(new StringField("sector", "s" + (i % 10), Field.Store.NO));
                    d.add(new TextField("text", "water trucking in zahle", Field.Store.NO));
                    writer.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher base = new IndexSearcher(reader);
                long bytesEach = (PASSAGES + 63) / 64 * Long.BYTES;
                VisibleStatistics statistics = new VisibleStatistics(3 * bytesEach);
                VisibleGraphs caller = new VisibleGraphs(Set.of());
                Query twoGraphs = new TermInSetQuery("graph", List.of(new BytesRef("g0"), new BytesRef("g1")));

                IndexSearcher sector0 = statistics.searcher(base, caller, twoGraphs, new TermQuery(new Term("sector", "s0")));
                // Sector s0 is passages 0, 10, 20...: in graph g0 or g2, and the caller sees g0 only of those.
                assertThat(sector0.count(new TermQuery(new Term("text", "water")))).isEqualTo(50);
                assertThat(statistics.searcher(base, caller, twoGraphs, new TermQuery(new Term("sector", "s1")))
                        .count(new TermQuery(new Term("text", "water")))).isEqualTo(50);

                List<IndexSearcher> first = new ArrayList<>();
                for (int s = 0; s < 3; s++) {
                    first.add(statistics.searcher(base, caller, twoGraphs, new TermQuery(new Term("sector", "s" + s))));
                }
                assertThat(first.get(2).getIndexReader()).as("kept while within the budget")
                        .isSameAs(statistics.searcher(base, caller, twoGraphs, new TermQuery(new Term("sector", "s2"))).getIndexReader());
                statistics.searcher(base, caller, twoGraphs, new TermQuery(new Term("sector", "s3")));
                // Three fit: s3 pushed out the least recently used, s0; s2 (used last but one) is still kept.
                assertThat(statistics.searcher(base, caller, twoGraphs, new TermQuery(new Term("sector", "s2"))).getIndexReader())
                        .isSameAs(first.get(2).getIndexReader());
                assertThat(statistics.searcher(base, caller, twoGraphs, new TermQuery(new Term("sector", "s0"))).getIndexReader())
                        .as("made again after it was pushed out").isNotSameAs(first.get(0).getIndexReader());
            }
        }
    }
}
