package org.knowledgehub.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowledgehub.store.LocalLinks;
import org.knowledgehub.ingest.DocumentRecords;
import org.knowledgehub.ingest.DocumentSummary;
import org.knowledgehub.ontology.ConceptChoices;
import org.knowledgehub.questions.QuestionService;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.search.SearchService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web UI's own pages: the home page (search results, or without a query the ask box, the newest
 * documents and the open research questions).
 */
@Controller
class PageController {

    /** How many recent documents and open questions the home page lists. */
    private static final int HOME_ITEMS = 10;

    private final SearchService search;
    private final LocalLinks links;
    private final AuditTrail audit;
    private final DocumentRecords documents;
    private final AccessPolicy access;
    private final QuestionService questions;
    private final ConceptChoices concepts;

    PageController(SearchService search, LocalLinks links, AuditTrail audit, DocumentRecords documents,
                   AccessPolicy access, QuestionService questions, ConceptChoices concepts) {
        this.audit = audit;
        this.search = search;
        this.links = links;
        this.documents = documents;
        this.access = access;
        this.questions = questions;
        this.concepts = concepts;
    }

    /** The filters the search page carries from one request to the next (facet links add one). */
    static final List<String> FILTERS = List.of("type", "organisation", "from", "to", "area", "sector", "population",
            "indicator", "year");

    @GetMapping("/")
    String search(@RequestParam(required = false) String q, @RequestParam Map<String, String> params,
                  @RequestParam(required = false) String offset, Locale reader, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(f -> filters.put(f, params.getOrDefault(f, "").strip()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("filters", filters);
        model.addAttribute("links", links);
        if (q != null && !q.isBlank()) {
            try {
                SearchResponse results = search.search(new SearchService.Request(q, filters.get("type"),
                        filters.get("organisation"), filters.get("from"), filters.get("to"), null, filters.get("area"),
                        filters.get("sector"), filters.get("population"), filters.get("indicator"), filters.get("year"), null, "10",
                        offset, null, "true"), CurrentCaller.get())
                        .relabelled((dimension, code) -> search.label(dimension, code, reader));
                audit.recordRead(CurrentCaller.get(), "search-page", AuditTrail.digest(q), results.results().stream()
                        .map(SearchResponse.Result::graph).toList());
                model.addAttribute("results", results);
                StringBuilder query = new StringBuilder("q=").append(encode(q));
                filters.forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        query.append('&').append(k).append('=').append(encode(v));
                    }
                });
                model.addAttribute("csvPage", "/api/search?" + query + "&offset=" + results.offset() + "&format=csv");
                if (results.total() > results.offset() + results.k()) {
                    model.addAttribute("nextPage", "/?" + query + "&offset=" + (results.offset() + results.k()));
                }
            } catch (ErrorResponseException e) {
                model.addAttribute("error", e.getBody().getDetail());
            }
        } else {
            home(model, reader);
        }
        return "search";
    }

    private void home(Model model, Locale reader) {
        Caller caller = CurrentCaller.get();
        // The document list of GET /api/documents: the same access decision, audited the same way.
        List<DocumentSummary> recent = documents.list(access.visibleTo(caller), 0, HOME_ITEMS);
        audit.recordRead(caller, "home-page", null, recent.stream().map(DocumentSummary::graph).toList());
        model.addAttribute("recent", recent);
        model.addAttribute("openQuestions", questions.list(null, null, "open", null).stream().limit(HOME_ITEMS).toList());
        model.addAttribute("sectors", concepts.in(reader).sectors());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
