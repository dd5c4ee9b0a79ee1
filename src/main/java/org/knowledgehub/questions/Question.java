package org.knowledgehub.questions;

import java.util.List;

/**
 * A stored research question.
 *
 * @param sectors     sector codes (one or more: inter-sector questions are the point)
 * @param areas       P-codes
 * @param period      a year or a range of years ("2019/2020"), or null
 * @param population  a population group code, or null
 * @param askedBy     the asking organisation's name, or null
 * @param askedAt     when it was asked (xsd:dateTime)
 * @param status      open or closed
 * @param kind        the kind of answer it asks for, when its asker set or corrected it (fact, list, why...), else null:
 *                    read from the question
 * @param ignored     constraints read from its text that its asker or a reviewer struck out ("area:LB3")
 * @param agent       the agent (an account's IRI) that asked it
 */
public record Question(String id, String uri, String text, List<String> sectors, List<String> areas, String period,
                       String population, String askedBy, String askedAt, String status, String kind, List<String> ignored,
                       String agent) {
}
