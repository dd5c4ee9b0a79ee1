package org.knowledgehub.trends;

import java.util.List;

import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The trends page: an indicator's series for an area, its districts and Lebanon as a line chart,
 * and the governorates (or districts) compared in one year as a bar chart. The page lists what
 * the caller may see; its script draws from {@code /api/trends} and {@code /api/trends/compare}.
 */
@Controller
class TrendsPage {

    private static final String PREFERRED = "below-smeb";

    private final TrendsService trends;
    private final TrendExplainer explainer;
    private final AccessPolicy access;

    TrendsPage(TrendsService trends, TrendExplainer explainer, AccessPolicy access) {
        this.trends = trends;
        this.explainer = explainer;
        this.access = access;
    }

    /** Why a trend changed: the evidence, and a form that turns the question into a research question. */
    @GetMapping("/trends/explain")
    String explain(@RequestParam(required = false) String indicator, @RequestParam(required = false) String area,
                   @RequestParam(required = false) String population, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Model model) {
        model.addAttribute("x", explainer.explain(indicator, area, population, from, to, CurrentCaller.get()));
        return "explain";
    }

    @GetMapping("/trends")
    String page(@RequestParam(required = false) String indicator, @RequestParam(required = false) String area,
                @RequestParam(required = false) String year, @RequestParam(required = false) String level,
                @RequestParam(required = false) String population, Model model) {
        List<TrendViews.IndicatorSummary> indicators = trends.indicators(access.visibleTo(CurrentCaller.get()));
        model.addAttribute("indicators", indicators);
        TrendViews.IndicatorSummary selected = indicators.stream()
                .filter(i -> i.code().equals(blank(indicator) ? PREFERRED : indicator.strip())).findFirst()
                .orElse(indicators.isEmpty() ? null : indicators.getFirst());
        model.addAttribute("selected", selected);
        if (selected != null) {
            model.addAttribute("area", blank(area) ? "LB" : area.strip());
            model.addAttribute("year", blank(year) ? String.valueOf(selected.years().getLast()) : year.strip());
            model.addAttribute("level", "district".equals(level) ? "district" : "governorate");
            model.addAttribute("population", !blank(population) ? population.strip()
                    : selected.populations().isEmpty() ? "" : selected.populations().getFirst().code());
        }
        return "trends";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
