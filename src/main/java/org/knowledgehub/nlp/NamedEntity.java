package org.knowledgehub.nlp;

/**
 * A named entity CoreNLP found, by its offsets in the whole text it was asked to annotate.
 *
 * @param type       CoreNLP's coarse type (PERSON, ORGANIZATION, LOCATION, DATE, PERCENT...)
 * @param normalized SUTime's value for dates ("2021-03", "XXXX-05"), else null
 */
public record NamedEntity(String type, int start, int end, String normalized) {
}
