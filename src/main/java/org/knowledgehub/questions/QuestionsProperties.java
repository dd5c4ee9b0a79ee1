package org.knowledgehub.questions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Research question settings.
 *
 * @param minSimilarity cosine similarity between the question and the best quote below which the
 *                      hub says it has no good answer (calibrated on queries/benchmark)
 * @param constrainedAllowance how much lower that similarity may be for an answer that meets every
 *                      year, place, population group, document or meeting the question names (at least
 *                      one): "when did the teams visit households in 2020" is answered by a sentence
 *                      that states dates, in the 2020 report, however little its wording resembles
 *                      the question's
 * @param minCoverage   without embeddings: share of the question's content words the best passage
 *                      must contain for a confident answer
 * @param answers       candidate answers (document groups) returned by default
 * @param standing      whether a new document is matched against the open questions
 */
@ConfigurationProperties("kh.questions")
public record QuestionsProperties(
        @DefaultValue("0.6") double minSimilarity,
        @DefaultValue("0.1") double constrainedAllowance,
        @DefaultValue("0.5") double minCoverage,
        @DefaultValue("10") int answers,
        @DefaultValue("true") boolean standing) {
}
