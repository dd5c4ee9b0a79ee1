package org.knowledgehub.trends;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.knowledgehub.FormProblem;
import org.knowledgehub.ontology.ConceptChoices;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page for admins: the fields of {@code POST /api/indicators/import}, through the same
 * {@link IndicatorUploads}. An import redirects to the form, which shows its report once (a flash
 * attribute), so a reload imports nothing; a refusal (nothing is imported then)
 * shows the problem's detail beside the field it names, with the problem's status, and keeps what was typed.
 */
@Controller
class IndicatorImportPage {

    /** The fields the form shows an error beside; a problem naming another (or none) is shown above the form. */
    private static final Set<String> FIELDS = Set.of("file", "format", "source", "year", "population", "sector", "sensitivity");

    private final IndicatorUploads uploads;
    private final ConceptChoices concepts;

    IndicatorImportPage(IndicatorUploads uploads, ConceptChoices concepts) {
        this.uploads = uploads;
        this.concepts = concepts;
    }

    @GetMapping("/indicators/import")
    String form(Locale reader, Model model) {
        return show(model, reader, Map.of(), Map.of());
    }

    @PostMapping(path = "/indicators/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String submit(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam Map<String, String> form,
                  Locale reader, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("report", uploads.importFile(file, new IndicatorUploads.Options(form.get("format"),
                    form.get("source"), form.get("year"), form.get("population"), form.get("sector"), form.get("sensitivity")),
                    CurrentCaller.get()));
            // Post/Redirect/Get: reloading the report's page must not import the table again.
            return "redirect:/indicators/import";
        } catch (ErrorResponseException e) {
            return show(model, reader, form, FormProblem.of(e, FIELDS, "import", response).errors());
        }
    }

    private String show(Model model, Locale reader, Map<String, ?> values, Map<String, String> errors) {
        ConceptChoices concepts = this.concepts.in(reader);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("sectors", concepts.sectors());
        model.addAttribute("populations", concepts.populations());
        return "indicators-import";
    }
}
