package org.knowledgehub.trends;

import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page of an area: the same view as {@code /api/areas/{pcode}}, for a coordinator preparing a field discussion. */
@Controller
class AreaPage {

    private final AreaView areas;

    AreaPage(AreaView areas) {
        this.areas = areas;
    }

    @GetMapping("/areas/{pcode}")
    String page(@PathVariable String pcode, Model model) {
        model.addAttribute("view", areas.of(pcode, CurrentCaller.get()));
        return "area";
    }
}
