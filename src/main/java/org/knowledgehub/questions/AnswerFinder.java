package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.knowledgehub.ingest.DocumentRecords;
import org.knowledgehub.ingest.DocumentSummary;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.QueryAnalysis;
import org.knowledgehub.search.SearchQuery;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.security.VisibleGraphs;
import org.springframework.stereotype.Component;

/**
 * Answers a research question from what the caller may see. The question is understood first
 * (its kind and its constraints, {@link QuestionUnderstanding}); hybrid search finds candidate
 * passages; candidates that contradict an explicit constraint (another year's report, another
 * population group, another area, another meeting) go below every candidate that does not; the
 * record of a meeting answers the questions about it from the graph; in each top passage the
 * sentence that answers (a cause for a why-question, a figure for a how-many) becomes the quote,
 * with the neighbouring sentence when the answer runs on, across a passage boundary if need be.
 * Near-duplicates are merged, candidates of one document grouped, and figures that disagree
 * flagged. The answer is confident only when its best candidate meets the question's constraints
 * and its quote is close enough to the question; otherwise the response says why.
 */
@Component
public class AnswerFinder {

    /** Passages whose sentences are embedded to pick quotes: the top of the ranking. */
    private static final int QUOTED = 12;
    /** Below this many candidates that meet the question's constraints, the passages that do are searched for. */
    private static final int FEW = 5;
    /** Candidates the ranking is asked for before the constraints reorder them. */
    private static final int POOL = 40;
    private static final int MORE_PER_DOCUMENT = 3;
    private static final double DUPLICATE_JACCARD = 0.6;
    /** What the score of a passage of table content is multiplied by for questions that want prose. */
    private static final double TABLE_CONTENT = 0.5;
    /** What the score of a quoted candidate whose quote gives what the question asks for is multiplied by. */
    private static final double OFFERS = 1.5;
    /** A subject word that at most this many passages use is one the answer must name. */
    private static final int RARE = 3;

    private final HybridSearch search;
    private final DocumentRecords records;
    private final FigureConflicts figures;
    private final QuestionUnderstanding understanding;
    private final ConstraintCheck checks;
    private final MeetingRecords meetings;
    private final QuoteFinder quotes;
    private final MeetingAnswers meetingAnswers;
    private final DataAnswers dataAnswers;
    private final AnswerDoubts doubts;
    private final AnswerProvenance provenance;

    AnswerFinder(HybridSearch search, DocumentRecords records, FigureConflicts figures, QuestionUnderstanding understanding,
                 ConstraintCheck checks, MeetingRecords meetings, QuoteFinder quotes, MeetingAnswers meetingAnswers,
                 DataAnswers dataAnswers, AnswerDoubts doubts, AnswerProvenance provenance) {
        this.search = search;
        this.records = records;
        this.figures = figures;
        this.understanding = understanding;
        this.checks = checks;
        this.meetings = meetings;
        this.quotes = quotes;
        this.meetingAnswers = meetingAnswers;
        this.dataAnswers = dataAnswers;
        this.doubts = doubts;
        this.provenance = provenance;
    }

    /** A question as the hub understood it: for searching (words, concepts, embedding) and for answering (kind, constraints). */
    record Asked(QueryAnalysis analysis, Understanding understanding) {

        boolean amount() {
            return AnswerCues.asksForAmount(analysis.text());
        }
    }

    /**
     * @param concepts IRIs of concepts the asker set (sectors, areas, population) besides those
     *                 found in the text
     * @param years    years of the asked period
     * @param kind     the kind of answer the asker set, or null to read it from the question
     * @param groups   most document groups to return
     */
    public Answers answer(String text, Collection<String> concepts, Collection<Integer> years, Understanding.Kind kind,
                          Collection<String> ignored, VisibleGraphs visible, int groups) {
        return answer(understand(text, concepts, years, kind, ignored, visible), visible, groups);
    }

    /** @param ignored constraints read from the text that the asker struck out, as type:value */
    Asked understand(String text, Collection<String> concepts, Collection<Integer> years, Understanding.Kind kind,
                     Collection<String> ignored, VisibleGraphs visible) {
        Understanding u = understanding.understand(text, concepts, years, kind, ignored, () -> records.names(visible));
        List<Integer> allYears = new ArrayList<>(years);
        u.values("year").forEach(y -> allYears.add(Integer.parseInt(y)));
        QueryAnalysis analysis = search.analyse(text, concepts, allYears.stream().distinct().toList());
        // What the asker struck out does not steer the search either.
        List<QueryAnalysis.Concept> kept = analysis.concepts().stream()
                .filter(c -> !ignored.contains(c.field() + ":" + c.code())).toList();
        List<Integer> keptYears = analysis.years().stream().filter(y -> !ignored.contains("year:" + y)).toList();
        return new Asked(new QueryAnalysis(analysis.text(), analysis.terms(), kept, keptYears, analysis.vector()), u);
    }

    Answers answer(Asked asked, VisibleGraphs visible, int groups) {
        QueryAnalysis a = asked.analysis();
        Understanding u = asked.understanding();
        Map<String, MeetingRecords.Meeting> meetingsByDocument = new HashMap<>();
        boolean aboutMeetings = !u.of("meeting").isEmpty() || u.values("document-type").contains("minutes");
        List<HybridSearch.Hit> hits = search.search(a, HybridSearch.Ranker.HYBRID, SearchQuery.unfiltered(), visible,
                Math.max(POOL, groups * 4));
        if (aboutMeetings || hits.stream().anyMatch(h -> ConstraintCheck.isMinutes(h.passage()))) {
            meetings.visible(visible).forEach(m -> meetingsByDocument.put(m.documentId(), m));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (HybridSearch.Hit h : hits) {
            candidates.add(candidate(h, u, meetingsByDocument));
        }
        if (candidates.stream().filter(c -> c.contradictions() == 0).count() < FEW && hasFilters(u)) {
            // Few of the passages the ranking brought up meet the constraints: look among those that do.
            Set<String> seen = candidates.stream().map(c -> c.hit().passage().passageUri()).collect(Collectors.toSet());
            for (HybridSearch.Hit h : search.search(a, HybridSearch.Ranker.HYBRID, filters(u), visible, QUOTED)) {
                if (seen.add(h.passage().passageUri())) {
                    candidates.add(candidate(h, u, meetingsByDocument));
                }
            }
        }
        candidates.sort(BY_FIT);
        int quotedCount = Math.min(QUOTED, candidates.size());
        List<Candidate> top = new ArrayList<>(candidates.subList(0, quotedCount));
        Map<String, QuoteFinder.Quoted> quoted = quotes.quotes(asked, top.stream().map(c -> c.hit().passage()).toList(), visible);
        if (AnswerDoubts.asksForSomething(u.kind(), asked.amount())) {
            // Of the quoted candidates, those whose quote gives what was asked (a reason, a figure, a date) go first,
            // unless they leave out a rare word of the question's subject that another names (the spring's name).
            Predicate<Candidate> namesRareWords = namesRareWords(u, top, visible);
            top.replaceAll(c -> {
                QuoteFinder.Quoted q = quoted.get(c.hit().passage().passageUri());
                return q != null && namesRareWords.test(c) && quotes.offers(asked, q.quote().text()) ? c.scaled(OFFERS) : c;
            });
            top.sort(BY_FIT);
        }
        List<Candidate> ordered = new ArrayList<>(top);
        ordered.addAll(candidates.subList(quotedCount, candidates.size()));
        List<Answer> ranked = new ArrayList<>();
        Map<String, DocumentSummary> documents = AnswerProvenance.documents();
        for (Candidate c : ordered) {
            ranked.add(toAnswer(a, c.hit(), quoted.get(c.hit().passage().passageUri()), c.checks(), documents));
        }
        List<Answer> fromGraph = new ArrayList<>();
        String unmet = meetingAnswers.answers(asked, meetingsByDocument, aboutMeetings, visible, documents, fromGraph);
        List<Answer> all = new ArrayList<>(fromGraph);
        all.addAll(ranked);
        // Values from the data, after the best passage: the report's sentence and the table's figure side by side.
        all.addAll(Math.min(1, all.size()), dataAnswers.answers(u, visible));
        List<Answer> grouped = group(merge(all), groups);
        List<Answer.Entity> concepts = a.concepts().stream().map(c -> new Answer.Entity(c.uri(), c.code(), c.label())).toList();
        String unread = AnswerDoubts.unreadable(asked, search::terms);
        String reason = unread != null ? unread : grouped.isEmpty() ? "nothing the caller may read matches the question"
                : unmet != null ? unmet : AnswerDoubts.explained(doubts.doubt(asked, grouped.getFirst(), visible), ranked);
        return new Answers(a.text(), reason == null, reason, u, concepts, a.years(), grouped, conflicts(ranked));
    }

    /**
     * A hit with its verdicts on the question's constraints and its score for this question.
     *
     * @param otherEdition whether the question asks about one year and the passage's document is
     *                     about another (the 2022 report's "compared to 49 per cent in 2021" for a
     *                     question about 2021): it meets the year, but the report of that year comes first
     */
    private record Candidate(HybridSearch.Hit hit, List<Answer.Check> checks, long contradictions, boolean otherEdition,
                             double score) {

        Candidate scaled(double factor) {
            return new Candidate(hit, checks, contradictions, otherEdition, score * factor);
        }
    }

    /** Candidates that contradict fewer of the question's constraints first, then those of the report of the year asked, then by score. */
    private static final Comparator<Candidate> BY_FIT = Comparator.comparingLong(Candidate::contradictions)
            .thenComparing(Candidate::otherEdition)
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed());

    private Candidate candidate(HybridSearch.Hit h, Understanding u, Map<String, MeetingRecords.Meeting> meetingsByDocument) {
        List<Answer.Check> verdicts = checks.check(u, h.passage(), meetingsByDocument.get(h.passage().documentId()));
        double score = h.score();
        if (h.passage().table() && wantsProse(u.kind())) {
            score *= TABLE_CONTENT;
        }
        List<String> years = u.values("year");
        boolean otherEdition = years.size() == 1 && !h.passage().documentYears().isEmpty()
                && h.passage().documentYears().stream().map(String::valueOf).noneMatch(years::contains);
        return new Candidate(h, verdicts, ConstraintCheck.contradictions(verdicts), otherEdition, score);
    }

    /**
     * Which candidates name every rare word of the question's subject (one that at most {@link #RARE}
     * passages use: a place or a project the gazetteer does not know) that any candidate names.
     */
    private Predicate<Candidate> namesRareWords(Understanding u, List<Candidate> candidates, VisibleGraphs visible) {
        Set<String> rare = new HashSet<>();
        for (String w : u.subject()) {
            int used = search.passagesUsing(w, visible);
            if (used > 0 && used <= RARE) {
                rare.addAll(search.terms(w));
            }
        }
        if (rare.isEmpty()) {
            return c -> true;
        }
        Map<Candidate, Boolean> names = new HashMap<>();
        candidates.forEach(c -> names.put(c, new HashSet<>(search.terms(c.hit().passage().text())).containsAll(rare)));
        return names.containsValue(true) ? names::get : c -> true;
    }

    /** Table content can give a value; it does not explain, list or name. */
    private static boolean wantsProse(Understanding.Kind kind) {
        return kind != Understanding.Kind.FACT && kind != Understanding.Kind.COMPARISON && kind != Understanding.Kind.TREND;
    }

    private static boolean hasFilters(Understanding u) {
        return u.values("year").size() == 1 || u.values("area").size() == 1 || u.values("document-type").size() == 1;
    }

    /**
     * The constraints the index can filter on, where the question names one of a kind: the kind of
     * document, the area, the year its document is about (passages of the 2024 report that compare
     * with 2023 are found for a question about 2024). Population groups are left to the check:
     * most passages of a report about one group do not name it.
     */
    private static SearchQuery filters(Understanding u) {
        return new SearchQuery(null, one(u.values("document-type")), null, null, null, null, one(u.values("area")), null,
                null, null, null,
                u.values("year").size() == 1 ? Integer.valueOf(u.values("year").getFirst()) : null, null, QUOTED, 0);
    }

    private static String one(List<String> values) {
        return values.size() == 1 ? values.getFirst() : null;
    }

    /** One passage as a candidate of an understood question (a reviewed one the ranking missed). */
    Optional<Answer> candidate(Asked asked, String passage, VisibleGraphs visible) {
        return search.passage(passage, visible).map(p -> {
            HybridSearch.Hit hit = new HybridSearch.Hit(p, p.text(), 0, Map.of(), null);
            Candidate c = candidate(hit, asked.understanding(), Map.of());
            return toAnswer(asked.analysis(), hit, quotes.quotes(asked, List.of(p), visible).get(p.passageUri()), c.checks(),
                    AnswerProvenance.documents());
        });
    }

    /** The search's ranking as passage keys, for the benchmark (no quotes, no grouping). */
    public List<String> rank(QueryAnalysis a, HybridSearch.Ranker ranker, VisibleGraphs visible, int n) {
        return search.search(a, ranker, SearchQuery.unfiltered(), visible, n).stream().map(h -> h.passage().passageUri()).toList();
    }

    public QueryAnalysis analyse(String text) {
        return search.analyse(text, List.of(), List.of());
    }

    Answer toAnswer(QueryAnalysis a, HybridSearch.Hit h, QuoteFinder.Quoted quoted, List<Answer.Check> verdicts,
                    Map<String, DocumentSummary> documents) {
        IndexedPassage p = h.passage();
        Answer.Quote quote = quoted == null ? new Answer.Quote(p.text(), p.start(), p.end()) : quoted.quote();
        Double similarity = quoted == null ? h.similarity() : Double.valueOf(quoted.similarity());
        Set<String> passageTerms = new HashSet<>(search.terms(p.text()));
        List<String> terms = a.terms().stream().filter(passageTerms::contains).toList();
        List<Answer.Entity> entities = a.concepts().stream().filter(c -> mentions(p, c))
                .map(c -> new Answer.Entity(c.uri(), c.code(), c.label())).toList();
        Map<String, Integer> ranks = new TreeMap<>();
        h.ranks().forEach((r, n) -> ranks.put(r.name().toLowerCase(Locale.ROOT), n));
        return new Answer(p.passageUri(), "passage", h.score(), quote, p.text(),
                new Answer.Why(terms, entities, similarity, ranks, verdicts), provenance.of(p, documents), SearchResponse.Mentions.of(p),
                null, null, List.of(), List.of());
    }

    private static boolean mentions(IndexedPassage p, QueryAnalysis.Concept c) {
        return switch (c.field()) {
            case "area" -> p.areas().contains(c.code());
            case "sector" -> p.sectors().contains(c.code());
            case "population" -> p.populations().contains(c.code());
            case "indicator" -> p.indicators().contains(c.code());
            default -> p.organisations().contains(c.code());
        };
    }

    /** Near-identical passages (other versions of the same text) become one answer. */
    static List<Answer> merge(List<Answer> ranked) {
        List<Answer> out = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        for (Answer a : ranked) {
            Set<String> s = shingles(a.text());
            int same = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).origin().equals(a.origin()) && jaccard(s, shingles.get(i)) >= DUPLICATE_JACCARD) {
                    same = i;
                    break;
                }
            }
            if (same < 0) {
                out.add(a);
                shingles.add(s);
            } else if (!out.get(same).passage().equals(a.passage())) {
                Answer kept = out.get(same);
                List<Answer.Duplicate> d = new ArrayList<>(kept.duplicates());
                d.add(new Answer.Duplicate(a.passage(), a.provenance().document()));
                out.set(same, kept.withDuplicates(d));
            }
        }
        return out;
    }

    /** The best candidate of each document in rank order, its document's next ones under it. */
    static List<Answer> group(List<Answer> ranked, int groups) {
        Map<String, List<Answer>> byDocument = new LinkedHashMap<>();
        for (Answer a : ranked) {
            byDocument.computeIfAbsent(a.provenance().document().id(), k -> new ArrayList<>()).add(a);
        }
        return byDocument.values().stream().limit(groups)
                .map(list -> list.getFirst().withMore(list.subList(1, Math.min(list.size(), 1 + MORE_PER_DOCUMENT))))
                .toList();
    }

    /** Candidates whose sentences give different figures for the same indicator, population, area and period. */
    List<Answers.Conflict> conflicts(List<Answer> ranked) {
        return figures.among(ranked);
    }

    private static Set<String> shingles(String text) {
        // Letters and digits of any script: "\\W" would read an Arabic text as no words at all, and merge two Arabic passages.
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < words.length; i++) {
            out.add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        }
        if (out.isEmpty()) {
            out.add(String.join(" ", Arrays.asList(words)));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        int union = a.size() + b.size() - inter.size();
        return union == 0 ? 0 : (double) inter.size() / union;
    }
}
