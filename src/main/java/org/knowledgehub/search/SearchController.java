package org.knowledgehub.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.tables.CsvExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}: ranked passages with provenance, filters and facets. */
@RestController
@Tag(name = "search")
class SearchController {

    private final SearchService search;
    private final AuditTrail audit;

    SearchController(SearchService search, AuditTrail audit) {
        this.search = search;
        this.audit = audit;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search passages",
            description = "Passages ranked by BM25, each with a highlighted fragment and its provenance; "
                    + "facet counts by type, organisation, year, area, sector, population group and indicator over all "
                    + "matches you may see. As CSV with Accept: text/csv or format=csv (hxl=true adds HXL hashtags, bom=true "
                    + "a byte order mark): one row per passage of the page.")
    ResponseEntity<?> search(
            @Parameter(description = "Search text: words, \"phrases\", AND/OR/NOT, prefix*, fuzzy~; fields text:, section:, title:")
            @RequestParam(required = false) String q,
            @Parameter(description = "minutes, assessment, field-note, observation or other") @RequestParam(required = false) String type,
            @Parameter(description = "Organisation short name as in the facets, e.g. UNHCR") @RequestParam(required = false) String organisation,
            @Parameter(description = "Earliest document date: yyyy, yyyy-mm or yyyy-mm-dd") @RequestParam(required = false) String from,
            @Parameter(description = "Latest document date: yyyy, yyyy-mm or yyyy-mm-dd") @RequestParam(required = false) String to,
            @Parameter(description = "public, restricted or confidential") @RequestParam(required = false) String sensitivity,
            @Parameter(description = "P-code of an area the passage mentions, e.g. LB2 (a governorate also matches its districts)")
            @RequestParam(required = false) String area,
            @Parameter(description = "Sector code, e.g. wash, food-security, shelter") @RequestParam(required = false) String sector,
            @Parameter(description = "Population group code, e.g. syrian-refugees") @RequestParam(required = false) String population,
            @Parameter(description = "Indicator code, e.g. below-smeb") @RequestParam(required = false) String indicator,
            @Parameter(description = "A year the passage speaks of (else its document's year)") @RequestParam(required = false) String year,
            @Parameter(description = "A document's id: its passages only") @RequestParam(required = false) String document,
            @Parameter(description = "Results per page, 1-100 (default 10)") @RequestParam(required = false) String k,
            @Parameter(description = "Results to skip (default 0)") @RequestParam(required = false) String offset,
            @Parameter(description = "bm25 (default): the query syntax above; hybrid: q in plain language, ranked by BM25 "
                    + "with ontology expansion fused with semantic similarity") @RequestParam(required = false) String mode,
            @Parameter(description = "true (default): facet counts over every match; false: none, which answers sooner")
            @RequestParam(required = false) String facets,
            HttpServletRequest request) {
        CsvExport export = CsvExport.of(request);
        SearchResponse response = search.search(new SearchService.Request(q, type, organisation, from, to, sensitivity, area,
                sector, population, indicator, year, document, k, offset, mode, facets), CurrentCaller.get());
        audit.recordRead(CurrentCaller.get(), "search", AuditTrail.digest(q),
                response.results().stream().map(SearchResponse.Result::graph).toList());
        return export.answer(response, "search", SearchCsv.columns(response.labels()), response.results());
    }
}
