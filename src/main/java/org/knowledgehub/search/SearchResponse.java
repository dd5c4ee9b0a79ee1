package org.knowledgehub.search;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The JSON shape of a page of search results: passages with highlighted fragments, provenance and
 * the entities they mention, the exact total the caller may see, facet counts, and the labels of
 * the codes that facets and entities use (area P-codes, sector codes...).
 */
public record SearchResponse(String query, long total, int offset, int k, List<Result> results,
                             Map<String, Map<String, Long>> facets, Map<String, String> labels) {

    static SearchResponse of(String q, SearchQuery query, SearchPage page, BiFunction<String, String, String> label) {
        List<Result> results = page.hits().stream().map(Result::of).toList();
        return new SearchResponse(q, page.total(), query.offset(), query.k(), results, page.facets(),
                labels(page.facets(), results, label));
    }

    /** The same results with their codes labelled otherwise: in the reader's language, on pages. */
    public SearchResponse relabelled(BiFunction<String, String, String> label) {
        return new SearchResponse(query, total, offset, k, results, facets, labels(facets, results, label));
    }

    private static Map<String, String> labels(Map<String, Map<String, Long>> facets, List<Result> results,
                                              BiFunction<String, String, String> label) {
        Map<String, String> labels = new TreeMap<>();
        facets.forEach((dim, values) -> values.keySet().forEach(code -> labels.put(code, label.apply(dim, code))));
        for (Result r : results) {
            r.mentions().areas().forEach(c -> labels.put(c, label.apply(PassageIndex.AREA, c)));
            r.mentions().sectors().forEach(c -> labels.put(c, label.apply(PassageIndex.SECTOR, c)));
            r.mentions().populations().forEach(c -> labels.put(c, label.apply(PassageIndex.POPULATION, c)));
            r.mentions().indicators().forEach(c -> labels.put(c, label.apply(PassageIndex.INDICATOR, c)));
        }
        labels.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return labels;
    }

    /** What a passage mentions (areas with their governorates), for display and further filtering. */
    public record Mentions(List<String> areas, List<String> sectors, List<String> populations, List<String> indicators,
                           List<Integer> years, boolean personalData) {

        public static Mentions of(IndexedPassage p) {
            return new Mentions(p.areas(), p.sectors(), p.populations(), p.indicators(), p.years(), p.personalData());
        }
    }

    /**
     * @param passage  the passage's IRI (its stable key)
     * @param fragment best part of the text, HTML-escaped, matches in {@code <mark>}
     * @param start    offset of the passage in the document's extracted text
     * @param graph    the named graph holding the passage
     * @param language ISO 639-1 code of the passage's language
     */
    public record Result(String passage, String text, String fragment, float score, int start, int end,
                         SectionRef section, DocumentRef document, String graph, Mentions mentions, String language) {

        static Result of(SearchHit hit) {
            IndexedPassage p = hit.passage();
            return new Result(p.passageUri(), p.text(), hit.fragment(), hit.score(), p.start(), p.end(),
                    new SectionRef(p.sectionUri(), p.sectionTitle()), DocumentRef.of(p), p.graph(), Mentions.of(p), p.language());
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

        /** The document of a passage, as the index holds it. */
        public static DocumentRef of(IndexedPassage p) {
            return new DocumentRef(p.documentId(), p.documentUri(), p.documentTitle(), p.documentType(),
                    p.date() == null ? null : p.date().toString(), p.organisations(), p.sensitivity(),
                    "/api/documents/" + p.documentId(), "/api/documents/" + p.documentId() + "/original");
        }
    }
}
