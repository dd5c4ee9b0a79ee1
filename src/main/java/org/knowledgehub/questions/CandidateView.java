package org.knowledgehub.questions;

import java.util.List;
import java.util.Set;

/**
 * A candidate answer as the question page shows it: its passage cut around the quote so the
 * answering sentence(s) can be highlighted in place, and its review in words.
 *
 * @param before      the passage's text before the quote ("" when the quote cannot be placed in it)
 * @param quote       the quote as it stands in the passage
 * @param after       the passage's text after the quote
 * @param placed      whether the quote was found in the passage (else it is shown above the passage)
 * @param reviewer    who reviewed it (the agent's name), or null
 * @param conflicting whether one of its sentences gives a figure other candidates contradict
 */
record CandidateView(Answer answer, String before, String quote, String after, boolean placed, String reviewer,
                     boolean conflicting, List<CandidateView> more) {

    static CandidateView of(Answer a, Set<String> conflicting) {
        String text = a.text() == null ? "" : a.text();
        Answer.Quote q = a.quote();
        int passageStart = a.provenance().passage().start();
        int start = q.start() - passageStart;
        int end = q.end() - passageStart;
        boolean placed = start >= 0 && start <= end && end <= text.length() && text.substring(start, end).equals(q.text());
        if (!placed) {
            // Offsets that do not fit (a text read back differently): find the quote by its words.
            start = text.indexOf(q.text());
            end = start + q.text().length();
            placed = start >= 0 && !q.text().isEmpty();
        }
        List<CandidateView> more = a.more().stream().map(m -> of(m, conflicting)).toList();
        return new CandidateView(a, placed ? text.substring(0, start) : "", placed ? text.substring(start, end) : q.text(),
                placed ? text.substring(end) : text, placed, reviewer(a.review()), conflicting.contains(a.passage()), more);
    }

    /** The review's rank as the page names it: preferred, normal, deprecated or unreviewed. */
    public String rank() {
        return answer.review() == null ? "unreviewed" : answer.review().rank();
    }

    /** Its rank in each ranking that found it: "lexical #1, dense #3". */
    public String ranks() {
        return String.join(", ", answer.why().ranks().entrySet().stream().map(e -> e.getKey() + " #" + e.getValue()).toList());
    }

    private static String reviewer(Answer.Review review) {
        if (review == null || review.by() == null) {
            return null;
        }
        String by = review.by();
        return by.substring(by.lastIndexOf('/') + 1);
    }
}
