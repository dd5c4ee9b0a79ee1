package org.knowledgehub.questions;

import java.util.List;
import java.util.Map;

import org.knowledgehub.search.SearchResponse;

/**
 * A candidate answer: a passage, the sentence(s) in it that answer best, why it matched, and the
 * provenance chain from the quote to the ingestion that produced it.
 *
 * @param origin     where the answer comes from: a passage of a document's text, or the graph (a meeting's
 *                   record, an indicator's values), its quote then the text the graph's fact was read from
 * @param score      rank score (higher is better; comparable within one answer list)
 * @param quote      the sentence(s) that answer, with offsets in the document's extracted text; they may
 *                   run into the next passage when the answer continues there
 * @param review     a coordinator's verdict on it for a stored question, else null
 * @param linkedAt   when a new document made it a candidate of a standing question, else null
 * @param duplicates near-identical passages merged into this one (other documents say the same)
 * @param more       further candidates from the same document
 */
public record Answer(String passage, String origin, double score, Quote quote, String text, Why why, Provenance provenance,
                     SearchResponse.Mentions mentions, Review review, String linkedAt, List<Duplicate> duplicates,
                     List<Answer> more) {

    public record Quote(String text, int start, int end) {
    }

    /**
     * @param terms      the question's words found in the passage (as index terms)
     * @param entities   concepts of the question the passage mentions
     * @param similarity cosine similarity of the quote's embedding to the question's, when embeddings are on
     * @param ranks      the passage's rank in each ranking that found it
     * @param constraints whether it meets each constraint of the question
     */
    public record Why(List<String> terms, List<Entity> entities, Double similarity, Map<String, Integer> ranks,
                      List<Check> constraints) {
    }

    /**
     * @param verdict met, not-stated (the candidate does not say) or contradicted (another year,
     *                area, population group, document or meeting than the one asked about)
     */
    public record Check(String type, String value, String label, String verdict) {
    }

    public record Entity(String uri, String code, String label) {
    }

    /**
     * @param passage   the passage IRI and its offsets in the document's extracted text
     * @param ingestion the ingestion activity that produced the document's graph (PROV)
     */
    public record Provenance(PassageRef passage, SearchResponse.SectionRef section, SearchResponse.DocumentRef document,
                             String graph, Ingestion ingestion) {
    }

    public record PassageRef(String uri, int start, int end) {
    }

    public record Ingestion(String uri, String endedAt) {
    }

    /** @param rank preferred (accepted), normal or deprecated (rejected), as Wikibase ranks statements */
    public record Review(String rank, String by, String at) {
    }

    public record Duplicate(String passage, SearchResponse.DocumentRef document) {
    }

    Answer withReview(Review r, String linked) {
        return new Answer(passage, origin, score, quote, text, why, provenance, mentions, r, linked, duplicates, more);
    }

    Answer withMore(List<Answer> others) {
        return new Answer(passage, origin, score, quote, text, why, provenance, mentions, review, linkedAt, duplicates, others);
    }

    Answer withDuplicates(List<Duplicate> d) {
        return new Answer(passage, origin, score, quote, text, why, provenance, mentions, review, linkedAt, d, more);
    }
}
