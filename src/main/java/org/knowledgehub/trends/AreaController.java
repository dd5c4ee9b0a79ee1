package org.knowledgehub.trends;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.knowledgehub.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/areas/{pcode}}: the geographic view of everything the hub knows. */
@RestController
@Tag(name = "trends")
class AreaController {

    private final AreaView areas;

    AreaController(AreaView areas) {
        this.areas = areas;
    }

    @GetMapping("/api/areas/{pcode}")
    @Operation(summary = "What the hub knows about an area",
            description = "Indicator values with their last change, passages that mention the area, its districts or "
                    + "its localities (counts by organisation, document type and year), open research questions, parent and "
                    + "child areas, localities, names in English, French and Arabic, and a locality's coordinates when known.")
    AreaView.Area area(@Parameter(description = "OCHA P-code: LB (Lebanon), LB1-LB8, LB11-LB63; or a locality code such as LB25-bar-elias")
                       @PathVariable String pcode) {
        return areas.of(pcode, CurrentCaller.get());
    }
}
