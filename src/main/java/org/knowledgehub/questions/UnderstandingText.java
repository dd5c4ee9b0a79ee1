package org.knowledgehub.questions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Schemes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the hub understood of a question, in words of a language: the summary the API returns in
 * the question's own language, and the page in the reader's interface language. The phrasing
 * comes from the message bundles ({@code understanding.*}); places, sectors, population groups,
 * indicators and organisations are named by their labels in that language where the ontology has
 * one, and months by their names in it.
 */
@Component
public class UnderstandingText {

    /** Months as Lebanon names them in Arabic (نيسان, not أبريل). */
    private static final Locale LEBANESE_ARABIC = Locale.forLanguageTag("ar-LB");

    private final MessageSource messages;
    private final ConceptLabels labels;
    private final Map<String, String> schemes;

    UnderstandingText(MessageSource messages, ConceptLabels labels, HubProperties hub) {
        this.messages = messages;
        this.labels = labels;
        this.schemes = Map.of("area", Schemes.areas(hub.base()), "sector", Schemes.sectors(hub.base()),
                "population", Schemes.populations(hub.base()), "indicator", Schemes.indicators(hub.base()),
                "organisation", Schemes.organisations(hub.base()));
    }

    /** "a why-question about rent; year 2022; area Akkar (LB7)", or the same in French or Arabic. */
    public String summary(Understanding.Kind kind, List<String> subject, List<Understanding.Constraint> constraints, Locale locale) {
        String what = message("understanding.kind." + kind.code(), locale);
        if (!subject.isEmpty()) {
            what = message("understanding.about", locale, what, String.join(", ", subject));
        }
        if (constraints.isEmpty()) {
            return what + "; " + message("understanding.none", locale);
        }
        return what + "; " + constraints.stream().collect(Collectors.groupingBy(Understanding.Constraint::type,
                        LinkedHashMap::new, Collectors.mapping(c -> label(c, locale), Collectors.joining(", "))))
                .entrySet().stream().map(e -> type(e.getKey(), locale) + " " + e.getValue()).collect(Collectors.joining("; "));
    }

    public String summary(Understanding u, Locale locale) {
        return summary(u.kind(), u.subject(), u.constraints(), locale);
    }

    /** A constraint as a chip on the question page: "area: Akkar (LB7)". */
    public String chip(Understanding.Constraint c, Locale locale) {
        return type(c.type(), locale) + ": " + label(c, locale);
    }

    /** The constraint's value named for people in the language; its stored label where there is no other. */
    String label(Understanding.Constraint c, Locale locale) {
        String language = locale.getLanguage();
        return switch (c.type()) {
            case "area" -> concept(c).map(r -> labels.label(r, language) + " (" + c.value() + ")").orElse(c.label());
            case "sector", "population", "indicator", "organisation" -> concept(c).map(r -> labels.label(r, language)).orElse(c.label());
            case "document-type" -> messages.getMessage("understanding.document-type." + c.value(), null, c.label(), locale);
            case "meeting" -> date(c.value(), language.equals("ar") ? LEBANESE_ARABIC : locale).orElse(c.label());
            default -> c.label();
        };
    }

    private Optional<Resource> concept(Understanding.Constraint c) {
        String scheme = schemes.get(c.type());
        return c.type().equals("organisation") ? labels.byCodeOrName(scheme, c.value()) : labels.byCode(scheme, c.value());
    }

    /** "4 avril 2019" for 2019-04-04, "avril 2019" for 2019-04. */
    private static Optional<String> date(String value, Locale locale) {
        try {
            if (value.length() == 7) {
                YearMonth ym = YearMonth.parse(value);
                return Optional.of(ym.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + ym.getYear());
            }
            LocalDate d = LocalDate.parse(value);
            return Optional.of(d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + d.getYear());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private String type(String type, Locale locale) {
        return messages.getMessage("understanding.type." + type, null, type.replace('-', ' '), locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
