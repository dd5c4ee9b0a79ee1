package org.knowledgehub.observations;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.FormProblem;
import org.knowledgehub.ingest.IngestOutcome;
import org.knowledgehub.ontology.ConceptChoices;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.security.CurrentCaller;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The observation form for field actors (signed-in contributors): the same submission and
 * validation as the API; what is wrong is shown beside each field and nothing typed is lost.
 */
@Controller
class ObservationPage {

    private final Observations observations;
    private final ConceptChoices concepts;
    /** The observation methods by the language of their labels ("en", "fr", "ar"). */
    private final Map<String, List<ConceptChoices.Choice>> methods;
    private final MessageSource messages;

    ObservationPage(Observations observations, ConceptChoices concepts, ConceptLabels labels, Ontology ontology,
                    MessageSource messages) {
        this.observations = observations;
        this.concepts = concepts;
        this.messages = messages;
        this.methods = java.util.stream.Stream.of("en", "fr", "ar").collect(Collectors.toMap(l -> l, l ->
                ontology.model().listSubjectsWithProperty(RDF.type, KH.ObservationMethod).toList().stream()
                        .map(m -> new ConceptChoices.Choice(m.getProperty(SKOS.notation).getString(), labels.label(m, l)))
                        .sorted(Comparator.comparing(o -> o.code().equals("other") ? "~" : o.label()))
                        .toList()));
    }

    @GetMapping("/observations/new")
    String form(@RequestParam(required = false) String question, @RequestParam(required = false) String area, Locale reader,
                Model model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("question", question);
        values.put("area", area);
        values.put("sensitivity", "restricted");
        return show(model, reader, values, Map.of());
    }

    @PostMapping("/observations")
    String submit(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> sectors,
                  Locale reader, Model model, HttpServletResponse response) {
        ObservationSubmission submission = new ObservationSubmission(form.get("text"), form.get("title"),
                form.get("observedFrom"), form.get("observedTo"), form.get("area"), form.get("locality"),
                sectors == null ? List.of() : sectors, form.get("population"), form.get("method"), null,
                form.get("sensitivity"), List.of(), List.of(),
                new ObservationSubmission.Consent(bool(form.get("collectedFromPeople")), form.get("informedConsent"),
                        form.get("purpose"), bool(form.get("personalData"))),
                form.get("question"));
        try {
            IngestOutcome outcome = observations.submit(submission, CurrentCaller.get());
            return "redirect:/id/document/" + outcome.id();
        } catch (ErrorResponseException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            Object violations = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("violations");
            if (violations instanceof List<?> list) {
                list.forEach(v -> errors.merge(((Violation) v).field(), ((Violation) v).message(), (a, b) -> a + " " + b));
            } else {
                errors.put(String.valueOf(e.getBody().getProperties() == null ? "observation"
                        : e.getBody().getProperties().getOrDefault("field", "observation")), e.getBody().getDetail());
            }
            errors.replaceAll((field, detail) -> FormProblem.inReadersLanguage(messages, reader, field, detail));
            response.setStatus(e.getStatusCode().value());
            Map<String, Object> values = new LinkedHashMap<>(form);
            values.put("sectors", sectors == null ? List.of() : sectors);
            return show(model, reader, values, errors);
        }
    }

    private String show(Model model, Locale reader, Map<String, Object> values, Map<String, String> errors) {
        ConceptChoices concepts = this.concepts.in(reader);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("areas", concepts.areas());
        model.addAttribute("sectors", concepts.sectors());
        model.addAttribute("populations", concepts.populations());
        model.addAttribute("methods", methods.getOrDefault(reader.getLanguage(), methods.get("en")));
        return "observation-form";
    }

    /** A radio button left unset is null: the shapes say it is required. */
    private static Boolean bool(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }
}
