package org.knowledgehub.trends;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/indicators}: the indicators with values, and the import of indicator tables. */
@RestController
@Tag(name = "indicators")
class IndicatorController {

    private final IndicatorUploads uploads;
    private final TrendsService trends;
    private final AccessPolicy access;
    private final AuditTrail audit;

    private final Uris uris;

    IndicatorController(IndicatorUploads uploads, TrendsService trends, AccessPolicy access, AuditTrail audit, Uris uris) {
        this.uris = uris;
        this.audit = audit;
        this.uploads = uploads;
        this.trends = trends;
        this.access = access;
    }

    @PostMapping(path = "/api/indicators/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an indicator table (admin)",
            description = "A VASyR vault workbook (XLSX/XLS), a long CSV (indicator, area, year, value, unit) or an "
                    + "HXL-tagged CSV. Each table becomes one dataset of observations in its own named graph; importing the "
                    + "same table of the same source again adds an edition (the latest import is the headline; older ones stay). Answers what was created, skipped and not resolved.")
    ImportReport importTable(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @Parameter(description = "vault, long or hxl; recognised from the content when absent")
            @RequestParam(required = false) String format,
            @Parameter(description = "The publication the table comes from, e.g. \"VASyR 2020, UNHCR/UNICEF/WFP\"; "
                    + "defaults to the file name") @RequestParam(required = false) String source,
            @Parameter(description = "Year of values the table gives none for (a vault workbook gives none)")
            @RequestParam(required = false) String year,
            @Parameter(description = "Population group code of values the table gives none for, e.g. syrian-refugees")
            @RequestParam(required = false) String population,
            @Parameter(description = "Sector code of the table (e.g. food-security), given to the indicators it creates")
            @RequestParam(required = false) String sector,
            @Parameter(description = "public (default), restricted or confidential") @RequestParam(required = false) String sensitivity) {
        return uploads.importFile(file, new IndicatorUploads.Options(format, source, year, population, sector, sensitivity),
                CurrentCaller.get());
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "The indicators with values you may see, with their years, areas, population groups and sources")
    List<TrendViews.IndicatorSummary> indicators() {
        VisibleGraphs visible = access.visibleTo(CurrentCaller.get());
        // The list sums up every table the caller may read: the protected ones among them are read.
        audit.recordRead(CurrentCaller.get(), "indicators", "list", audit.protectedGraphs(visible).stream()
                .filter(uris::isIndicatorGraph).toList());
        return trends.indicators(visible);
    }
}
