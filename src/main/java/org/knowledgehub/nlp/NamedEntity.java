package org.knowledgehub.nlp;

/**
 * A named entity CoreNLP found, by its offsets in the whole text it was asked to annotate.
 *
 * @param type       CoreNLP's coarse type (PERSON, ORGANIZATION, LOCATION, DATE, PERCENT...)
 * @param normalized SUTime's value for dates ("2021-03", "XXXX-05"), else null
 * @param probability the probability CoreNLP's classifier gave the entity's tag (the lowest of its
 *                    tokens'), or null when it gave none (rule-based tags such as SUTime's)
 */
public record NamedEntity(String type, int start, int end, String normalized, Double probability) {
}
