package org.knowledgehub.questions;

import java.util.List;
import java.util.Locale;

/**
 * What the hub understood of a research question: the kind of answer it asks for and the
 * constraints an answer has to meet. Returned with every answer and shown on the question page
 * ("understood as ..."), so that an asker can see it and correct it.
 *
 * @param kind        the kind of answer asked for
 * @param subject     what it is about besides its constraints: its nouns (and participles) that name no
 *                    place, year, group or indicator and are not words any question uses ("cholera",
 *                    "convoys", "contaminated")
 * @param constraints what the question restricts its answer to, in the order found
 * @param summary     the same in a sentence, in the question's language ({@link UnderstandingText})
 */
public record Understanding(Kind kind, List<String> subject, List<Constraint> constraints, String summary) {

    public Understanding {
        subject = List.copyOf(subject);
        constraints = List.copyOf(constraints);
    }

    /** The kind of answer a question asks for. */
    public enum Kind {
        /** A figure or a single fact: how many, what share, what is. */
        FACT,
        /** Several items: reasons, barriers, strategies, agencies, agenda items. */
        LIST,
        /** A cause or an explanation of a figure or of a change. */
        WHY,
        /** How something changed over the years. */
        TREND,
        /** Between areas, groups or populations. */
        COMPARISON,
        WHO,
        WHERE,
        WHEN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One constraint.
     *
     * @param type  year, area, population, sector, indicator, organisation, document-type, document or meeting
     * @param value a year, a P-code, a notation, an organisation's short name, a document type or id,
     *              a meeting's date (yyyy-mm-dd or yyyy-mm)
     * @param label the same for people
     * @param given whether the asker gave it (the question's fields) rather than the text naming it
     */
    public record Constraint(String type, String value, String label, boolean given) {

        /**
         * Whether an answer that contradicts it is wrong, not just less precise: another year,
         * area, population group, kind of document, document or meeting than the one asked about.
         * Sectors, indicators and organisations only say what the answer is about.
         */
        public boolean hard() {
            return switch (type) {
                case "year", "area", "population", "document-type", "document", "meeting" -> true;
                default -> false;
            };
        }
    }

    List<Constraint> of(String type) {
        return constraints.stream().filter(c -> c.type().equals(type)).toList();
    }

    List<String> values(String type) {
        return of(type).stream().map(Constraint::value).toList();
    }
}
