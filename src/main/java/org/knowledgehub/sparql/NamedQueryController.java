package org.knowledgehub.sparql;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/queries}: the named queries analysts can run at {@code /sparql}. */
@RestController
@Tag(name = "sparql")
class NamedQueryController {

    private final NamedQueries queries;

    NamedQueryController(NamedQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/queries")
    @Operation(summary = "List the named SPARQL queries")
    List<NamedQueries.NamedQuery> list() {
        return queries.all();
    }

    @GetMapping("/api/queries/{name}")
    @Operation(summary = "One named SPARQL query")
    NamedQueries.NamedQuery get(@PathVariable String name) {
        return queries.get(name).orElseThrow(() -> Problems.notFound("named query " + name));
    }
}
