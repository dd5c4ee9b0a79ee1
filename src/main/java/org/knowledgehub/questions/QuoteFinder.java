package org.knowledgehub.questions;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.PassageEmbeddings;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Picks in each candidate passage the sentence(s) that answer: the sentence closest to the
 * question in meaning and wording that offers what it asks for (a reason, a figure, a date, a
 * place, a name), with its neighbour when the answer runs on, across the passage's boundary.
 */
@Component
class QuoteFinder {

    /** What a sentence that offers what was asked (a cause, a figure) gains over one that only speaks of the topic. */
    private static final double CUE_BONUS = 0.2;
    /** What sharing all of the question's wording adds to a sentence's similarity when quotes are picked. */
    private static final double WORDS = 0.1;
    /**
     * The same two for a question in Arabic or French: the embedding model is English, so its cosines tell
     * that question's sentences apart less well than its words and what a sentence offers do.
     */
    private static final double CUE_BONUS_AR_FR = 0.4;
    private static final double WORDS_AR_FR = 0.3;
    private static final int MAX_SENTENCES = 16;
    private static final Pattern YEAR = Pattern.compile("\\b(?:19[5-9]\\d|20\\d\\d)\\b");
    /** Two or three capitalised words in a row, not at the start of the sentence: a person's name ("by Jad Ghosn"). */
    private static final Pattern PERSON = Pattern.compile("(?<=\\p{Ll}[ ,]{1,2})\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){1,2}\\b");
    /** Sentences that lean on the one before them ("This is due to..."): quoted with it. */
    private static final Pattern LEANS_BACK = Pattern.compile("^(?:This|These|That|Those|It|They|Such|However|But|Similarly|"
            + "Additionally|Furthermore|Moreover|In addition|As a result|Consequently|Therefore|Thus|Hence|Of (?:these|those|them))\\b");

    private final HybridSearch search;
    private final PassageEmbeddings embeddings;
    private final Gazetteer gazetteer;
    private final Uris uris;

    QuoteFinder(HybridSearch search, PassageEmbeddings embeddings, Gazetteer gazetteer, Uris uris) {
        this.search = search;
        this.embeddings = embeddings;
        this.gazetteer = gazetteer;
        this.uris = uris;
    }

    /**
     * Whether a sentence offers what the question asks for: a reason, a figure, a date, items
     * ({@link AnswerCues}); a place the gazetteer knows for a where-question (other than one it
     * gives), an organisation or a person's name for a who-question.
     */
    boolean offers(AnswerFinder.Asked asked, String sentence) {
        return switch (asked.understanding().kind()) {
            case WHERE -> gazetteer.find(sentence, true).stream().anyMatch(m -> m.type() == MentionType.PLACE && !given(asked, m));
            case WHO -> PERSON.matcher(sentence).find()
                    || gazetteer.find(sentence, true).stream().anyMatch(m -> m.type() == MentionType.ORGANISATION);
            default -> AnswerCues.offers(asked.understanding().kind(), asked.amount(), sentence)
                    && !AnswerCues.otherMonths(asked.analysis().text(), sentence);
        };
    }

    /**
     * Whether a place is one a where-question already gives, so it is no answer: the country every
     * report is about ("in Lebanon"), or an area the question names ("Where in Akkar...").
     */
    private boolean given(AnswerFinder.Asked asked, Gazetteer.Match place) {
        String areas = uris.base() + "id/area/";
        return place.concept().equals(areas + "LB")
                || asked.understanding().values("area").stream().anyMatch(code -> place.concept().equals(areas + code));
    }

    /** @param similarity the cosine of the passage's sentence nearest to the question */
    record Quoted(Answer.Quote quote, double similarity) {
    }

    /** A sentence of a passage or of one of its neighbours, by its offsets in the document's text. */
    private record Sentence(String text, int start, int end, boolean own) {
    }

    /**
     * The quote of each candidate: the sentence most similar to the question, preferring one that
     * offers what the question asks for (a cause, a figure, a date); with the sentence before it when
     * it leans on it ("This is due to..."), with the next one when that one completes it (the cause
     * after the figure, the end of a sentence the passage cut), across the passage's boundary within
     * its section.
     */
    Map<String, Quoted> quotes(AnswerFinder.Asked asked, List<IndexedPassage> passages, VisibleGraphs visible) {
        float[] question = asked.analysis().vector();
        if (question == null || passages.isEmpty()) {
            return Map.of();
        }
        Map<String, IndexedPassage> neighbours = neighbours(passages, visible);
        Map<String, List<Sentence>> windows = new LinkedHashMap<>();
        List<Sentence> all = new ArrayList<>();
        for (IndexedPassage p : passages) {
            List<Sentence> window = new ArrayList<>();
            IndexedPassage before = neighbours.get(uris.passage(p.documentId(), p.number() - 1));
            if (before != null && sameSection(before, p)) {
                List<Sentence> s = sentences(before, false);
                window.add(s.getLast());
            }
            window.addAll(sentences(p, true));
            IndexedPassage after = neighbours.get(uris.passage(p.documentId(), p.number() + 1));
            if (after != null && (sameSection(after, p) || !endsSentence(p.text()))) {
                window.add(sentences(after, false).getFirst());
            }
            windows.put(p.passageUri(), window);
            all.addAll(window);
        }
        List<float[]> vectors = embeddings.embedSentences(all.stream().map(Sentence::text).toList());
        float[] focus = focus(asked);
        Map<Sentence, Double> similarity = new HashMap<>();
        Map<Sentence, Double> closeness = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            similarity.put(all.get(i), PassageEmbeddings.cosine(question, vectors.get(i)));
            closeness.put(all.get(i), PassageEmbeddings.cosine(focus, vectors.get(i)));
        }
        Map<Sentence, Double> words = wordsShared(asked.analysis().terms(), passages, all);
        Map<String, Quoted> out = new HashMap<>();
        windows.forEach((uri, window) -> out.put(uri, quote(asked, window, similarity, closeness, words)));
        return out;
    }

    /**
     * The question less what its candidates already meet as passages (its years, places and
     * population groups): what the quoted sentence itself must say. "Syrian refugee households"
     * draws a question on iron-rich food to every sentence on those households' food.
     */
    private float[] focus(AnswerFinder.Asked asked) {
        String text = asked.analysis().text();
        StringBuilder kept = new StringBuilder();
        int from = 0;
        for (Gazetteer.Match m : gazetteer.find(text, true)) {
            if ((m.type() == MentionType.PLACE || m.type() == MentionType.POPULATION) && m.start() >= from) {
                kept.append(text, from, m.start()).append(' ');
                from = m.end();
            }
        }
        kept.append(text.substring(from));
        String focus = YEAR.matcher(ArabicFrenchCues.asciiDigits(kept.toString())).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return focus.equals(text.strip()) || focus.split(" ").length < 3 ? asked.analysis().vector() : embeddings.embedQuery(focus);
    }

    /**
     * How much of the question's wording each sentence shares, its words weighted by how few of
     * the candidate passages use them: "iron" tells the answering sentence from the others of a
     * passage on food consumption, "households" does not.
     */
    private Map<Sentence, Double> wordsShared(List<String> questionTerms, List<IndexedPassage> passages, List<Sentence> sentences) {
        Map<String, Integer> passagesWith = new HashMap<>();
        for (IndexedPassage p : passages) {
            new HashSet<>(search.terms(p.text())).forEach(t -> passagesWith.merge(t, 1, Integer::sum));
        }
        Map<String, Double> weight = new HashMap<>();
        double total = 0;
        for (String t : questionTerms) {
            double w = Math.log(1 + (double) passages.size() / (1 + passagesWith.getOrDefault(t, 0)));
            weight.put(t, w);
            total += w;
        }
        Map<Sentence, Double> out = new HashMap<>();
        for (Sentence s : sentences) {
            double shared = 0;
            for (String t : new HashSet<>(search.terms(s.text()))) {
                shared += weight.getOrDefault(t, 0.0);
            }
            out.put(s, total == 0 ? 0 : shared / total);
        }
        return out;
    }

    /**
     * @param similarity each sentence's cosine with the question
     * @param closeness  each sentence's cosine with the question's {@link #focus}: which sentence is quoted
     */
    private Quoted quote(AnswerFinder.Asked asked, List<Sentence> window, Map<Sentence, Double> similarity, Map<Sentence, Double> closeness,
                         Map<Sentence, Double> words) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean english = !ArabicFrenchCues.applies(asked.analysis().text());
        double wordWeight = english ? WORDS : WORDS_AR_FR;
        double cueBonus = english ? CUE_BONUS : CUE_BONUS_AR_FR;
        for (int i = 0; i < window.size(); i++) {
            Sentence s = window.get(i);
            if (!s.own()) {
                continue;
            }
            double score = closeness.get(s) + wordWeight * words.get(s) + (offers(asked, s.text()) ? cueBonus : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        double bestCloseness = closeness.get(window.get(best));
        int first = best;
        int last = best;
        if (first > 0 && LEANS_BACK.matcher(window.get(best).text()).find()) {
            first--;
        }
        if (best + 1 < window.size()) {
            Sentence next = window.get(best + 1);
            // For a question in Arabic or French the closeness is the English model's guess: what the next sentence offers decides.
            boolean completes = !offers(asked, window.get(best).text()) && offers(asked, next.text())
                    && (!english || closeness.get(next) >= bestCloseness - 0.1);
            boolean close = closeness.get(next) >= 0.9 * bestCloseness;
            boolean cut = !endsSentence(window.get(best).text());
            // "They now live on less than LBP 308,728 per person per month": the next sentence goes on with this one.
            boolean goesOn = LEANS_BACK.matcher(next.text()).find();
            if (completes || close || cut || goesOn) {
                last = best + 1;
            }
        }
        Sentence from = window.get(first);
        Sentence to = window.get(last);
        String quoted = joined(window.subList(first, last + 1));
        // How close the passage comes to the question: its nearest sentence, whichever is quoted.
        double nearest = window.stream().filter(Sentence::own).mapToDouble(similarity::get).max().orElseThrow();
        return new Quoted(new Answer.Quote(quoted, from.start(), to.end()), nearest);
    }

    /** The text from the first sentence's start to the last one's end, the gaps between them as spaces or line breaks. */
    private static String joined(List<Sentence> sentences) {
        StringBuilder text = new StringBuilder(sentences.getFirst().text());
        for (int i = 1; i < sentences.size(); i++) {
            int gap = sentences.get(i).start() - sentences.get(i - 1).end();
            text.append(gap > 1 ? "\n".repeat(gap) : " ".repeat(Math.max(gap, 0)));
            text.append(sentences.get(i).text());
        }
        return text.toString();
    }

    private Map<String, IndexedPassage> neighbours(List<IndexedPassage> passages, VisibleGraphs visible) {
        Set<String> wanted = new HashSet<>();
        for (IndexedPassage p : passages) {
            if (p.number() > 1) {
                wanted.add(uris.passage(p.documentId(), p.number() - 1));
            }
            wanted.add(uris.passage(p.documentId(), p.number() + 1));
        }
        return search.passages(wanted, visible);
    }

    private static boolean sameSection(IndexedPassage a, IndexedPassage b) {
        return a.sectionUri() != null && a.sectionUri().equals(b.sectionUri());
    }

    private static boolean endsSentence(String text) {
        String t = text.strip();
        return t.isEmpty() || ".!?:;)\"”'؟۔".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private static List<Sentence> sentences(IndexedPassage p, boolean own) {
        List<Sentence> out = new ArrayList<>();
        for (int[] span : sentences(p.text())) {
            out.add(new Sentence(p.text().substring(span[0], span[1]), p.start() + span[0], p.start() + span[1], own));
        }
        return out;
    }

    /** Where an Arabic sentence ends within what the English sentence breaker left whole: after "؟" or the Arabic full stop "۔". */
    private static final Pattern ARABIC_SENTENCE_END = Pattern.compile("(?<=[؟۔])\\s+");

    /**
     * Sentences (and table rows, list items: lines) of a passage as offsets, at most a few. The English sentence
     * breaker ends sentences at ". ! ?" in any script; Arabic ones also end at "؟" and "۔".
     */
    static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        int lineStart = 0;
        while (lineStart < text.length() && out.size() < MAX_SENTENCES) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            it.setText(line);
            int s = it.first();
            for (int e = it.next(); e != BreakIterator.DONE && out.size() < MAX_SENTENCES; s = e, e = it.next()) {
                int from = s;
                Matcher end = ARABIC_SENTENCE_END.matcher(line).region(s, e);
                while (end.find()) {
                    add(out, text, lineStart + from, lineStart + end.start());
                    from = end.end();
                }
                add(out, text, lineStart + from, lineStart + e);
            }
            lineStart = lineEnd + 1;
        }
        if (out.isEmpty()) {
            out.add(new int[]{0, text.length()});
        }
        return out;
    }

    /** The span without the spaces around it, when it holds more than one character. */
    private static void add(List<int[]> out, String text, int a, int b) {
        while (a < b && Character.isWhitespace(text.charAt(a))) a++;
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) b--;
        if (b - a > 1 && out.size() < MAX_SENTENCES) {
            out.add(new int[]{a, b});
        }
    }
}
