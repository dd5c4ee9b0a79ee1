package org.knowledgehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowledgehub.SolrCloudServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Knowledge Hub's Solr configset ({@code src/main/resources/solr/configsets/knowledge-hub}) on a real
 * two-node SolrCloud (Solr 9.10, from Maven Central, in a process of its own): a collection of two
 * shards takes passages whose text the hub analysed itself (English, French, Arabic, sent
 * pre-analysed), and answers what the hub's search needs: BM25 on the hub's own query terms,
 * filters on the graphs a caller may read, facet counts of what the caller may see, highlighted fragments at the
 * right offsets, and nearest vectors within the same filter.
 */
class SolrConfigsetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an anonymous caller may read: every graph but the restricted note's (the shorter list). */
    private static final String ANONYMOUS = "-{!terms f=graph}https://example.org/graph/p2";
    /** What a member of NRC, which owns the restricted note, may read: the graphs listed. */
    private static final String NRC_MEMBER = "{!terms f=graph}https://example.org/graph/p1,https://example.org/graph/p2,"
            + "https://example.org/graph/p3,https://example.org/graph/p4";

    @TempDir
    static Path work;
    private static SolrCloudServer solr;
    private static String collection;

    @BeforeAll
    static void start() throws Exception {
        solr = new SolrCloudServer(work, 2);
        // Written through one node, asked through the other: both serve the whole collection.
        collection = solr.createCollection("passages", 2);
        List<Map<String, Object>> passages = List.of(
                passage("p1", "en", "public", "wash",
                        "Water trucking in Zahle cost households twice as much after the network failed.", 0),
                passage("p2", "fr", "restricted", "shelter",
                        "Les expulsions à Bar Elias ont suivi des demandes de loyer en dollars.", 1),
                passage("p3", "ar", "public", "wash", "ارتفعت أسعار المياه المنقولة بالصهاريج في زحلة", 2),
                passage("p4", "en", "public", "shelter", "Rent arrears in Tripoli led landlords to evict families.", 3));
        JsonNode indexed = post(solr.nodes().getFirst() + "/passages/update?commit=true", JSON.writeValueAsString(passages));
        assertThat(indexed.path("responseHeader").path("status").asInt()).as(indexed.toString()).isZero();
    }

    @AfterAll
    static void stop() {
        if (solr != null) {
            solr.close();
        }
    }

    @Test
    void findsByTheHubsOwnTermsInEachLanguageWithinWhatTheCallerMayRead() {
        assertThat(ids(search("trucked water", "en", ANONYMOUS, ""))).containsExactly("p1");
        assertThat(ids(search("loyers et expulsions", "fr", ANONYMOUS, ""))).as("restricted, anonymous").isEmpty();
        assertThat(ids(search("loyers et expulsions", "fr", NRC_MEMBER, ""))).containsExactly("p2");
        assertThat(ids(search("والمياه", "en", ANONYMOUS, ""))).as("an Arabic prefix and article").containsExactly("p3");
        assertThat(ids(search("rent", "en", NRC_MEMBER, ""))).as("both readings, two shards").containsExactly("p4");
    }

    @Test
    void countsFacetsOfVisiblePassagesOnly() {
        JsonNode all = get(collection + "/select?q=*:*&rows=0&facet=true&facet.field=sector&fq=" + enc(ANONYMOUS));
        assertThat(all.path("response").path("numFound").asLong()).isEqualTo(3);
        assertThat(all.path("facet_counts").path("facet_fields").path("sector").toString()).isEqualTo("[\"wash\",2,\"shelter\",1]");
    }

    @Test
    void highlightsTheMatchedWordsAtTheirOffsets() {
        JsonNode found = search("water network", "en", ANONYMOUS, "&hl=true&hl.method=unified&hl.fl=text&hl.offsetSource=POSTINGS");
        String fragment = found.path("highlighting").path("p1").path("text").path(0).asString();
        assertThat(fragment).contains("<em>Water</em> trucking").contains("the <em>network</em> failed");
    }

    @Test
    void findsTheNearestVectorsWithinTheFilter() {
        float[] nearP2 = unit(1);
        // topK is per shard: the page (rows) is the k best of the shards' nearest.
        JsonNode nrc = get(collection + "/select?fl=id&rows=1&q=" + enc("{!knn f=vector topK=1}" + vector(nearP2)) + "&fq=" + enc(NRC_MEMBER));
        assertThat(ids(nrc)).containsExactly("p2");
        JsonNode anonymous = get(collection + "/select?fl=id&rows=1&q=" + enc("{!knn f=vector topK=1}" + vector(nearP2)) + "&fq=" + enc(ANONYMOUS));
        assertThat(ids(anonymous)).as("the nearest the caller may read").hasSize(1).doesNotContain("p2");
    }

    // ---- what the hub sends

    private static Map<String, Object> passage(String id, String language, String sensitivity, String sector, String text,
                                               int vectorAxis) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("doc", "doc-" + id);
        p.put("graph", "https://example.org/graph/" + id);
        p.put("language", language);
        p.put("sensitivity", sensitivity);
        p.put("sector", List.of(sector));
        p.put("text", SolrDocuments.preAnalysed(text, TextAnalysis.of(language)));
        p.put("vector", toList(unit(vectorAxis)));
        return p;
    }

    /** The query's terms as the hub analyses them in {@code language}, each a BM25-scored term query, any of them. */
    private static JsonNode search(String query, String language, String filter, String more) {
        List<String> terms = terms(query, TextAnalysis.of(language));
        StringBuilder url = new StringBuilder(collection + "/select?fl=id,score&q=" + enc("{!bool "
                + terms.stream().map(t -> "should=$t" + terms.indexOf(t)).collect(Collectors.joining(" ")) + "}"));
        for (int i = 0; i < terms.size(); i++) {
            url.append("&t").append(i).append("=").append(enc("{!term f=text}" + terms.get(i)));
        }
        return get(url + "&fq=" + enc(filter) + more);
    }

    private static List<String> terms(String text, Analyzer analyzer) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (!terms.contains(term.toString())) {
                    terms.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static float[] unit(int axis) {
        float[] v = new float[384];
        v[axis] = 1f;
        return v;
    }

    private static List<Float> toList(float[] v) {
        List<Float> list = new ArrayList<>(v.length);
        for (float f : v) {
            list.add(f);
        }
        return list;
    }

    private static String vector(float[] v) {
        return toList(v).toString().replace(" ", "");
    }

    private static List<String> ids(JsonNode response) {
        return response.path("response").path("docs").valueStream().map(d -> d.path("id").asString()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static JsonNode post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static JsonNode send(HttpRequest request) {
        return SolrCloudServer.send(request);
    }
}
