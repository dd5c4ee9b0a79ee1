package org.knowledgehub.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.knowledgehub.FormProblem;
import org.knowledgehub.ontology.ConceptChoices;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload page for members who contribute documents: the fields of {@code POST /api/documents},
 * taken through the same {@link DocumentUploads}. A refusal shows the problem's detail beside the
 * field it names, with the problem's status, and keeps what was typed.
 */
@Controller
class UploadPage {

    /** The fields the form shows an error beside; a problem naming another (or none) is shown above the form. */
    private static final Set<String> FIELDS = Set.of("file", "title", "type", "organisation", "date", "sensitivity",
            "sharedWith", "sharedWithSector", ConsentRecord.COLLECTED_FROM_PEOPLE, ConsentRecord.INFORMED_CONSENT,
            ConsentRecord.PURPOSE, ConsentRecord.PERSONAL_DATA, "language");

    private final DocumentUploads uploads;
    private final ConceptChoices concepts;
    private final MessageSource messages;

    UploadPage(DocumentUploads uploads, ConceptChoices concepts, MessageSource messages) {
        this.uploads = uploads;
        this.concepts = concepts;
        this.messages = messages;
    }

    @GetMapping("/documents/new")
    String form(Locale reader, Model model) {
        return show(model, reader, Map.of(), Map.of());
    }

    @PostMapping(path = "/documents/new", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String submit(@RequestParam(name = "file", required = false) MultipartFile file, @RequestParam Map<String, String> form,
                  @RequestParam(required = false) List<String> sharedWith,
                  @RequestParam(required = false) List<String> sharedWithSector, Locale reader, Model model,
                  HttpServletResponse response) {
        DocumentUploads.Fields fields = new DocumentUploads.Fields(form.get("title"), form.get("type"), form.get("organisation"),
                form.get("date"), form.get("sensitivity"), sharedWith, sharedWithSector, null,
                form.get(ConsentRecord.COLLECTED_FROM_PEOPLE), form.get(ConsentRecord.INFORMED_CONSENT),
                form.get(ConsentRecord.PURPOSE), form.get(ConsentRecord.PERSONAL_DATA), form.get("language"));
        try {
            return switch (uploads.upload(file, fields, CurrentCaller.get())) {
                case DocumentUploads.Ingested(IngestOutcome outcome) -> "redirect:/id/document/" + outcome.id();
                case DocumentUploads.Accepted(IngestJob job) -> "redirect:/ingests/" + job.id();
            };
        } catch (ErrorResponseException e) {
            FormProblem problem = FormProblem.of(e, FIELDS, "upload", response);
            Map<String, Object> values = new LinkedHashMap<>(form);
            values.put("sharedWith", sharedWith == null ? "" : String.join(", ", sharedWith));
            values.put("sharedWithSector", sharedWithSector == null ? List.of() : sharedWithSector);
            return show(model, reader, values, problem.errors(messages, reader));
        }
    }

    private String show(Model model, Locale reader, Map<String, Object> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("sectors", concepts.in(reader).sectors());
        return "document-form";
    }
}
