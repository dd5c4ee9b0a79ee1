package org.knowledgehub.trends;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.store.Uris;
import org.knowledgehub.security.CurrentCaller;
import org.knowledgehub.tables.CsvExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/trends}: an indicator's series by area and year, and areas compared in one year. */
@RestController
@Tag(name = "trends")
class TrendsController {

    private final TrendsService trends;
    private final TrendExplainer explainer;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Uris uris;

    TrendsController(TrendsService trends, TrendExplainer explainer, AccessPolicy access, AuditTrail audit, Uris uris) {
        this.audit = audit;
        this.uris = uris;
        this.trends = trends;
        this.explainer = explainer;
        this.access = access;
    }

    @GetMapping("/api/trends")
    @Operation(summary = "An indicator's values over the years, with year-on-year changes",
            description = "Series for the area, its governorate (for a district), Lebanon and the area's children "
                    + "(a governorate's districts, Lebanon's governorates), one per population group. As CSV with Accept: "
                    + "text/csv or format=csv (hxl=true adds HXL hashtags): one row per year of each series.")
    ResponseEntity<?> trend(
            @Parameter(description = "Indicator code, e.g. below-smeb (see /api/indicators)") @RequestParam(required = false) String indicator,
            @Parameter(description = "P-code or name of an area; default LB (Lebanon)") @RequestParam(required = false) String area,
            @Parameter(description = "Population group code, e.g. syrian-refugees") @RequestParam(required = false) String population,
            HttpServletRequest request) {
        CsvExport export = CsvExport.of(request);
        TrendViews.Trend trend = trends.trend(indicator, area, population, access.visibleTo(CurrentCaller.get()));
        List<String> datasets = new ArrayList<>();
        trend.series().forEach(series -> series.points().forEach(p -> {
            datasets.add(p.dataset());
            p.otherSources().forEach(o -> datasets.add(o.dataset()));
        }));
        audit.recordRead(CurrentCaller.get(), "trends", trend.indicator().iri(), graphs(datasets));
        return export.answer(trend, "trend-" + trend.indicator().code() + "-" + trend.area().code(), TrendCsv.SERIES, TrendCsv.rows(trend));
    }

    @GetMapping("/api/trends/compare")
    @Operation(summary = "Areas ranked by an indicator's value in one year, with the change since their previous round",
            description = "As CSV with Accept: text/csv or format=csv (hxl=true adds HXL hashtags): one row per area, then Lebanon.")
    ResponseEntity<?> compare(
            @Parameter(description = "Indicator code, e.g. below-smeb") @RequestParam(required = false) String indicator,
            @Parameter(description = "Year compared; default the latest with values") @RequestParam(required = false) String year,
            @Parameter(description = "governorate (default) or district") @RequestParam(required = false) String level,
            @Parameter(description = "Population group code; needed when the indicator has values for several")
            @RequestParam(required = false) String population,
            HttpServletRequest request) {
        CsvExport export = CsvExport.of(request);
        TrendViews.Comparison comparison = trends.compare(indicator, year, level, population, access.visibleTo(CurrentCaller.get()));
        List<String> datasets = new ArrayList<>(comparison.areas().stream().map(TrendViews.Ranked::dataset).toList());
        if (comparison.national() != null) {
            datasets.add(comparison.national().dataset());
        }
        audit.recordRead(CurrentCaller.get(), "trends", comparison.indicator().iri(), graphs(datasets));
        return export.answer(comparison, "compare-" + comparison.indicator().code(), TrendCsv.COMPARISON,
                TrendCsv.rows(comparison));
    }

    @GetMapping("/api/trends/explain")
    @Operation(summary = "The change of an indicator in an area between two years, and the evidence that may explain it",
            description = "Passages that speak of the indicator or its sectors, the area or its districts and the period "
                    + "(other sectors' included), ranked with their provenance; the research questions open on it; the years "
                    + "where publications disagree; and a research question pre-filled to POST to /api/questions.")
    TrendExplainer.Explanation explain(
            @Parameter(description = "Indicator code, e.g. below-smeb") @RequestParam(required = false) String indicator,
            @Parameter(description = "P-code or name of an area; default LB (Lebanon)") @RequestParam(required = false) String area,
            @Parameter(description = "Population group code, e.g. syrian-refugees") @RequestParam(required = false) String population,
            @Parameter(description = "First year of the period") @RequestParam(required = false) String from,
            @Parameter(description = "Last year of the period") @RequestParam(required = false) String to) {
        return explainer.explain(indicator, area, population, from, to, CurrentCaller.get());
    }

    /** The tables the values came from; restricted and confidential ones make the read audited. */
    private List<String> graphs(List<String> datasets) {
        return datasets.stream().map(uris::indicatorGraphOfDataset).flatMap(java.util.Optional::stream).distinct().toList();
    }
}
