package org.knowledgehub.questions;

/**
 * What is recorded about one candidate of a question: a review, or a link made when a new
 * document was ingested (standing question).
 *
 * @param rank preferred, normal or deprecated
 * @param by   who reviewed it, or the ingestion activity that linked it
 * @param at   when (xsd:dateTime)
 */
record AnswerStatement(String passage, String documentId, String rank, String by, String at, boolean linkedByIngest) {
}
