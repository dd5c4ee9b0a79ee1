package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.NodeFactory;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.HubProperties;
import org.knowledgehub.SolrCloudServer;
import org.knowledgehub.security.VisibleGraphs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The hub's queries written for Solr ({@link SolrQueries}) rank as the embedded index ranks them:
 * the 39 multilingual field notes' paragraphs, as passages, in the embedded index and in a
 * one-shard collection of a real SolrCloud (documents made by {@link SolrDocuments}), asked the
 * same parsed searches (words, phrases, prefixes, fuzzy terms, required and excluded words, fields,
 * each language) and the ontology expansion's shape (concepts, years, boosts, a flat disjunction):
 * the same passages in the same order with the same BM25 scores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrRankingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://example.org/";

    @TempDir
    static Path work;
    private SolrCloudServer solr;
    private LucenePassageIndex index;
    private String collection;
    private SolrPassageIndex solrIndex;
    private VisibleGraphs everything;
    private VisibleGraphs someNotes;
    private UserQueryParser parser;

    @BeforeAll
    void indexTheNotesInBoth() throws Exception {
        solr = new SolrCloudServer(work, 1);
        collection = solr.createCollection("passages", 1);

        index = new LucenePassageIndex(new HubProperties(work.resolve("data"), URI.create(BASE)),
                new SearchProperties(false, 50, 0.4, 100, 16, 0.5f, 0.5f, 100_000, "", Duration.ofSeconds(30)));
        parser = new UserQueryParser(index.queryAnalyzers());
        solrIndex = new SolrPassageIndex(collection, SolrCloudServer.HTTP, Duration.ofSeconds(30));
        Set<org.apache.jena.graph.Node> graphs = new HashSet<>();
        index.writeLock().lock();
        try {
            for (String language : List.of("en", "fr", "ar")) {
                for (String topic : MultilingualNotes.TOPICS) {
                    List<IndexedPassage> passages = passages(topic + "-" + language, language);
                    index.stageReplace(topic + "-" + language, passages);
                    solrIndex.stageReplace(topic + "-" + language, passages);
                    graphs.add(NodeFactory.createURI(passages.getFirst().graph()));
                }
            }
            index.prepareCommit();
            index.commit();
            solrIndex.prepareCommit();
            solrIndex.commit();
        } finally {
            index.writeLock().unlock();
        }
        everything = new VisibleGraphs(graphs);
        // Some notes hidden: the Arabic ones and the French half of the topics.
        Set<org.apache.jena.graph.Node> some = new HashSet<>();
        graphs.stream().filter(g -> g.getURI().endsWith("-en") || g.getURI().contains("a-fr")).forEach(some::add);
        someNotes = new VisibleGraphs(some);
    }

    @AfterAll
    void stop() throws IOException {
        if (solr != null) {
            solr.close();
        }
        if (index != null) {
            index.destroy();
        }
    }

    @Test
    void parsedSearchesRankAlike() {
        for (String text : List.of("water trucking", "\"water trucking\"", "eau camions", "loyer expulsions Akkar", "مياه الصهاريج",
                "evict*", "school~1", "+rent -Tripoli", "title:fuel", "section:water OR diesel", "w?ter", "cash AND debt",
                "\"water trucking\"~3", "\"loyer dollars\"~5")) {
            same(text, parser.parse(text, "q"));
        }
    }

    @Test
    void theOntologyExpansionsShapeRanksAlike() {
        Query words = parser.parse("water prices", "q");
        BooleanQuery expanded = new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(PassageIndex.SECTOR, "wash")), 0.8f), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(PassageIndex.YEAR, "2023")), 0.25f), BooleanClause.Occur.SHOULD)
                .build();
        same("expanded", expanded);
        same("flattened", FlatDisjunction.of(expanded));
        same("a place that scores only what matches otherwise", new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.SHOULD)
                .add(new BooleanQuery.Builder()
                        .add(new BoostQuery(new TermQuery(new Term(PassageIndex.AREA, "LB21")), 0.5f), BooleanClause.Occur.MUST)
                        .add(words, BooleanClause.Occur.FILTER).build(), BooleanClause.Occur.SHOULD)
                .build());
    }

    @Test
    void aCallerWhoMaySeeSomeNotesGetsScoresCountedOverThemAlone() {
        // Solr's own statistics count the hidden notes too.
        VisibleGraphs caller = someNotes;
        Query words = parser.parse("water trucking prices debt", "q");
        BooleanQuery expanded = new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(PassageIndex.SECTOR, "wash")), 0.8f), BooleanClause.Occur.SHOULD)
                .build();
        SynonymQuery.Builder synonyms = new SynonymQuery.Builder(PassageIndex.TEXT);
        SolrScoring.terms(parser.parse("rent debt loyer", "q")).stream().filter(t -> t.field().equals(PassageIndex.TEXT))
                .forEach(synonyms::addTerm);
        Query withSynonyms = new BooleanQuery.Builder().add(words, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(synonyms.build(), 0.7f), BooleanClause.Occur.SHOULD).build();
        assertThat(SolrScoring.write(withSynonyms, new SolrScoring.Statistics(Map.of(), Map.of()), "s").exact())
                .as("a synonym set is scored with the caller's statistics").isTrue();
        for (Query query : List.of(words, expanded, FlatDisjunction.of(expanded), parser.parse("loyer OR rent", "q"), withSynonyms)) {
            List<SearchHit> embedded = index.rank(query, query, SearchQuery.unfiltered(), caller, 10);
            List<JsonNode> solrs = solr(query, caller, false);
            assertThat(solrs.stream().map(d -> d.path("score").floatValue()).toList()).as("Solr's own BM25 counts the hidden notes too")
                    .isNotEqualTo(embedded.stream().map(SearchHit::score).toList());
            same(query.toString(), embedded, solr(query, caller, true));
        }
    }

    @Test
    void aQueryReadInSeveralWaysScoresPassagesWithoutASection() {
        // "de" is a word in one reading and a stop word in another: a disjunction of the readings, over passages
        // that have no section (Solr's max() passes over a part that lacks a field, and a sum lacks what any part lacks).
        for (String text : List.of("coupures de courant", "water de trucking")) {
            Query query = parser.parse(text, "q");
            assertThat(query).as(text).isInstanceOf(DisjunctionMaxQuery.class);
            same(text, index.rank(query, query, SearchQuery.unfiltered(), everything, 10), solr(query, everything, true));
        }
    }

    @Test
    void searchPagesAreTheEmbeddedIndexsHitsFragmentsTotalsAndFacets() {
        SearchQuery words = query(parser.parse("water trucking prices", "q"), null, null, 0);
        SearchQuery phraseAndPrefix = query(parser.parse("\"water trucking\" OR loyer*", "q"), null, null, 0);
        for (VisibleGraphs caller : List.of(everything, someNotes)) {
            List<SearchQuery> queries = new ArrayList<>(List.of(words, query(words.text(), "wash", null, 0),
                    query(words.text(), null, LocalDate.of(2023, 3, 4), 0), query(words.text(), null, null, 10)));
            if (caller == everything) {
                // A phrase is scored with Solr's own statistics (SolrScoring): the same only for a caller who may read everything.
                queries.add(phraseAndPrefix);
            }
            for (SearchQuery q : queries) {
                SearchPage embedded = index.search(q, caller, true);
                SearchPage solrs = solrIndex.search(q, caller, true);
                String label = q.text() + " " + q.sector() + " " + q.from() + " offset " + q.offset() + " for " + caller.graphs().size() + " graphs";
                assertThat(solrs.total()).as(label).isEqualTo(embedded.total());
                assertThat(solrs.facets()).as(label).isEqualTo(embedded.facets());
                assertThat(solrs.hits().stream().map(h -> h.passage().passageUri() + " " + h.fragment()).toList()).as(label)
                        .isEqualTo(embedded.hits().stream().map(h -> h.passage().passageUri() + " " + h.fragment()).toList());
                for (int i = 0; i < embedded.hits().size(); i++) {
                    assertThat(solrs.hits().get(i).score()).as(label).isCloseTo(embedded.hits().get(i).score(), within(1e-4f));
                    assertThat(solrs.hits().get(i).passage()).usingRecursiveComparison().as(label).isEqualTo(embedded.hits().get(i).passage());
                }
            }
        }
    }

    @Test
    void theIndexsOtherReadsAreTheEmbeddedIndexs() {
        Query words = parser.parse("water debt", "q");
        float[] question = UnitVectors.random(new Random(7), 384);
        for (VisibleGraphs caller : List.of(everything, someNotes)) {
            sameHits("rank", index.rank(words, words, SearchQuery.unfiltered(), caller, 10),
                    solrIndex.rank(words, words, SearchQuery.unfiltered(), caller, 10));
            List<SearchHit> nearest = index.nearest(question, words, query(null, "wash", null, 0), caller, 5);
            List<SearchHit> solrNearest = solrIndex.nearest(question, words, query(null, "wash", null, 0), caller, 5);
            assertThat(solrNearest.stream().map(h -> h.passage().passageUri() + " " + h.fragment()).toList()).as("nearest")
                    .isEqualTo(nearest.stream().map(h -> h.passage().passageUri() + " " + h.fragment()).toList());
            for (int i = 0; i < nearest.size(); i++) {
                assertThat(solrNearest.get(i).score()).isCloseTo(nearest.get(i).score(), within(1e-5f));
            }
            List<String> uris = List.of(BASE + "id/document/zahle-water-en/passage/1", BASE + "id/document/zahle-water-ar/passage/2",
                    BASE + "id/document/akkar-rent-fr/passage/1", BASE + "id/document/no-such/passage/1");
            Map<String, Double> similarities = index.similarities(uris, question, caller);
            Map<String, Double> solrSimilarities = solrIndex.similarities(uris, question, caller);
            assertThat(solrSimilarities.keySet()).as("similarities of what the caller may read").isEqualTo(similarities.keySet());
            similarities.forEach((uri, cosine) -> assertThat(solrSimilarities.get(uri)).isCloseTo(cosine, within(1e-5)));
            assertThat(solrIndex.byUris(uris, caller)).as("passages by IRI").isEqualTo(index.byUris(uris, caller));
            for (String term : List.of("water", "loyer", "zahle", "nosuchword")) {
                assertThat(solrIndex.countWithTerm(term, caller)).as(term).isEqualTo(index.countWithTerm(term, caller));
            }
        }
        assertThat(solrIndex.byUris(List.of(BASE + "id/document/zahle-water-ar/passage/2"), someNotes)).as("hidden").isEmpty();
        assertThat(solrIndex.count()).isEqualTo(index.count());
        assertThat(solrIndex.stamps()).as("each document's stamp").isEqualTo(index.stamps()).hasSize(39);
        assertThat(solrIndex.documentsWithoutVectors()).isEqualTo(index.documentsWithoutVectors()).isEmpty();
    }

    /** After the comparisons of Solr's own scores (deleted passages count in them until segments merge). */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theHitsOfKhSearchComeAPageAtATimeAsTheEmbeddedIndexGivesThem() throws IOException {
        // 150 passages more than the notes: more hits than a page, fewer than the limit; and 450 that do not
        // match, so the commit goes to Solr in more than one update.
        IndexedPassage template = passages("zahle-water-en", "en").getFirst();
        List<IndexedPassage> bulk = new ArrayList<>();
        for (int n = 1; n <= 150; n++) {
            bulk.add(new IndexedPassage(BASE + "id/document/bulk/passage/" + n, "bulk", BASE + "id/document/bulk", template.graph(), "s1", n,
                    "Water point " + n + " of " + "the camp ".repeat(n % 7 + 1) + "needs repair.", 0, 40, null, null, "Water points",
                    "field-note", template.date(), List.of("NRC"), "public", List.of("LB21"), List.of("wash"), List.of(), List.of(),
                    List.of(2023), false, false, List.of(2023), List.of(), List.of(), "en", null));
        }
        List<IndexedPassage> latrines = new ArrayList<>();
        for (int n = 1; n <= 450; n++) {
            latrines.add(new IndexedPassage(BASE + "id/document/latrines/passage/" + n, "latrines", BASE + "id/document/latrines",
                    template.graph(), "s1", n, "Latrine block " + n + " was desludged in Arsal.", 0, 40, null, null, "Latrines",
                    "field-note", template.date(), List.of("NRC"), "public", List.of("LB21"), List.of("wash"), List.of(), List.of(),
                    List.of(2023), false, false, List.of(2023), List.of(), List.of(), "en", null));
        }
        index.writeLock().lock();
        try {
            index.stageReplace("bulk", bulk);
            index.stageReplace("latrines", latrines);
            index.prepareCommit();
            index.commit();
        } finally {
            index.writeLock().unlock();
        }
        solrIndex.stageReplace("bulk", bulk);
        solrIndex.stageReplace("latrines", latrines);
        solrIndex.commit();
        assertThat(solrIndex.count()).as("every passage, sent in several updates").isEqualTo(index.count());
        try {
            SearchQuery words = query(parser.parse("water OR eau OR repair", "q"), null, null, 0);
            for (boolean fragments : List.of(true, false)) {
                List<PassageIndex.TextHit> embedded = new ArrayList<>();
                try (PassageIndex.TextHits hits = index.searchAll(words, everything, 500, fragments)) {
                    hits.forEachRemaining(embedded::add);
                }
                List<PassageIndex.TextHit> solrs = new ArrayList<>();
                solrIndex.searchAll(words, everything, 500, fragments).forEachRemaining(solrs::add);
                assertThat(embedded).hasSizeGreaterThan(150).hasSizeLessThan(500);
                assertThat(solrs.stream().map(h -> h.passageUri() + " " + h.graph() + " " + h.fragment()).sorted().toList()).as("kh:search")
                        .isEqualTo(embedded.stream().map(h -> h.passageUri() + " " + h.graph() + " " + h.fragment()).sorted().toList());
                for (int i = 0; i < embedded.size(); i++) {
                    assertThat(solrs.get(i).score()).as("kh:search, score " + i).isCloseTo(embedded.get(i).score(), within(1e-4f));
                }
            }
        } finally {
            index.writeLock().lock();
            try {
                index.stageDelete("bulk");
                index.prepareCommit();
                index.commit();
            } finally {
                index.writeLock().unlock();
            }
            solrIndex.stageDelete("bulk");
            solrIndex.stageDelete("latrines");
            solrIndex.commit();
            index.writeLock().lock();
            try {
                index.stageDelete("latrines");
                index.prepareCommit();
                index.commit();
            } finally {
                index.writeLock().unlock();
            }
        }
    }

    /** Last: Solr's own statistics count deleted passages until segments merge, which the comparisons of its own scores would see. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aDocumentIsReplacedAndDeletedWhole() throws IOException {
        List<IndexedPassage> note = passages("jbeil-curfew-en", "en").stream().map(p -> p.withVector(null)).toList();
        String id = "replaced-note";
        List<IndexedPassage> renamed = note.stream().map(p -> new IndexedPassage(p.passageUri().replace("jbeil-curfew-en", id), id,
                p.documentUri(), p.graph(), "s2", p.number(), p.text(), p.start(), p.end(), p.sectionUri(), p.sectionTitle(),
                p.documentTitle(), p.documentType(), p.date(), p.organisations(), p.sensitivity(), p.areas(), p.sectors(),
                p.populations(), p.indicators(), p.years(), p.personalData(), p.table(), p.documentYears(),
                p.documentPopulations(), p.documentAreas(), p.language(), null)).toList();
        int before = solrIndex.count();
        solrIndex.stageReplace(id, renamed);
        assertThat(solrIndex.count()).as("staged, not committed").isEqualTo(before);
        solrIndex.rollback();
        solrIndex.commit();
        assertThat(solrIndex.count()).as("rolled back").isEqualTo(before);
        solrIndex.stageReplace(id, renamed);
        solrIndex.commit();
        assertThat(solrIndex.count()).isEqualTo(before + renamed.size());
        solrIndex.stageReplace(id, renamed.subList(0, 1));
        solrIndex.prepareCommit();
        solrIndex.commit();
        assertThat(solrIndex.count()).as("the second replacement's passages only").isEqualTo(before + 1);
        assertThat(solrIndex.stamps()).containsEntry(id, "s2");
        assertThat(solrIndex.documentsWithoutVectors()).containsExactly(id);
        solrIndex.stageDelete(id);
        solrIndex.commit();
        assertThat(solrIndex.count()).isEqualTo(before);
        assertThat(solrIndex.stamps()).doesNotContainKey(id);

        assertThat(solrIndex.analysisOf()).as("none recorded").isEmpty();
        solrIndex.recordAnalysis();
        solrIndex.recordVectorsOf("a-model");
        assertThat(solrIndex.vectorsOf()).as("recorded with the next commit").isEmpty();
        solrIndex.commit();
        SolrPassageIndex again = new SolrPassageIndex(collection, SolrCloudServer.HTTP, Duration.ofSeconds(30));
        assertThat(again.analysisOf()).contains(TextAnalysis.VERSION);
        assertThat(again.vectorsOf()).contains("a-model");
    }

    private static void sameHits(String label, List<SearchHit> embedded, List<SearchHit> solrs) {
        Map<String, String> fragments = new LinkedHashMap<>();
        embedded.forEach(h -> fragments.put(h.passage().passageUri(), h.fragment()));
        solrs.stream().filter(h -> fragments.containsKey(h.passage().passageUri()))
                .forEach(h -> assertThat(h.fragment()).as(label + ": fragment").isEqualTo(fragments.get(h.passage().passageUri())));
        same(label, embedded, solrs.stream().map(h -> (JsonNode) JSON.createObjectNode().put("id", h.passage().passageUri())
                .put("score", h.score())).toList());
    }

    private static SearchQuery query(Query text, String sector, LocalDate from, int offset) {
        return new SearchQuery(text, null, null, from, null, null, null, sector, null, null, null, null, null, 10, offset);
    }

    private void same(String label, Query query) {
        same(label, index.rank(query, query, SearchQuery.unfiltered(), everything, 10), solr(query, everything, false));
    }

    /**
     * The same scores in the same order, and the same passages for each score but the last (the
     * passages tied at the tenth score are cut in the order each index keeps them in); floats are
     * summed in another order in Solr's clauses: a little slack.
     */
    private static void same(String label, List<SearchHit> embedded, List<JsonNode> docs) {
        assertThat(embedded).as(label + ": the embedded index finds something").isNotEmpty();
        assertThat(docs).as(label).hasSameSizeAs(embedded);
        Map<Float, Set<String>> solrByScore = new LinkedHashMap<>();
        Map<Float, Set<String>> embeddedByScore = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            float score = embedded.get(i).score();
            assertThat(docs.get(i).path("score").floatValue()).as(label + ": score of " + i)
                    .isCloseTo(score, within(1e-4f * Math.max(1f, score)));
            embeddedByScore.computeIfAbsent(score, s -> new TreeSet<>()).add(embedded.get(i).passage().passageUri());
            // Grouped under the embedded index's score at the same rank: the scores were just found equal.
            solrByScore.computeIfAbsent(score, s -> new TreeSet<>()).add(docs.get(i).path("id").asString());
        }
        List<Float> scores = List.copyOf(embeddedByScore.keySet());
        for (Float score : scores.subList(0, scores.size() - 1)) {
            assertThat(solrByScore.get(score)).as(label + ": the passages scoring " + score).isEqualTo(embeddedByScore.get(score));
        }
    }

    /**
     * The ten best of what {@code query} matches among the caller's passages, scored by Solr's BM25
     * or, with {@code callersStatistics}, by the function of {@link SolrScoring} over statistics Solr
     * counted under the caller's filter.
     */
    private List<JsonNode> solr(Query query, VisibleGraphs caller, boolean callersStatistics) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        SolrQueries.Written filter = SolrQueries.write(new TermInSetQuery(PassageIndex.GRAPH,
                caller.uris().stream().map(BytesRef::new).toList()), "v");
        filter.parameters().forEach((k, v) -> request.put(k, List.of(v)));
        SolrQueries.Written matching = SolrQueries.write(query, "q");
        matching.parameters().forEach((k, v) -> request.put(k, List.of(v)));
        request.put("fl", List.of("id,score"));
        request.put("rows", List.of("10"));
        if (!callersStatistics) {
            request.put("q", List.of(matching.query()));
            request.put("fq", List.of(filter.query()));
            return select(request).path("response").path("docs").valueStream().toList();
        }
        Set<Term> terms = SolrScoring.terms(query);
        SolrScoring.Statistics statistics = SolrScoring.statistics(select(SolrScoring.statisticsRequest(terms, filter)), terms);
        SolrScoring.Scoring scoring = SolrScoring.write(query, statistics, "s");
        assertThat(scoring.exact()).as("every part of " + query + " scored with the caller's statistics").isTrue();
        scoring.parameters().forEach((k, v) -> request.put(k, List.of(v)));
        request.put("q", List.of("{!func}" + scoring.function()));
        request.put("fq", List.of(filter.query(), matching.query()));
        return select(request).path("response").path("docs").valueStream().toList();
    }

    private JsonNode select(Map<String, List<String>> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((k, values) -> values.forEach(v -> form.append(form.isEmpty() ? "" : "&").append(k).append('=').append(enc(v))));
        JsonNode found = SolrCloudServer.send(HttpRequest.newBuilder(URI.create(collection + "/select"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        assertThat(found.path("responseHeader").path("status").asInt()).as(found.toString()).isZero();
        return found;
    }

    /** A note's paragraphs as passages: the first line is the title, each later paragraph a passage. */
    private static List<IndexedPassage> passages(String name, String language) throws IOException {
        String text;
        try (InputStream in = SolrRankingTest.class.getResourceAsStream(MultilingualNotes.DIR + name + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] paragraphs = text.strip().split("\\n\\s*\\n");
        String title = paragraphs[0].strip();
        String topic = name.substring(0, name.lastIndexOf('-'));
        List<IndexedPassage> out = new ArrayList<>();
        for (int n = 1; n < paragraphs.length; n++) {
            String uri = BASE + "id/document/" + name + "/passage/" + n;
            out.add(new IndexedPassage(uri, name, BASE + "id/document/" + name, BASE + "graph/document/" + name, "s1", n,
                    paragraphs[n].strip(), 0, paragraphs[n].strip().length(), null, n == 1 ? null : "Findings " + topic, title,
                    "field-note", LocalDate.of(2023, 3, 1 + n), List.of("NRC"), "public",
                    topic.contains("water") ? List.of("LB21", "LB2") : List.of("LB11"), List.of(topic.contains("water") ? "wash" : "shelter"),
                    List.of(), List.of(), List.of(2022 + n % 2), false, false, List.of(2023), List.of(), List.of(), language, UnitVectors.random(new Random(uri.hashCode()), 384)));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
