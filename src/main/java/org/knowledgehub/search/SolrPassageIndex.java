package org.knowledgehub.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.knowledgehub.security.VisibleGraphs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The passages in a SolrCloud collection made with the hub's configset: documents replaced whole,
 * and the search page (the best passages with their highlighted fragments, the exact total, the
 * facet counts) as the embedded index gives it: the same filters, the caller's graphs as a filter,
 * BM25 over the caller's passages only ({@link SolrScoring}), ties by passage IRI.
 *
 * <p>This is the part of the remote index built so far (issue 20): the hub does not use it yet.
 */
public final class SolrPassageIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORED = "id,doc,doc_uri,graph,stamp,n,start,end,section_uri,section,title,type,date_iso,organisation,"
            + "sensitivity,area,sector,population,indicator,year,personal_data,table,doc_year,doc_population,doc_area,language,text,score";

    private final String collection;
    private final HttpClient http;
    private final Duration timeout;

    /** @param collection the collection's URL, e.g. http://solr:8983/solr/passages */
    public SolrPassageIndex(String collection, HttpClient http, Duration timeout) {
        this.collection = collection.endsWith("/") ? collection.substring(0, collection.length() - 1) : collection;
        this.http = http;
        this.timeout = timeout;
    }

    /** Replaces a document's passages and makes them searchable (Solr applies the delete and the adds in one update). */
    public void replace(String documentId, Collection<IndexedPassage> passages) {
        List<Object> update = new ArrayList<>();
        update.add(Map.of("delete", Map.of("query", "{!term f=" + PassageIndex.DOC + "}" + documentId)));
        passages.forEach(p -> update.add(Map.of("add", Map.of("doc", SolrDocuments.of(p)))));
        // A JSON update of several commands is an object with repeated keys: written by hand.
        StringBuilder body = new StringBuilder("{");
        for (Object command : update) {
            String json = JSON.writeValueAsString(command);
            body.append(body.length() > 1 ? "," : "").append(json, 1, json.length() - 1);
        }
        body.append('}');
        ok(send(HttpRequest.newBuilder(URI.create(collection + "/update?commit=true")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** The page of {@link PassageIndex#search}: the same hits, fragments, total and facets. */
    public SearchPage search(SearchQuery q, VisibleGraphs visible, boolean withFacets) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        List<String> filters = new ArrayList<>();
        SolrQueries.Written readable = SolrQueries.write(new TermInSetQuery(PassageIndex.GRAPH,
                visible.uris().stream().map(BytesRef::new).toList()), "v");
        filters.add(add(request, readable));
        Query restriction = PassageIndex.restriction(q);
        if (restriction != null) {
            filters.add(add(request, SolrQueries.write(restriction, "r")));
        }
        String matching = add(request, SolrQueries.write(q.text(), "m"));
        filters.add(matching);

        // The caller's statistics: counted over what they may read, not over what the filters select.
        Set<Term> terms = SolrScoring.terms(q.text());
        SolrScoring.Scoring scoring = SolrScoring.write(q.text(),
                SolrScoring.statistics(select(SolrScoring.statisticsRequest(terms, readable)), terms), "s");
        scoring.parameters().forEach((k, v) -> request.put(k, List.of(v)));

        request.put("q", List.of("{!func}" + scoring.function()));
        request.put("fq", filters);
        request.put("sort", List.of("score desc," + PassageIndex.ID + " asc"));
        request.put("start", List.of(String.valueOf(q.offset())));
        request.put("rows", List.of(String.valueOf(q.k())));
        request.put("fl", List.of(STORED));
        highlighting(request, matching);
        if (withFacets) {
            request.put("facet", List.of("true"));
            request.put("facet.field", PassageIndex.FACETS);
            request.put("facet.limit", List.of("50"));
            request.put("facet.mincount", List.of("1"));
        }
        JsonNode found = select(request);
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode d : found.path("response").path("docs")) {
            IndexedPassage passage = passage(d);
            JsonNode fragment = found.path("highlighting").path(passage.passageUri()).path(PassageIndex.TEXT).path(0);
            hits.add(new SearchHit(passage, d.path("score").floatValue(),
                    fragment.isMissingNode() ? PassageIndex.unhighlighted(passage.text()) : fragment.asString()));
        }
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
        return new SearchPage(found.path("response").path("numFound").asLong(), hits, facets);
    }

    /** The unified highlighter as the embedded index sets it: one sentence, marked, escaped, the start when nothing matched. */
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
        request.put("hl.defaultSummary", List.of("false"));
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
        StringBuilder form = new StringBuilder();
        parameters.forEach((k, values) -> values.forEach(v -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return ok(send(HttpRequest.newBuilder(URI.create(collection + "/select"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString()))));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SearchUnavailableException("the search service at " + collection + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchUnavailableException("interrupted while asking the search service at " + collection, e);
        }
    }

    private JsonNode ok(JsonNode response) {
        int status = response.path("responseHeader").path("status").asInt(-1);
        if (status != 0) {
            throw new SearchUnavailableException("the search service at " + collection + " refused a request: "
                    + response.path("error").path("msg").asString(response.toString()), null);
        }
        return response;
    }
}
