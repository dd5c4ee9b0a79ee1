package org.knowledgehub.search;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.knowledgehub.security.VisibleGraphs;

/**
 * The index of passages every search, answer and page reads: BM25 full-text search with
 * highlighting, filters and facets, nearest passages by embedding, always restricted to the graphs
 * the caller may see and scored over their passages only. Writes are staged and committed together
 * with the store (see the ingest committer); searches see committed data only. Two implementations:
 * the embedded Lucene index ({@link LucenePassageIndex}, the default) and a SolrCloud collection
 * ({@link SolrPassageIndex}, with {@code kh.search.url}).
 */
public interface PassageIndex {

    // The fields of a passage, under the same names in both indexes.
    String ID = "id";
    String DOC = "doc";
    String GRAPH = "graph";
    String STAMP = "stamp";
    String TYPE = "type";
    String ORG = "organisation";
    String YEAR = "year";
    String DATE = "date";
    String DATE_STORED = "date_iso";
    String SENSITIVITY = "sensitivity";
    String AREA = "area";
    String SECTOR = "sector";
    String POPULATION = "population";
    String INDICATOR = "indicator";
    String PERSONAL_DATA = "personal_data";
    String TABLE = "table";
    String DOC_YEAR = "doc_year";
    String DOC_POPULATION = "doc_population";
    String DOC_AREA = "doc_area";
    String TEXT = "text";
    String SECTION = "section";
    String TITLE = "title";
    String LANGUAGE = "language";
    List<String> FACETS = List.of(TYPE, ORG, YEAR, AREA, SECTOR, POPULATION, INDICATOR);

    /** A hit of SPARQL's kh:search: the passage, its graph, its score and, when asked for, its highlighted fragment. */
    record TextHit(String passageUri, String graph, float score, String fragment) {
    }

    /** The hits of {@link #searchAll}, read as they are taken; closed by whoever took them. */
    interface TextHits extends Iterator<TextHit>, AutoCloseable {
        @Override
        void close();
    }

    /** The index as of one commit, kept until closed: what a backup copies. */
    interface Snapshot extends AutoCloseable {

        /** Passages in this commit. */
        int passages();

        /**
         * Copies this commit into {@code target} (which must exist): a complete index there.
         *
         * @return false when the hub does not keep the index (a search engine's collection, backed up
         *         by the engine): nothing is copied, and a hub restored from the backup rebuilds its
         *         index from the store
         */
        boolean copyTo(Path target);

        @Override
        void close();
    }

    /** The analyses of query text, one per reading of its words (see {@link TextAnalysis}). */
    default List<Analyzer> queryAnalyzers() {
        return TextAnalysis.QUERY_READINGS;
    }

    // ---- writing: callers hold the write lock from their first staged change to the commit or rollback

    /**
     * The index has one set of staged changes: whoever stages changes (the ingest committer, start-up
     * repair, the passage vectors) holds this lock until they are committed or rolled back, so that
     * no one commits or drops the changes of another.
     */
    ReentrantLock writeLock();

    /** Stages the replacement of a document's passages (not visible until {@link #commit()}). */
    void stageReplace(String documentId, List<IndexedPassage> passages);

    void stageDelete(String documentId);

    /** First phase: everything staged is made ready to become the index's state. */
    void prepareCommit();

    /** Second phase: the staged changes become the index; searches see them from now on. */
    void commit();

    /** Drops everything staged since the last commit. */
    void rollback();

    /** Makes the index as quick to search as it can be after a bulk ingest (holds the write lock). */
    void mergeSegments();

    /** Which embedding model made the vectors of the last commit; empty when none was recorded. */
    Optional<String> vectorsOf();

    /** Records, with the next commit, which embedding model makes the vectors from now on. */
    void recordVectorsOf(String model);

    /** Which text analysis made the index's terms; empty when none was recorded. */
    Optional<String> analysisOf();

    /** Records, with the next commit, that the index's terms are those of the current text analysis. */
    void recordAnalysis();

    // ---- reading

    /** The page of best passages with the exact total and, if asked for, the facet counts. */
    SearchPage search(SearchQuery q, VisibleGraphs visible, boolean withFacets);

    /**
     * The best {@code limit} passages for a query under its filters, without paging or facets
     * (SPARQL's kh:search), read as the caller takes them; without {@code fragments}, none.
     */
    TextHits searchAll(SearchQuery q, VisibleGraphs visible, int limit, boolean fragments);

    /**
     * The best {@code n} passages for a ranking query under the filters of {@code q} (its text is
     * ignored), highlighted with {@code highlight}: one of the rankings hybrid search fuses.
     */
    List<SearchHit> rank(Query ranking, Query highlight, SearchQuery q, VisibleGraphs visible, int n);

    /** The {@code n} passages nearest to a unit vector, under the filters of {@code q}. */
    List<SearchHit> nearest(float[] vector, Query highlight, SearchQuery q, VisibleGraphs visible, int n);

    /** The cosine of each given passage's embedding to a unit vector: those the caller may see and that have one. */
    Map<String, Double> similarities(Collection<String> passageUris, float[] vector, VisibleGraphs visible);

    /** How many passages the caller may see hold an index term in their text, their section's title or their document's. */
    int countWithTerm(String term, VisibleGraphs visible);

    /** A passage by its IRI, if the caller may see it. */
    default Optional<IndexedPassage> byUri(String uri, VisibleGraphs visible) {
        return Optional.ofNullable(byUris(List.of(uri), visible).get(uri));
    }

    /** The passages of the given IRIs the caller may see, by IRI. */
    Map<String, IndexedPassage> byUris(Collection<String> passageUris, VisibleGraphs visible);

    /** The index stamp each document's passages carry, for start-up reconciliation with the store. */
    Map<String, String> stamps();

    /** The documents some of whose passages have no embedding (yet), in id order. */
    Set<String> documentsWithoutVectors();

    /** Passages in the index. */
    int count();

    /** The last commit, kept until closed; take it holding the write lock to pair it with the store. */
    Snapshot snapshot();

    /** Bytes of the index on this machine's disk (none for a remote index). */
    long sizeOnDisk();
}
