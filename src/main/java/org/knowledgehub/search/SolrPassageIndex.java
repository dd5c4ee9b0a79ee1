package org.knowledgehub.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.knowledgehub.security.VisibleGraphs;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The passages in a SolrCloud collection made with the hub's configset: documents' passages staged
 * and committed whole, and the search page (the best passages with their highlighted fragments, the exact total, the
 * facet counts) as the embedded index gives it: the same filters, the caller's graphs as a filter,
 * BM25 over the caller's passages only ({@link SolrScoring}), ties by passage IRI.
 *
 * <p>Its reads are those of {@link PassageIndex} that ranking, answers and pages use; the hub does not
 * use it yet (issue 20).
 */
public final class SolrPassageIndex implements PassageIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VECTOR = "vector";
    /** Passages per update request at most (a document's passages are never split). */
    private static final int UPDATE_PASSAGES = 500;
    /** Passages per page when every passage is read. */
    private static final int EXPORT_PAGE = 1000;
    /** The collection's user properties naming its text analysis and embedding model (as the embedded index's commit data). */
    private static final String ANALYSIS = "kh.analysis";
    private static final String VECTORS_OF = "kh.vectors-of";
    /** Hits of kh:search asked for at a time. */
    private static final int SEARCH_ALL_PAGE = 100;
    private static final String STORED = "id,doc,doc_uri,graph,stamp,n,start,end,section_uri,section,title,type,date_iso,organisation,"
            + "sensitivity,area,sector,population,indicator,year,personal_data,table,doc_year,doc_population,doc_area,language,text,score";

    /** The collection's URL on each node the hub may ask; requests go to the last that answered, then to the others. */
    private final List<String> collections;
    private volatile int answering;
    private final HttpClient http;
    private final Duration timeout;
    private final ReentrantLock writes = new ReentrantLock();
    /** Documents' passages staged for the next commit, by document (none: deleted). */
    private final Map<String, List<IndexedPassage>> staged = new LinkedHashMap<>();
    private final Map<String, String> stagedProperties = new LinkedHashMap<>();
    /** The staged changes as update requests, made by {@link #prepareCommit()}. */
    private List<String> prepared;

    /**
     * The collection at {@code url}, checked: it answers, and it was made with the hub's configset. A
     * collection that does not stops the start with a message naming it.
     */
    public static SolrPassageIndex connect(String url, Duration timeout) {
        SolrPassageIndex index = new SolrPassageIndex(url, HttpClient.newBuilder().connectTimeout(timeout).build(), timeout);
        try {
            index.count();
            JsonNode field = index.send("/schema/fields/" + SolrScoring.lengthField(PassageIndex.TEXT), HttpRequest.Builder::GET);
            if (field.path("field").isMissingNode()) {
                throw new IllegalStateException("the collection at " + url + " (kh.search.url) was not made with Knowledge Hub's "
                        + "configset (solr/configsets/knowledge-hub): it has no field " + SolrScoring.lengthField(PassageIndex.TEXT));
            }
        } catch (SearchUnavailableException e) {
            throw new IllegalStateException("cannot use the search service at " + url + " (kh.search.url): " + e.getMessage(), e);
        }
        return index;
    }

    /**
     * @param collection the collection's URL, e.g. http://solr:8983/solr/passages; or several, one per
     *                   node, separated by commas: a node that does not answer is passed over for the next
     */
    SolrPassageIndex(String collection, HttpClient http, Duration timeout) {
        this.collections = Arrays.stream(collection.split(",")).map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        this.http = http;
        this.timeout = timeout;
    }

    // ---- writing: as the embedded index, one set of staged changes, under the write lock

    /** Held by whoever stages changes, from the first to the commit or rollback (see {@link PassageIndex#writeLock}). */
    public ReentrantLock writeLock() {
        return writes;
    }

    /** Stages the replacement of a document's passages (not visible until {@link #commit()}). */
    public void stageReplace(String documentId, List<IndexedPassage> passages) {
        staged.put(documentId, List.copyOf(passages));
        prepared = null;
    }

    public void stageDelete(String documentId) {
        staged.put(documentId, List.of());
        prepared = null;
    }

    /** Records, with the next commit, that the index's terms are those of the current text analysis. */
    public void recordAnalysis() {
        stagedProperties.put(ANALYSIS, TextAnalysis.VERSION);
    }

    /** Records, with the next commit, which embedding model makes the vectors from now on. */
    public void recordVectorsOf(String model) {
        stagedProperties.put(VECTORS_OF, model);
    }

    /** Which text analysis made the collection's terms; empty when none was recorded. */
    public Optional<String> analysisOf() {
        return property(ANALYSIS);
    }

    /** Which embedding model made the collection's vectors; empty when none was recorded. */
    public Optional<String> vectorsOf() {
        return property(VECTORS_OF);
    }

    /**
     * Makes the staged changes' updates: each document's delete and adds, documents together up to
     * {@value #UPDATE_PASSAGES} passages per request, so that a bulk ingest's batch of thousands of
     * documents is not one request Solr takes longer than {@code kh.search.timeout} to read (the
     * replicas' benchmark lost batches so). Solr has no prepared commit (SolrCloud refuses rollbacks):
     * the updates go with {@link #commit()}, and if that fails after the store committed, the index is
     * behind the store until the documents are re-indexed (at once, or by the start-up reconciliation).
     */
    public void prepareCommit() {
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder("{");
        int passages = 0;
        for (Map.Entry<String, List<IndexedPassage>> document : staged.entrySet()) {
            if (passages > 0 && passages + document.getValue().size() > UPDATE_PASSAGES) {
                bodies.add(body.append('}').toString());
                body = new StringBuilder("{");
                passages = 0;
            }
            command(body, "delete", Map.of("query", "{!term f=" + PassageIndex.DOC + "}" + document.getKey()));
            for (IndexedPassage p : document.getValue()) {
                command(body, "add", Map.of("doc", SolrDocuments.of(p)));
            }
            passages += Math.max(1, document.getValue().size());
        }
        if (passages > 0) {
            bodies.add(body.append('}').toString());
        }
        prepared = List.copyOf(bodies);
    }

    /** Sends the staged changes and commits them: searches see them from now on. */
    public void commit() {
        if (prepared == null) {
            prepareCommit();
        }
        try {
            if (!staged.isEmpty()) {
                for (String update : prepared) {
                    ok(send("/update", r -> r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(update))));
                }
                ok(send("/update?commit=true", r -> r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
            }
            if (!stagedProperties.isEmpty()) {
                // The collection's own settings (its config overlay's user properties), read by the next start.
                String properties = JSON.writeValueAsString(Map.of("set-user-property", stagedProperties));
                ok(send("/config", r -> r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(properties))));
            }
        } finally {
            rollback();
        }
    }

    /** Drops everything staged since the last commit. */
    public void rollback() {
        staged.clear();
        stagedProperties.clear();
        prepared = null;
    }

    /** One command of a JSON update: several make an object with repeated keys, so written by hand. */
    private static void command(StringBuilder body, String name, Object value) {
        body.append(body.length() > 1 ? "," : "").append(JSON.writeValueAsString(name)).append(':').append(JSON.writeValueAsString(value));
    }

    private Optional<String> property(String name) {
        JsonNode value = send("/config/overlay", HttpRequest.Builder::GET)
                .path("overlay").path("userProps").path(name);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    /** The page of {@link PassageIndex#search}: the same hits, fragments, total and facets. */
    public SearchPage search(SearchQuery q, VisibleGraphs visible, boolean withFacets) {
        Map<String, List<String>> request = scored(q.text(), q, visible);
        highlighting(request, add(request, SolrQueries.write(q.text(), "h")));
        request.put("sort", List.of("score desc," + PassageIndex.ID + " asc"));
        request.put("start", List.of(String.valueOf(q.offset())));
        request.put("rows", List.of(String.valueOf(q.k())));
        if (withFacets) {
            request.put("facet", List.of("true"));
            request.put("facet.field", PassageIndex.FACETS);
            request.put("facet.limit", List.of("50"));
            request.put("facet.mincount", List.of("1"));
        }
        JsonNode found = select(request);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        if (withFacets) {
            for (String dim : PassageIndex.FACETS) {
                Map<String, Long> counts = new LinkedHashMap<>();
                JsonNode values = found.path("facet_counts").path("facet_fields").path(dim);
                for (int i = 0; i + 1 < values.size(); i += 2) {
                    counts.put(values.get(i).asString(), values.get(i + 1).asLong());
                }
                facets.put(dim, counts);
            }
        }
        return new SearchPage(found.path("response").path("numFound").asLong(), hits(found, true), facets);
    }

    /** As {@link PassageIndex#rank}: the best {@code n} for {@code ranking} under the filters of {@code q}, fragments for {@code highlight}. */
    public List<SearchHit> rank(Query ranking, Query highlight, SearchQuery q, VisibleGraphs visible, int n) {
        Map<String, List<String>> request = scored(ranking, q, visible);
        highlighting(request, add(request, SolrQueries.write(highlight, "h")));
        request.put("rows", List.of(String.valueOf(n)));
        return hits(select(request), true);
    }

    /**
     * As {@link PassageIndex#searchAll}: the best {@code limit} passages for SPARQL's kh:search, asked
     * for a page at a time as the caller takes them (a query that stops at 10 rows asks for one page).
     */
    public TextHits searchAll(SearchQuery q, VisibleGraphs visible, int limit, boolean fragments) {
        Map<String, List<String>> request = scored(q.text(), q, visible);
        request.put("fl", List.of(PassageIndex.ID + "," + PassageIndex.GRAPH + (fragments ? "," + PassageIndex.TEXT : "") + ",score"));
        request.put("sort", List.of("score desc," + PassageIndex.ID + " asc"));
        if (fragments) {
            highlighting(request, add(request, SolrQueries.write(q.text(), "h")));
        }
        return new TextHits() {
            private final Deque<TextHit> page = new ArrayDeque<>();
            private int asked;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !exhausted) {
                    int rows = Math.min(SEARCH_ALL_PAGE, limit - asked);
                    request.put("start", List.of(String.valueOf(asked)));
                    request.put("rows", List.of(String.valueOf(rows)));
                    JsonNode found = select(request);
                    for (JsonNode d : found.path("response").path("docs")) {
                        String uri = d.path(PassageIndex.ID).asString();
                        JsonNode fragment = found.path("highlighting").path(uri).path(PassageIndex.TEXT).path(0);
                        page.add(new TextHit(uri, d.path(PassageIndex.GRAPH).asString(), d.path("score").floatValue(),
                                !fragments ? null : fragment.isMissingNode() ? SearchHit.unhighlighted(d.path(PassageIndex.TEXT).asString())
                                        : fragment.asString()));
                    }
                    asked += rows;
                    exhausted = page.size() < rows || asked >= limit;
                }
                return !page.isEmpty();
            }

            @Override
            public TextHit next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }

            @Override
            public void close() {
                // Nothing held between pages.
            }
        };
    }

    /**
     * As {@link PassageIndex#nearest}: every passage the caller may read (under the filters of
     * {@code q}) compared with the vector, the best {@code n}; their score is Lucene's for the
     * dot product, (1 + cosine) / 2.
     */
    public List<SearchHit> nearest(float[] vector, Query highlight, SearchQuery q, VisibleGraphs visible, int n) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        request.put("fq", filters(request, q, visible));
        request.get("fq").add("{!term f=" + SolrDocuments.HAS_VECTOR + "}true");
        request.put("q", List.of("{!func}" + similarity(vector)));
        request.put("fl", List.of(STORED));
        highlighting(request, add(request, SolrQueries.write(highlight, "h")));
        request.put("rows", List.of(String.valueOf(n)));
        return hits(select(request), true);
    }

    /** As {@link PassageIndex#similarities}: the cosine of each passage's vector to {@code vector}, those the caller may read. */
    public Map<String, Double> similarities(Collection<String> passageUris, float[] vector, VisibleGraphs visible) {
        if (passageUris.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> request = byIds(passageUris, visible);
        request.get("fq").add("{!term f=" + SolrDocuments.HAS_VECTOR + "}true");
        request.put("fl", List.of(PassageIndex.ID + ",similarity:" + similarity(vector)));
        Map<String, Double> out = new LinkedHashMap<>();
        select(request).path("response").path("docs").forEach(d ->
                out.put(d.path(PassageIndex.ID).asString(), 2.0 * d.path("similarity").floatValue() - 1.0));
        return out;
    }

    /** As {@link PassageIndex#byUris}: the passages of these IRIs the caller may read. */
    public Map<String, IndexedPassage> byUris(Collection<String> passageUris, VisibleGraphs visible) {
        if (passageUris.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> request = byIds(passageUris, visible);
        request.put("fl", List.of(STORED));
        Map<String, IndexedPassage> out = new LinkedHashMap<>();
        hits(select(request), false).forEach(h -> out.put(h.passage().passageUri(), h.passage()));
        return out;
    }

    /** As {@link PassageIndex#countWithTerm}: the caller's passages holding an index term in their text, section title or document title. */
    public int countWithTerm(String term, VisibleGraphs visible) {
        BooleanQuery.Builder anywhere = new BooleanQuery.Builder();
        SolrScoring.TEXT_FIELDS.forEach(f -> anywhere.add(new TermQuery(new Term(f, term)), BooleanClause.Occur.SHOULD));
        Map<String, List<String>> request = new LinkedHashMap<>();
        request.put("fq", filters(request, SearchQuery.unfiltered(), visible));
        request.put("q", List.of(add(request, SolrQueries.write(anywhere.build(), "m"))));
        request.put("rows", List.of("0"));
        return (int) select(request).path("response").path("numFound").asLong();
    }

    /** As {@link PassageIndex#stamps}: the index stamp of each document's passages, for reconciliation with the store. */
    public Map<String, String> stamps() {
        Map<String, String> out = new LinkedHashMap<>();
        export(null, PassageIndex.DOC + "," + PassageIndex.STAMP)
                .forEach(d -> out.put(d.path(PassageIndex.DOC).asString(), d.path(PassageIndex.STAMP).asString("")));
        return out;
    }

    /** As {@link PassageIndex#documentsWithoutVectors}: documents some of whose passages have no embedding yet, in id order. */
    public Set<String> documentsWithoutVectors() {
        Set<String> out = new TreeSet<>();
        export("-" + SolrDocuments.HAS_VECTOR + ":true", PassageIndex.DOC).forEach(d -> out.add(d.path(PassageIndex.DOC).asString()));
        return out;
    }

    /**
     * Every passage (that {@code filter} selects, if not null), a page of {@value #EXPORT_PAGE} at a
     * time in id order with a cursor: a distributed request over every shard (Solr's export handler
     * reads only the core it is sent to).
     */
    private List<JsonNode> export(String filter, String fields) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = "*";
        while (true) {
            Map<String, List<String>> request = new LinkedHashMap<>();
            request.put("q", List.of("*:*"));
            if (filter != null) {
                request.put("fq", List.of(filter));
            }
            request.put("fl", List.of(fields));
            request.put("sort", List.of(PassageIndex.ID + " asc"));
            request.put("rows", List.of(String.valueOf(EXPORT_PAGE)));
            request.put("cursorMark", List.of(cursor));
            JsonNode page = select(request);
            page.path("response").path("docs").forEach(out::add);
            String next = page.path("nextCursorMark").asString(cursor);
            if (next.equals(cursor)) {
                return out;
            }
            cursor = next;
        }
    }

    /** Solr merges segments by its own policy. */
    @Override
    public void mergeSegments() {
        // Nothing to do: a bulk ingest through Solr leaves the segments Solr's merge policy keeps.
    }

    /**
     * The collection is Solr's to back up (its collection backups): a hub's backup holds the store,
     * from which a hub restored from it indexes every document again.
     */
    @Override
    public Snapshot snapshot() {
        int passages = count();
        return new Snapshot() {
            @Override
            public int passages() {
                return passages;
            }

            @Override
            public boolean copyTo(Path target) {
                return false;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /** Nothing on this machine: Solr reports its own index sizes. */
    @Override
    public long sizeOnDisk() {
        return 0;
    }

    /** Every passage in the collection. */
    public int count() {
        return (int) select(Map.of("q", List.of("*:*"), "rows", List.of("0"))).path("response").path("numFound").asLong();
    }

    /**
     * A request scoring {@code query} with the caller's statistics ({@link SolrScoring}) among what
     * it matches, the caller may read and the filters of {@code q} select.
     */
    private Map<String, List<String>> scored(Query query, SearchQuery q, VisibleGraphs visible) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        List<String> filters = filters(request, q, visible);
        filters.add(add(request, SolrQueries.write(query, "m")));
        // The caller's statistics: counted over what they may read, not over what the filters select.
        Set<Term> terms = SolrScoring.terms(query);
        SolrScoring.Scoring scoring = SolrScoring.write(query,
                SolrScoring.statistics(select(SolrScoring.statisticsRequest(terms, readable(visible))), terms), "s");
        scoring.parameters().forEach((k, v) -> request.put(k, List.of(v)));
        request.put("q", List.of("{!func}" + scoring.function()));
        request.put("fq", filters);
        request.put("fl", List.of(STORED));
        return request;
    }

    /** The caller's graphs and the filters of {@code q}, their parameters put in the request. */
    private static List<String> filters(Map<String, List<String>> request, SearchQuery q, VisibleGraphs visible) {
        List<String> filters = new ArrayList<>();
        filters.add(add(request, readable(visible)));
        Query restriction = q.filters();
        if (restriction != null) {
            filters.add(add(request, SolrQueries.write(restriction, "r")));
        }
        return filters;
    }

    private static Map<String, List<String>> byIds(Collection<String> passageUris, VisibleGraphs visible) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        request.put("fq", filters(request, SearchQuery.unfiltered(), visible));
        request.put("q", List.of(add(request, SolrQueries.write(new TermInSetQuery(PassageIndex.ID,
                passageUris.stream().map(BytesRef::new).toList()), "i"))));
        request.put("rows", List.of(String.valueOf(passageUris.size())));
        return request;
    }

    private static SolrQueries.Written readable(VisibleGraphs visible) {
        return SolrQueries.write(new TermInSetQuery(PassageIndex.GRAPH, visible.uris().stream().map(BytesRef::new).toList()), "v");
    }

    /** Lucene's similarity of the passage's vector to a constant one: for unit vectors, (1 + dot product) / 2. */
    private static String similarity(float[] vector) {
        StringBuilder s = new StringBuilder("vectorSimilarity(" + VECTOR + ",[");
        for (int i = 0; i < vector.length; i++) {
            s.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return s.append("])").toString();
    }

    private static List<SearchHit> hits(JsonNode found, boolean fragments) {
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode d : found.path("response").path("docs")) {
            IndexedPassage passage = passage(d);
            JsonNode fragment = found.path("highlighting").path(passage.passageUri()).path(PassageIndex.TEXT).path(0);
            hits.add(new SearchHit(passage, d.path("score").floatValue(), !fragments ? null
                    : fragment.isMissingNode() ? SearchHit.unhighlighted(passage.text()) : fragment.asString()));
        }
        return hits;
    }

    /** The unified highlighter as the embedded index sets it: one sentence, marked, escaped; the first when nothing matched. */
    private static void highlighting(Map<String, List<String>> request, String matching) {
        request.put("hl", List.of("true"));
        request.put("hl.method", List.of("unified"));
        request.put("hl.fl", List.of(PassageIndex.TEXT));
        request.put("hl.q", List.of(matching));
        request.put("hl.snippets", List.of("1"));
        request.put("hl.bs.type", List.of("SENTENCE"));
        // A sentence at least one character long: the plain sentence iterator (0 would give the whole text).
        request.put("hl.fragsize", List.of("1"));
        request.put("hl.tag.pre", List.of("<mark>"));
        request.put("hl.tag.post", List.of("</mark>"));
        request.put("hl.tag.ellipsis", List.of(" … "));
        request.put("hl.encoder", List.of("html"));
        request.put("hl.maxAnalyzedChars", List.of("100000"));
        request.put("hl.defaultSummary", List.of("true"));
        request.put("hl.weightMatches", List.of("false"));
    }

    private static IndexedPassage passage(JsonNode d) {
        String date = text(d, PassageIndex.DATE_STORED);
        return new IndexedPassage(text(d, PassageIndex.ID), text(d, PassageIndex.DOC), text(d, "doc_uri"), text(d, PassageIndex.GRAPH),
                text(d, PassageIndex.STAMP), d.path("n").asInt(), text(d, PassageIndex.TEXT), d.path("start").asInt(), d.path("end").asInt(),
                text(d, "section_uri"), text(d, PassageIndex.SECTION), text(d, PassageIndex.TITLE), text(d, PassageIndex.TYPE),
                date == null ? null : LocalDate.parse(date), strings(d, PassageIndex.ORG), text(d, PassageIndex.SENSITIVITY),
                strings(d, PassageIndex.AREA), strings(d, PassageIndex.SECTOR), strings(d, PassageIndex.POPULATION),
                strings(d, PassageIndex.INDICATOR), strings(d, PassageIndex.YEAR).stream().map(Integer::valueOf).toList(),
                d.has(PassageIndex.PERSONAL_DATA), d.has(PassageIndex.TABLE),
                strings(d, PassageIndex.DOC_YEAR).stream().map(Integer::valueOf).toList(), strings(d, PassageIndex.DOC_POPULATION),
                strings(d, PassageIndex.DOC_AREA), d.has(PassageIndex.LANGUAGE) ? text(d, PassageIndex.LANGUAGE) : "en", null);
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }

    private static List<String> strings(JsonNode d, String field) {
        return d.path(field).valueStream().map(JsonNode::asString).toList();
    }

    /** Puts a written query's parameters in the request; its main query string. */
    private static String add(Map<String, List<String>> request, SolrQueries.Written written) {
        written.parameters().forEach((k, v) -> request.put(k, List.of(v)));
        return written.query();
    }

    private JsonNode select(Map<String, List<String>> parameters) {
        return post("/select", parameters);
    }

    private JsonNode post(String handler, Map<String, List<String>> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((k, values) -> values.forEach(v -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return ok(send(handler, r -> r.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))));
    }

    /**
     * Solr's JSON answer to a request for {@code path} under the collection, from the node that
     * answered last or else the next that does: a request a node could not take (refused, or the
     * connection lost) is sent to another. Not one that timed out waiting for its answer: the node may
     * still be applying it, and an update sent again meanwhile could have its new passages deleted by
     * the first one's delete of the document.
     */
    private JsonNode send(String path, UnaryOperator<HttpRequest.Builder> request) {
        IOException failure = null;
        for (int i = 0; i < collections.size(); i++) {
            int node = (answering + i) % collections.size();
            String collection = collections.get(node);
            HttpResponse<String> response;
            try {
                response = http.send(request.apply(HttpRequest.newBuilder(URI.create(collection + path))).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (HttpConnectTimeoutException e) {
                failure = e;
                continue;
            } catch (HttpTimeoutException e) {
                throw new SearchUnavailableException("the search service at " + collection + " did not answer within "
                        + timeout.toSeconds() + " s (kh.search.timeout)", e);
            } catch (IOException e) {
                failure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SearchUnavailableException("interrupted while asking the search service at " + collection, e);
            }
            answering = node;
            try {
                return JSON.readTree(response.body());
            } catch (JacksonException e) {
                // A collection that is not there: Solr's servlet answers with a page, not JSON.
                throw new SearchUnavailableException("the search service at " + collection + " answered HTTP " + response.statusCode()
                        + " without a Solr response", e);
            }
        }
        throw new SearchUnavailableException("the search service at " + String.join(", ", collections) + " did not answer: "
                + failure.getMessage(), failure);
    }

    private JsonNode ok(JsonNode response) {
        int status = response.path("responseHeader").path("status").asInt(-1);
        if (status != 0) {
            throw new SearchUnavailableException("the search service at " + collections.get(answering) + " refused a request: "
                    + response.path("error").path("msg").asString(response.toString()), null);
        }
        return response;
    }
}
