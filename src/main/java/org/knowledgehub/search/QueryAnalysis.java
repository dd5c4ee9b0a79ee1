package org.knowledgehub.search;

import java.util.List;

/**
 * What hybrid search understood of a question: its content words (analysed as the index
 * analyses text), the ontology concepts it names, the years it speaks of and its embedding.
 *
 * @param terms    index terms of the question's content words, question words removed
 * @param concepts concepts the question names, and those a caller added as constraints
 * @param vector   the question's sentence embedding, or null when embeddings are off
 */
public record QueryAnalysis(String text, List<String> terms, List<Concept> concepts, List<Integer> years, float[] vector) {

    /**
     * @param field the index field that holds this kind of concept (area, sector, population,
     *              indicator, organisation)
     * @param code  its code in that field (a P-code, a notation, an organisation's short name)
     */
    public record Concept(String uri, String field, String code, String label) {
    }
}
