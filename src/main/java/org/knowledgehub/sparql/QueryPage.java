package org.knowledgehub.sparql;

import org.knowledgehub.ontology.Namespaces;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /query}: YASGUI (editor, result table, downloads) querying this server's {@code /sparql},
 * with the named queries, the hub's prefixes for completion and short IRIs, and the base whose IRIs
 * the page opens on this server.
 */
@Controller
class QueryPage {

    private final NamedQueries queries;
    private final Uris uris;
    private final JsonMapper json;

    QueryPage(NamedQueries queries, Uris uris, JsonMapper json) {
        this.queries = queries;
        this.uris = uris;
        this.json = json;
    }

    @GetMapping("/query")
    String query(Model model) {
        model.addAttribute("queries", queries.all());
        model.addAttribute("prefixes", json.writeValueAsString(Namespaces.prefixes(uris.base()).getNsPrefixMap()));
        model.addAttribute("base", uris.base());
        return "query";
    }
}
