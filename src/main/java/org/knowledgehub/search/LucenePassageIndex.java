package org.knowledgehub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.knowledgehub.HubProperties;
import org.knowledgehub.security.VisibleGraphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of passages: BM25 full-text search with highlighting, filters and facets,
 * always restricted to the graphs the caller may see. Writes are staged and committed in two
 * phases together with the store (see the ingest committer); searches see committed data only.
 */
public class LucenePassageIndex implements PassageIndex, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PassageIndex.class);

    /** The passage IRI as doc values: what orders passages of equal score (see {@link #RANKING}). */
    private static final String ID_ORDER = "id_order";
    /**
     * By score, then by passage IRI: passages of equal score come in the same order whatever the
     * segments' state (merges and re-indexed passages change the internal ids that would break ties).
     */
    private static final Sort RANKING = new Sort(SortField.FIELD_SCORE, new SortField(ID_ORDER, SortField.Type.STRING));
    /** The passage's graph as doc values: SPARQL's hits read it with the IRI, not from the stored fields. */
    private static final String GRAPH_VALUE = "graph_value";
    static final String DOC_STAMP = "doc_stamp";
    private static final String NUMBER = "n";
    private static final String START = "start";
    private static final String END = "end";
    private static final String SECTION_URI = "section_uri";
    private static final String DOC_URI = "doc_uri";
    private static final String VECTOR = "vector";

    /** Facet dimensions, in the order results list them. */

    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    /** Commit data key naming the embedding model of the index's vectors. */
    private static final String VECTORS_OF = "vectors-of";
    /** Commit data key naming the {@link TextAnalysis#VERSION text analysis} of the index's terms. */
    private static final String ANALYSIS = "analysis";

    private final Path folder;
    private final Directory directory;
    /** Keeps the last commit, and any commit a backup is copying until it is done. Shared by every writer opened. */
    private final SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    private final Analyzer analyzer;
    /** A passage's text, section and document title are analysed in the passage's language. */
    private final Map<String, Analyzer> byLanguage = new HashMap<>();
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final SearcherManager searchers;
    private IndexWriter writer;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile FacetState facetState;
    private volatile VisibleFilter lastFilter;
    /** Scores count only the passages the caller may see: a score must not tell of the others. */
    private final VisibleStatistics statistics = new VisibleStatistics();
    private final SearchCounts counts;
    private final int exactNearest;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    public LucenePassageIndex(HubProperties hub, SearchProperties properties) throws IOException {
        this.counts = new SearchCounts(properties.countCache());
        this.exactNearest = properties.exactNearest();
        Path dir = hub.dataDir().resolve("index");
        Files.createDirectories(dir);
        this.folder = dir;
        this.directory = FSDirectory.open(dir);
        this.analyzer = TextAnalysis.fields("en");
        TextAnalysis.LANGUAGES.forEach(l -> byLanguage.put(l, TextAnalysis.of(l)));
        for (String dim : List.of(ORG, YEAR, AREA, SECTOR, POPULATION, INDICATOR)) {
            facetsConfig.setMultiValued(dim, true);
        }
        this.writer = openWriter();
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit();
        }
        this.searchers = new SearcherManager(directory, null);
        log.info("Search index open: {} passages", count());
    }

    /**
     * Which embedding model made the vectors of the last commit ({@code none} without vectors);
     * empty for an index written before this was recorded.
     */
    public Optional<String> vectorsOf() {
        return commitData(VECTORS_OF);
    }

    /** Records, with the next commit, which embedding model makes the vectors from now on. */
    public void recordVectorsOf(String model) {
        recordCommitData(VECTORS_OF, model);
    }

    /**
     * Which text analysis made the index's terms; empty for an index written before this was
     * recorded (English only).
     */
    public Optional<String> analysisOf() {
        return commitData(ANALYSIS);
    }

    /** Records, with the next commit, that the index's terms are those of the current text analysis. */
    public void recordAnalysis() {
        recordCommitData(ANALYSIS, TextAnalysis.VERSION);
    }

    private Optional<String> commitData(String key) {
        IndexSearcher searcher = acquire();
        try {
            return Optional.ofNullable(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData().get(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private void recordCommitData(String key, String value) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        data.put(key, value);
        writer.setLiveCommitData(data.entrySet(), true);
    }

    private IndexWriter openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setCommitOnClose(false);
        config.setIndexDeletionPolicy(snapshots);
        return new IndexWriter(directory, config);
    }

    // ---- writing: callers hold the write lock from their first staged change to the commit or rollback

    /**
     * The index has one set of staged changes: whoever stages changes (the ingest committer, start-up
     * repair, the passage vectors) holds this lock until they are committed or rolled back, so that
     * no one commits or drops the changes of another.
     */
    public ReentrantLock writeLock() {
        return writes;
    }

    /** Stages the replacement of a document's passages (not visible until {@link #commit()}). */
    public void stageReplace(String documentId, List<IndexedPassage> passages) {
        try {
            writer.deleteDocuments(new Term(DOC, documentId));
            for (IndexedPassage p : passages) {
                writer.addDocument(facetsConfig.build(toDocument(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stageDelete(String documentId) {
        try {
            writer.deleteDocuments(new Term(DOC, documentId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First phase: everything staged is durable but not yet the index's current state. */
    public void prepareCommit() {
        try {
            writer.prepareCommit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Second phase: the staged changes become the index; searches see them from now on. */
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the index into one segment and commits it. A bulk ingest leaves a segment per commit,
     * and a search looks each of its terms up and sets up its scorers once per segment: at 100,000
     * passages, a plain search took 3.3 ms at p50 over the eight segments a bulk ingest left and
     * 2.0 ms over one. Holds the write lock, so nothing staged by another writer is committed with it.
     */
    public void mergeSegments() {
        writes.lock();
        try {
            writer.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writes.unlock();
        }
    }

    /** Drops everything staged since the last commit. */
    public void rollback() {
        try {
            writer.rollback();
        } catch (IOException e) {
            log.warn("Index rollback failed: {}", e.toString());
        }
        try {
            writer = openWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the search index after a rollback", e);
        }
    }

    private Document toDocument(IndexedPassage p) {
        Document d = new Document();
        d.add(new StringField(ID, p.passageUri(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID_ORDER, new BytesRef(p.passageUri())));
        d.add(new StringField(DOC, p.documentId(), Field.Store.YES));
        d.add(new StringField(GRAPH, p.graph(), Field.Store.YES));
        d.add(new SortedDocValuesField(GRAPH_VALUE, new BytesRef(p.graph())));
        d.add(new StoredField(STAMP, p.stamp()));
        d.add(new SortedDocValuesField(DOC_STAMP, new BytesRef(p.documentId() + "\t" + p.stamp())));
        d.add(new StoredField(DOC_URI, p.documentUri()));
        d.add(new StoredField(NUMBER, p.number()));
        d.add(new StoredField(START, p.start()));
        d.add(new StoredField(END, p.end()));
        d.add(new StringField(TYPE, p.documentType(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(TYPE, p.documentType()));
        addKeywords(d, ORG, p.organisations());
        addKeywords(d, AREA, p.areas());
        addKeywords(d, SECTOR, p.sectors());
        addKeywords(d, POPULATION, p.populations());
        addKeywords(d, INDICATOR, p.indicators());
        addKeywords(d, YEAR, p.years().stream().map(String::valueOf).toList());
        if (p.personalData()) {
            d.add(new StringField(PERSONAL_DATA, "true", Field.Store.YES));
        }
        if (p.table()) {
            d.add(new StringField(TABLE, "true", Field.Store.YES));
        }
        p.documentYears().forEach(y -> d.add(new StringField(DOC_YEAR, y.toString(), Field.Store.YES)));
        p.documentPopulations().forEach(g -> d.add(new StringField(DOC_POPULATION, g, Field.Store.YES)));
        p.documentAreas().forEach(a -> d.add(new StringField(DOC_AREA, a, Field.Store.YES)));
        if (p.date() != null) {
            d.add(new LongPoint(DATE, p.date().toEpochDay()));
            d.add(new StoredField(DATE_STORED, p.date().toString()));
        }
        d.add(new StringField(SENSITIVITY, p.sensitivity(), Field.Store.YES));
        Analyzer language = byLanguage.get(TextAnalysis.normalise(p.language()));
        d.add(new StringField(LANGUAGE, p.language(), Field.Store.YES));
        addText(d, TEXT, p.text(), TEXT_WITH_OFFSETS, language);
        if (p.sectionUri() != null) {
            d.add(new StoredField(SECTION_URI, p.sectionUri()));
        }
        if (p.sectionTitle() != null) {
            addText(d, SECTION, p.sectionTitle(), TextField.TYPE_NOT_STORED, language);
        }
        addText(d, TITLE, p.documentTitle(), TextField.TYPE_NOT_STORED, language);
        if (p.vector() != null) {
            // Unit vectors: the dot product is the cosine and the cheapest similarity to compute.
            d.add(new KnnFloatVectorField(VECTOR, p.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    /** A keyword field that can be filtered on, stored for results, and counted as a facet. */
    private static void addKeywords(Document d, String field, List<String> values) {
        for (String v : values) {
            d.add(new StringField(field, v, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(field, v));
        }
    }

    // ---- reading

    /**
     * The page of best passages (scored, with Lucene's dynamic pruning) and the exact total, with
     * facet counts if asked for. The total comes from the scoring pass when it counted every match;
     * otherwise, and for facets, an unscored pass over every match counts them, once per query,
     * caller's visible graphs and index state (see {@link SearchCounts}). Collecting facets in the
     * scoring pass would score every match and switch the pruning off.
     */
    public SearchPage search(SearchQuery q, VisibleGraphs visible, boolean withFacets) {
        IndexSearcher acquired = acquire();
        try {
            Query restriction = q.filters();
            IndexSearcher searcher = visibleSearcher(acquired, visible, restriction);
            TopDocs top = withScores(searcher.search(q.text(), Math.max(1, q.offset() + q.k()), RANKING, false));
            List<SearchHit> hits = hits(searcher, q.text(), slice(top.scoreDocs, q.offset(), q.k()), top);
            SearchCounts.Counts counts;
            if (!withFacets && top.totalHits.relation() == TotalHits.Relation.EQUAL_TO) {
                counts = new SearchCounts.Counts(top.totalHits.value(), Map.of(), false);
            } else {
                // Facet values are numbered per reader, the index's own: the unscored pass runs on
                // it, with the access decision as a filter (which costs nothing there: nothing is scored).
                BooleanQuery.Builder b = new BooleanQuery.Builder()
                        .add(q.text(), BooleanClause.Occur.MUST)
                        .add(statistics.filter(acquired, visible, visibleFilter(visible)), BooleanClause.Occur.FILTER);
                if (restriction != null) {
                    b.add(restriction, BooleanClause.Occur.FILTER);
                }
                Query counted = b.build();
                counts = this.counts.get(acquired.getIndexReader(), counted, withFacets, () -> count(acquired, counted, withFacets));
            }
            return new SearchPage(counts.total(), hits, withFacets ? counts.facets() : Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(acquired);
        }
    }

    /**
     * The hits' scores, from the ranking's first sort value: asking the search for them would score
     * the page's passages a second time, with a weight and scorers of their own.
     */
    private static TopDocs withScores(TopDocs ranked) {
        for (ScoreDoc d : ranked.scoreDocs) {
            d.score = (Float) ((FieldDoc) d).fields[0];
        }
        return ranked;
    }

    /** The unscored pass: every match counted, and by facet value if asked for. */
    private SearchCounts.Counts count(IndexSearcher searcher, Query query, boolean withFacets) throws IOException {
        if (!withFacets) {
            return new SearchCounts.Counts(searcher.count(query), Map.of(), false);
        }
        FacetsCollector fc = searcher.search(new ConstantScoreQuery(query), new FacetsCollectorManager());
        long total = fc.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
        Map<String, Map<String, Long>> facets = facets(searcher, fc, total);
        facets.replaceAll((dim, values) -> Collections.unmodifiableMap(values)); // shared through the cache
        return new SearchCounts.Counts(total, Collections.unmodifiableMap(facets), true);
    }

    /**
     * The best {@code limit} passages for a query under its filters, without paging or facets
     * (SPARQL's kh:search), read one by one as the caller takes them: a query that joins them and
     * stops at 10 rows reads 10 or so of up to 10,000 hits, and only the stored fields a binding
     * needs. Without {@code fragments}, hits have none and nothing is highlighted. The caller closes
     * the hits, which holds an index searcher until then.
     */
    @Override
    public TextHits searchAll(SearchQuery q, VisibleGraphs visible, int limit, boolean fragments) {
        IndexSearcher acquired = acquire();
        try {
            IndexSearcher searcher = visibleSearcher(acquired, visible, q.filters());
            TopDocs top = searcher.search(q.text(), limit);
            String[] highlighted = fragments && top.scoreDocs.length > 0 ? highlighter(searcher).highlight(TEXT, q.text(), top, 1) : null;
            return new LuceneTextHits(acquired, searcher, top.scoreDocs, highlighted);
        } catch (IOException e) {
            release(acquired);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            release(acquired);
            throw e;
        }
    }

    /**
     * The hits of {@link #searchAll}, read as they are taken. Without fragments, a hit's IRI and graph
     * come from doc values, {@value #HITS_READ_AT_ONCE} hits at a time in index order: the stored
     * fields would decompress a block per hit, which was a sixth of a 10,000-hit SPARQL count's time.
     * A passage indexed before its graph had doc values is read from the stored fields.
     */
    private final class LuceneTextHits implements TextHits {

        private static final int HITS_READ_AT_ONCE = 256;

        private final IndexSearcher acquired;
        private final List<LeafReaderContext> leaves;
        private final StoredFields stored;
        private final ScoreDoc[] docs;
        private final String[] highlighted;
        private final String[] ids;
        private final String[] graphs;
        private int read;
        private int next;
        private boolean closed;

        private LuceneTextHits(IndexSearcher acquired, IndexSearcher searcher, ScoreDoc[] docs, String[] highlighted)
                throws IOException {
            this.acquired = acquired;
            this.leaves = searcher.getIndexReader().leaves();
            this.stored = searcher.storedFields();
            this.docs = docs;
            this.highlighted = highlighted;
            this.ids = new String[docs.length];
            this.graphs = new String[docs.length];
        }

        @Override
        public boolean hasNext() {
            return !closed && next < docs.length;
        }

        @Override
        public TextHit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = next++;
            try {
                if (highlighted != null) {
                    Document d = stored.document(docs[i].doc, Set.of(ID, GRAPH, TEXT));
                    return new TextHit(d.get(ID), d.get(GRAPH), docs[i].score, fragment(highlighted, i, d.get(TEXT)));
                }
                if (i >= read) {
                    readFrom(i);
                }
                return new TextHit(ids[i], graphs[i], docs[i].score, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads the IRI and graph of the next hits from {@code from}, in index order (doc values only go forward). */
        private void readFrom(int from) throws IOException {
            int to = Math.min(docs.length, from + HITS_READ_AT_ONCE);
            Integer[] order = new Integer[to - from];
            Arrays.setAll(order, k -> from + k);
            Arrays.sort(order, Comparator.comparingInt(k -> docs[k].doc));
            LeafReaderContext leaf = null;
            SortedDocValues idValues = null;
            SortedDocValues graphValues = null;
            for (int i : order) {
                int doc = docs[i].doc;
                if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                    idValues = DocValues.getSorted(leaf.reader(), ID_ORDER);
                    graphValues = DocValues.getSorted(leaf.reader(), GRAPH_VALUE);
                }
                int local = doc - leaf.docBase;
                if (idValues.advanceExact(local) && graphValues.advanceExact(local)) {
                    ids[i] = idValues.lookupOrd(idValues.ordValue()).utf8ToString();
                    graphs[i] = graphValues.lookupOrd(graphValues.ordValue()).utf8ToString();
                } else {
                    Document d = stored.document(doc, Set.of(ID, GRAPH));
                    ids[i] = d.get(ID);
                    graphs[i] = d.get(GRAPH);
                }
            }
            read = to;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(acquired);
            }
        }
    }

    /**
     * The best {@code n} passages for a ranking query under the filters of {@code q} (its text is
     * ignored), highlighted with {@code highlight}: one of the rankings hybrid search fuses.
     */
    public List<SearchHit> rank(Query ranking, Query highlight, SearchQuery q, VisibleGraphs visible, int n) {
        return top(ranking, highlight, visible, q.filters(), n);
    }

    /** How many passages the caller may see hold an index term in their text, their section's title or their document's. */
    public int countWithTerm(String term, VisibleGraphs visible) {
        Query anywhere = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(SECTION, term)), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(TITLE, term)), BooleanClause.Occur.SHOULD)
                .build();
        IndexSearcher acquired = acquire();
        try {
            return visibleSearcher(acquired, visible, null).count(anywhere);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(acquired);
        }
    }

    /**
     * The passages of the given IRIs the caller may see, by IRI (for the passages around an answer,
     * which may complete it).
     */
    public Map<String, IndexedPassage> byUris(Collection<String> passageUris, VisibleGraphs visible) {
        return withIds(passageUris, visible, (searcher, found) -> {
            Map<String, IndexedPassage> out = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : found) {
                IndexedPassage p = fromDocument(stored.document(sd.doc));
                out.put(p.passageUri(), p);
            }
            return out;
        });
    }

    /** What {@code read} makes of the caller's passages with these IRIs (nothing when none are given). */
    private <T> Map<String, T> withIds(Collection<String> passageUris, VisibleGraphs visible, FoundReader<T> read) {
        if (passageUris.isEmpty()) {
            return Map.of();
        }
        IndexSearcher acquired = acquire();
        try {
            IndexSearcher searcher = visibleSearcher(acquired, visible, null);
            Query query = new TermInSetQuery(ID, passageUris.stream().map(BytesRef::new).toList());
            return read.read(searcher, searcher.search(query, passageUris.size()).scoreDocs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(acquired);
        }
    }

    private interface FoundReader<T> {
        Map<String, T> read(IndexSearcher searcher, ScoreDoc[] found) throws IOException;
    }

    /** The {@code n} passages nearest to a unit vector, under the filters of {@code q}. */
    public List<SearchHit> nearest(float[] vector, Query highlight, SearchQuery q, VisibleGraphs visible, int n) {
        IndexSearcher acquired = acquire();
        try {
            // The access decision and the filters go to the vector search itself as its filter. Up to
            // kh.search.exact-nearest passages, every one is compared: the HNSW walk's results move
            // when passages the caller may not see are added (its path and each segment's share of k
            // depend on them), and the fused ranking moves with them.
            BooleanQuery.Builder filter = new BooleanQuery.Builder()
                    .add(statistics.filter(acquired, visible, visibleFilter(visible)), BooleanClause.Occur.FILTER);
            Query restriction = q.filters();
            if (restriction != null) {
                filter.add(restriction, BooleanClause.Occur.FILTER);
            }
            IndexSearcher searcher = visibleSearcher(acquired, visible, null);
            Query selected = filter.build();
            TopDocs top = searcher.count(selected) <= exactNearest ? ExactNearest.search(searcher, selected, VECTOR, vector, n)
                    : searcher.search(new KnnFloatVectorQuery(VECTOR, vector, n, selected), n);
            return hits(searcher, highlight, top.scoreDocs, top);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(acquired);
        }
    }

    /**
     * The cosine similarity of the stored embedding of each of the given passages to a unit
     * vector, read without a search; passages the caller may not see, or without an embedding
     * (indexed with embeddings off), are left out.
     */
    public Map<String, Double> similarities(Collection<String> passageUris, float[] vector, VisibleGraphs visible) {
        return withIds(passageUris, visible, (searcher, found) -> {
            Arrays.sort(found, Comparator.comparingInt(sd -> sd.doc));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            StoredFields stored = searcher.storedFields();
            Map<String, Double> out = new HashMap<>();
            int leafIndex = -1;
            FloatVectorValues vectors = null;
            KnnVectorValues.DocIndexIterator iterator = null;
            for (ScoreDoc sd : found) {
                int l = ReaderUtil.subIndex(sd.doc, leaves);
                if (l != leafIndex) {
                    leafIndex = l;
                    vectors = leaves.get(l).reader().getFloatVectorValues(VECTOR);
                    iterator = vectors == null ? null : vectors.iterator();
                }
                int doc = sd.doc - leaves.get(l).docBase;
                if (iterator != null && (iterator.docID() < doc ? iterator.advance(doc) : iterator.docID()) == doc) {
                    out.put(stored.document(sd.doc, Set.of(ID)).get(ID), cosine(vector, vectors.vectorValue(iterator.index())));
                }
            }
            return out;
        });
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /**
     * The best {@code n} passages among those {@code restriction} (if not null) selects, scored
     * with statistics over the passages {@code visible} allows.
     */
    private List<SearchHit> top(Query query, Query highlight, VisibleGraphs visible, Query restriction, int n) {
        IndexSearcher acquired = acquire();
        try {
            IndexSearcher searcher = visibleSearcher(acquired, visible, restriction);
            TopDocs top = searcher.search(query, n);
            return hits(searcher, highlight, top.scoreDocs, top);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(acquired);
        }
    }


    /** The passages of a page, with fragments highlighted for {@code text} (none if it is null). */
    private List<SearchHit> hits(IndexSearcher searcher, Query text, ScoreDoc[] page, TopDocs top) throws IOException {
        List<SearchHit> hits = new ArrayList<>(page.length);
        if (page.length == 0) {
            return hits;
        }
        StoredFields stored = searcher.storedFields();
        IndexedPassage[] passages = new IndexedPassage[page.length];
        Map<Integer, String> texts = new HashMap<>();
        for (int i = 0; i < page.length; i++) {
            passages[i] = fromDocument(stored.document(page[i].doc));
            texts.put(page[i].doc, passages[i].text());
        }
        String[] fragments = text == null ? null
                : new ReadTextHighlighter(highlighterSettings(searcher), texts).highlight(TEXT, text, new TopDocs(top.totalHits, page), 1);
        for (int i = 0; i < page.length; i++) {
            hits.add(new SearchHit(passages[i], page[i].score, fragment(fragments, i, passages[i].text())));
        }
        return hits;
    }

    /** The highlighted fragment of hit {@code i}, or the start of its text when nothing was highlighted; null when not asked for. */
    private static String fragment(String[] highlighted, int i, String text) {
        return highlighted == null ? null : highlighted[i] != null ? highlighted[i] : SearchHit.unhighlighted(text);
    }

    /**
     * A searcher of {@code acquired}'s reader that sees only the passages of graphs the caller may
     * read and, if not null, that {@code restriction} selects, scored with statistics over the
     * caller's passages alone (see {@link VisibleStatistics}): every search for a caller runs on one.
     * Filters restrict what the searcher sees rather than join the scored query as clauses, which
     * would switch off Lucene's skipping of passages that cannot reach the top hits.
     */
    private IndexSearcher visibleSearcher(IndexSearcher acquired, VisibleGraphs visible, Query restriction) throws IOException {
        return statistics.searcher(acquired, visible, visibleFilter(visible), restriction);
    }

    /**
     * Only passages of graphs the caller may read: the access decision, in Lucene terms. Compiled
     * once per decision (the anonymous one is shared until the catalog changes).
     */
    private Query visibleFilter(VisibleGraphs visible) {
        VisibleFilter cached = lastFilter;
        if (cached != null && cached.visible() == visible) {
            return cached.query();
        }
        Query query = new TermInSetQuery(GRAPH, visible.uris().stream().map(BytesRef::new).toList());
        lastFilter = new VisibleFilter(visible, query);
        return query;
    }

    private record VisibleFilter(VisibleGraphs visible, Query query) {
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return highlighterSettings(searcher).build();
    }

    private UnifiedHighlighter.Builder highlighterSettings(IndexSearcher searcher) {
        return new UnifiedHighlighter.Builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .withMaxNoHighlightPassages(1)
                .withWeightMatches(false);
    }

    /**
     * Highlights the text of hits already read from the index: the highlighter would otherwise read
     * each hit's stored text a second time, decompressing its block of stored fields again (a tenth
     * of a plain search's time, profiled at 20,000 passages).
     */
    private static final class ReadTextHighlighter extends UnifiedHighlighter {

        private final Map<Integer, String> texts;

        ReadTextHighlighter(UnifiedHighlighter.Builder settings, Map<Integer, String> texts) {
            super(settings);
            this.texts = texts;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) {
            if (fields.length != 1 || !fields[0].equals(TEXT)) {
                throw new IllegalArgumentException("highlights the passage text only, not " + Arrays.toString(fields));
            }
            List<CharSequence[]> values = new ArrayList<>(texts.size());
            try {
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    String text = texts.get(doc);
                    values.add(new CharSequence[]{text.length() > getMaxLength() ? text.substring(0, getMaxLength()) : text});
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // an iterator over an array of doc ids does not read anything
            }
            return values;
        }
    }

    private Map<String, Map<String, Long>> facets(IndexSearcher searcher, FacetsCollector fc, long total) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        FACETS.forEach(dim -> out.put(dim, new LinkedHashMap<>()));
        if (total == 0) {
            return out;
        }
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return out;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : FACETS) {
            try {
                FacetResult r = counts.getTopChildren(50, dim);
                if (r != null) {
                    for (LabelAndValue lv : r.labelValues) {
                        out.get(dim).put(lv.label, lv.value.longValue());
                    }
                }
            } catch (IllegalArgumentException e) {
                // the dimension has no values in the index yet
            }
        }
        return out;
    }

    /** Facet ordinals are per reader; computed once per refresh. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        } catch (IllegalArgumentException e) {
            state = null; // no facet values indexed yet
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    /** Stores the text and indexes it analysed in its passage's language rather than by the writer's analyzer. */
    private static void addText(Document d, String field, String text, FieldType indexed, Analyzer language) {
        d.add(new StoredField(field, text));
        d.add(new Field(field, language.tokenStream(field, text), indexed));
    }

    private static IndexedPassage fromDocument(Document d) {
        String date = d.get(DATE_STORED);
        return new IndexedPassage(d.get(ID), d.get(DOC), d.get(DOC_URI), d.get(GRAPH), d.get(STAMP),
                d.getField(NUMBER).numericValue().intValue(), d.get(TEXT),
                d.getField(START).numericValue().intValue(), d.getField(END).numericValue().intValue(),
                d.get(SECTION_URI), d.get(SECTION), d.get(TITLE), d.get(TYPE),
                date == null ? null : LocalDate.parse(date), List.of(d.getValues(ORG)), d.get(SENSITIVITY),
                List.of(d.getValues(AREA)), List.of(d.getValues(SECTOR)), List.of(d.getValues(POPULATION)),
                List.of(d.getValues(INDICATOR)), Arrays.stream(d.getValues(YEAR)).map(Integer::valueOf).toList(),
                d.get(PERSONAL_DATA) != null, d.get(TABLE) != null,
                Arrays.stream(d.getValues(DOC_YEAR)).map(Integer::valueOf).toList(), List.of(d.getValues(DOC_POPULATION)),
                List.of(d.getValues(DOC_AREA)), d.get(LANGUAGE) == null ? "en" : d.get(LANGUAGE), null);
    }

    /** The index stamp each document's passages carry, for start-up reconciliation with the store. */
    public Map<String, String> stamps() {
        Map<String, String> out = new HashMap<>();
        IndexSearcher searcher = acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues values = leaf.reader().getSortedDocValues(DOC_STAMP);
                if (values == null) {
                    continue;
                }
                var live = leaf.reader().getLiveDocs();
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        String[] parts = values.lookupOrd(values.ordValue()).utf8ToString().split("\t", 2);
                        out.put(parts[0], parts.length > 1 ? parts[1] : "");
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** The documents some of whose passages have no embedding (yet), in id order. */
    public Set<String> documentsWithoutVectors() {
        Query query = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(new FieldExistsQuery(VECTOR), BooleanClause.Occur.MUST_NOT)
                .build();
        IndexSearcher searcher = acquire();
        try {
            Set<String> out = new TreeSet<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(query, Math.max(1, searcher.getIndexReader().numDocs())).scoreDocs) {
                out.add(stored.document(sd.doc, Set.of(DOC)).get(DOC));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    public int count() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /**
     * Holds on to the index's last commit until closed, whatever is committed meanwhile: what a
     * backup copies. Take it while holding the {@linkplain #writeLock() write lock} to pair it with
     * the store as of the same documents.
     */
    public Snapshot snapshot() {
        try {
            return new CommitSnapshot(snapshots.snapshot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A commit point of the index kept on disk until {@link #close()}. */
    private final class CommitSnapshot implements Snapshot {

        private final IndexCommit commit;

        private CommitSnapshot(IndexCommit commit) {
            this.commit = commit;
        }

        /** Passages in this commit. */
        public int passages() {
            try (DirectoryReader reader = DirectoryReader.open(commit)) {
                return reader.numDocs();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Copies the files of this commit into {@code target} (which must exist); a complete index there. */
        public boolean copyTo(Path target) {
            try {
                for (String file : commit.getFileNames()) {
                    Files.copy(folder.resolve(file), target.resolve(file));
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                snapshots.release(commit);
                writer.deleteUnusedFiles();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Bytes of the index files on disk (every commit point still kept, and files being written). */
    public long sizeOnDisk() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                try {
                    bytes += directory.fileLength(file);
                } catch (NoSuchFileException gone) {
                    // deleted by a merge while counting
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index folder, for tools that open it directly (the benchmark's baseline). */
    public Directory directory() {
        return directory;
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScoreDoc[] slice(ScoreDoc[] all, int offset, int k) {
        if (offset >= all.length) {
            return new ScoreDoc[0];
        }
        int end = Math.min(all.length, offset + k);
        ScoreDoc[] out = new ScoreDoc[end - offset];
        System.arraycopy(all, offset, out, 0, out.length);
        return out;
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.rollback(); // nothing uncommitted belongs in the index
        directory.close();
        log.info("Search index closed");
    }
}
