package org.knowledgehub.ingest;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Corrections of a document's metadata by its owner: {@code PATCH /api/documents/{id}/metadata}
 * for scripts, and the form of the document page.
 */
@Controller
@Tag(name = "documents")
class DocumentMetadataController {

    /** Flash attributes the document page shows after a refused correction. */
    static final String REFUSED_FIELD = "refusedField";
    static final String REFUSED_MESSAGE = "refusedMessage";

    private final MetadataCorrections corrections;

    DocumentMetadataController(MetadataCorrections corrections) {
        this.corrections = corrections;
    }

    @PatchMapping(path = "/api/documents/{id}/metadata", consumes = "application/json", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Correct a document's title, organisation, date, type or language (admin, or a member of its publisher)")
    DocumentSummary correct(@PathVariable String id, @RequestBody MetadataCorrection correction) {
        return corrections.correct(CurrentCaller.get(), id, correction);
    }

    @PostMapping("/documents/{id}/metadata")
    String correctFromPage(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String page = "redirect:/id/document/" + (DocumentIds.isValid(id) ? id : "");
        try {
            corrections.correct(CurrentCaller.get(), id, new MetadataCorrection(form.get("title"), form.get("organisation"),
                    form.get("date"), form.get("type"), form.get("language")));
            return page + "?corrected#metadata";
        } catch (ErrorResponseException e) {
            Map<String, Object> properties = e.getBody().getProperties();
            redirect.addFlashAttribute(REFUSED_FIELD, properties == null ? "document" : properties.getOrDefault("field", "document"));
            redirect.addFlashAttribute(REFUSED_MESSAGE, e.getBody().getDetail());
            return page + "#correct-metadata";
        }
    }
}
