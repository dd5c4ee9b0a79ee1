package org.knowledgehub.web;

import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.search.SearchService;
import org.knowledgehub.sparql.NamedQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The web UI's own pages: search (the home page) and the SPARQL query page. */
@Controller
class PageController {

    private final SearchService search;
    private final NamedQueries queries;
    private final LocalLinks links;

    PageController(SearchService search, NamedQueries queries, LocalLinks links) {
        this.search = search;
        this.queries = queries;
        this.links = links;
    }

    @GetMapping("/")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String organisation, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String offset, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("organisation", organisation == null ? "" : organisation);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("links", links);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("results", search.search(
                        new SearchService.Request(q, type, organisation, from, to, null, "10", offset), CurrentCaller.get()));
            } catch (ErrorResponseException e) {
                model.addAttribute("error", e.getBody().getDetail());
            }
        }
        return "search";
    }

    @GetMapping("/query")
    String query(Model model) {
        model.addAttribute("queries", queries.all());
        return "query";
    }
}
