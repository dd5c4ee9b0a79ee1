package org.knowledgehub.search;

import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a page of search results: passages with highlighted fragments and provenance,
 * the exact total the caller may see, and facet counts.
 */
public record SearchResponse(String query, long total, int offset, int k, List<Result> results,
                             Map<String, Map<String, Long>> facets) {

    static SearchResponse of(String q, SearchQuery query, SearchPage page) {
        return new SearchResponse(q, page.total(), query.offset(), query.k(),
                page.hits().stream().map(Result::of).toList(), page.facets());
    }

    /**
     * @param passage  the passage's IRI (its stable key)
     * @param fragment best part of the text, HTML-escaped, matches in {@code <mark>}
     * @param start    offset of the passage in the document's extracted text
     * @param graph    the named graph holding the passage
     */
    public record Result(String passage, String text, String fragment, float score, int start, int end,
                         SectionRef section, DocumentRef document, String graph) {

        static Result of(SearchHit hit) {
            IndexedPassage p = hit.passage();
            return new Result(p.passageUri(), p.text(), hit.fragment(), hit.score(), p.start(), p.end(),
                    new SectionRef(p.sectionUri(), p.sectionTitle()),
                    new DocumentRef(p.documentId(), p.documentUri(), p.documentTitle(), p.documentType(),
                            p.date() == null ? null : p.date().toString(), p.organisations(), p.sensitivity(),
                            "/api/documents/" + p.documentId(), "/api/documents/" + p.documentId() + "/original"),
                    p.graph());
        }
    }

    public record SectionRef(String uri, String title) {
    }

    /**
     * @param uri      the document's IRI, which dereferences to its page
     * @param api      the document in the JSON API
     * @param original its original file
     */
    public record DocumentRef(String id, String uri, String title, String type, String date, List<String> organisations,
                              String sensitivity, String api, String original) {
    }
}
