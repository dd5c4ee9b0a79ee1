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
 */
public record Question(String id, String uri, String text, List<String> sectors, List<String> areas, String period,
                       String population, String askedBy, String askedAt, String status) {
}
