package org.knowledgehub.nlp;

/**
 * A span of a text that names something, and what it names.
 *
 * @param start      offset of the first character in the text (inclusive)
 * @param end        offset after the last character (exclusive)
 * @param text       the text between the offsets, exactly
 * @param link       IRI of the resource it names (a concept of the ontology, or a new
 *                   organisation), or null when it is not linked (a place abroad, a person)
 * @param value      normalised value of dates ("2020-06", "2019", "2021-03/2021-05") and
 *                   quantities ("89%", "LBP 45000"), else null
 * @param unreviewed true for an organisation the vocabulary does not know yet
 * @param source     what produced it: "gazetteer", "corenlp" (the CoreNLP pipeline of the text's language) or "pattern"
 */
public record Mention(int start, int end, String text, MentionType type, String link, String value, double confidence,
                      boolean unreviewed, String source) {

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    public boolean overlaps(Mention other) {
        return overlaps(other.start, other.end);
    }
}
