package org.knowledgehub.questions;

import java.text.BreakIterator;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.knowledgehub.ingest.DocumentRecords;
import org.knowledgehub.ingest.DocumentSummary;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.PassageEmbeddings;
import org.knowledgehub.search.QueryAnalysis;
import org.knowledgehub.search.SearchQuery;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.ObjectProvider;
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
    private static final int MAX_SENTENCES = 16;
    private static final int MORE_PER_DOCUMENT = 3;
    private static final double DUPLICATE_JACCARD = 0.6;
    /** What a sentence that offers what the question asks for (a cause, a figure) gains against one that only speaks of its topic. */
    private static final double CUE_BONUS = 0.2;
    /** What sharing all of the question's wording adds to a sentence's similarity when quotes are picked. */
    private static final double WORDS = 0.1;
    /** What the score of a passage of table content is multiplied by for questions that want prose. */
    private static final double TABLE_CONTENT = 0.5;
    /** What the score of a quoted candidate whose quote gives what the question asks for is multiplied by. */
    private static final double OFFERS = 1.5;
    /** Sentences that lean on the one before them ("This is due to..."): quoted with it. */
    /** Two or three capitalised words in a row, not at the start of the sentence: a person's name ("by Jad Ghosn"). */
    private static final Pattern PERSON = Pattern.compile("(?<=\\p{Ll}[ ,]{1,2})\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){1,2}\\b");
    private static final Pattern LEANS_BACK = Pattern.compile("^(?:This|These|That|Those|It|They|Such|However|But|Similarly|"
            + "Additionally|Furthermore|Moreover|In addition|As a result|Consequently|Therefore|Thus|Hence|Of (?:these|those|them))\\b");

    private final HybridSearch search;
    private final PassageEmbeddings embeddings;
    private final DocumentRecords records;
    private final QuestionsProperties properties;
    private final FigureClaims figures;
    private final QuestionUnderstanding understanding;
    private final ConstraintCheck checks;
    private final MeetingRecords meetings;
    private final ConceptLabels labels;
    private final Uris uris;
    private final ObjectProvider<IndicatorValues> indicatorValues;
    private final Gazetteer gazetteer;

    AnswerFinder(HybridSearch search, PassageEmbeddings embeddings, DocumentRecords records, QuestionsProperties properties,
                 FigureClaims figures, QuestionUnderstanding understanding, ConstraintCheck checks, MeetingRecords meetings,
                 ConceptLabels labels, Uris uris, ObjectProvider<IndicatorValues> indicatorValues, Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.indicatorValues = indicatorValues;
        this.search = search;
        this.embeddings = embeddings;
        this.records = records;
        this.properties = properties;
        this.figures = figures;
        this.understanding = understanding;
        this.checks = checks;
        this.meetings = meetings;
        this.labels = labels;
        this.uris = uris;
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
        Map<String, Quoted> quotes = quotes(asked, top, visible);
        if (asksForSomething(u.kind(), asked.amount())) {
            // Of the quoted candidates, those whose quote gives what was asked (a reason, a figure, a date) go first.
            top.replaceAll(c -> {
                Quoted q = quotes.get(c.hit().passage().passageUri());
                return q != null && offers(asked, q.quote().text()) ? c.scaled(OFFERS) : c;
            });
            top.sort(BY_FIT);
        }
        List<Candidate> ordered = new ArrayList<>(top);
        ordered.addAll(candidates.subList(quotedCount, candidates.size()));
        List<Answer> ranked = new ArrayList<>();
        Map<String, DocumentSummary> documents = new HashMap<>();
        for (Candidate c : ordered) {
            ranked.add(toAnswer(a, c.hit(), quotes.get(c.hit().passage().passageUri()), c.checks(), documents));
        }
        List<Answer> fromGraph = new ArrayList<>();
        String unmet = meetingAnswers(asked, meetingsByDocument, aboutMeetings, visible, documents, fromGraph);
        List<Answer> all = new ArrayList<>(fromGraph);
        all.addAll(ranked);
        // Values from the data, after the best passage: the report's sentence and the table's figure side by side.
        all.addAll(Math.min(1, all.size()), dataAnswers(u, visible));
        List<Answer> grouped = group(merge(all), groups);
        List<Answer.Entity> concepts = a.concepts().stream().map(c -> new Answer.Entity(c.uri(), c.code(), c.label())).toList();
        String unread = unreadable(asked);
        String reason = unread != null ? unread : grouped.isEmpty() ? "nothing the caller may read matches the question"
                : unmet != null ? unmet : explained(doubt(asked, grouped.getFirst(), visible), ranked);
        return new Answers(a.text(), reason == null, reason, u, concepts, a.years(), grouped, conflicts(ranked));
    }

    /**
     * Why a question cannot be answered as it is put, whatever the hub holds, or null: it is not in
     * a language the hub reads, it has no words to search for, or it only names a place, an
     * organisation or a group without saying what about it. The closest candidates are still listed.
     */
    private static String unreadable(Asked asked) {
        String text = asked.analysis().text();
        if (text.codePoints().filter(Character::isLetter).noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            return "the question is not in a language the hub reads (English, French or Arabic)";
        }
        List<String> terms = asked.analysis().terms();
        if (terms.isEmpty()) {
            return "the question has no words to search for (only question words and words such as \"the\", \"of\")";
        }
        // Places, organisations, groups and years say where, who and when, not what: a question of them alone asks nothing.
        List<Understanding.Constraint> names = asked.understanding().constraints().stream().filter(c -> !c.given())
                .filter(c -> List.of("area", "organisation", "population", "year").contains(c.type())).toList();
        Set<String> named = new HashSet<>();
        names.forEach(c -> named.addAll(Arrays.asList(c.label().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))));
        if (!names.isEmpty() && terms.stream().allMatch(t -> named.stream().anyMatch(w -> !w.isEmpty() && w.startsWith(t)))) {
            return "the question only names " + String.join(", ", names.stream().map(Understanding.Constraint::label).toList())
                    + ": say what you want to know about it";
        }
        return null;
    }

    /** A hit with its verdicts on the question's constraints and its score for this question. */
    private record Candidate(HybridSearch.Hit hit, List<Answer.Check> checks, long contradictions, double score) {

        Candidate scaled(double factor) {
            return new Candidate(hit, checks, contradictions, score * factor);
        }
    }

    /** Candidates that contradict fewer of the question's constraints first, then by score. */
    private static final Comparator<Candidate> BY_FIT = Comparator.comparingLong(Candidate::contradictions)
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed());

    /**
     * Whether a sentence offers what the question asks for: a reason, a figure, a date, items
     * ({@link AnswerCues}); a place the gazetteer knows for a where-question, an organisation or
     * a person's name for a who-question.
     */
    private boolean offers(Asked asked, String sentence) {
        return switch (asked.understanding().kind()) {
            case WHERE -> gazetteer.find(sentence, true).stream().anyMatch(m -> m.type() == MentionType.PLACE);
            case WHO -> PERSON.matcher(sentence).find()
                    || gazetteer.find(sentence, true).stream().anyMatch(m -> m.type() == MentionType.ORGANISATION);
            default -> AnswerCues.offers(asked.understanding().kind(), asked.amount(), sentence);
        };
    }

    /** Whether a kind of question asks for something a sentence can be seen to give or not: a reason, a figure, a date. */
    private static boolean asksForSomething(Understanding.Kind kind, boolean amount) {
        return switch (kind) {
            case WHY, TREND, WHEN, COMPARISON, WHERE, WHO -> true;
            case FACT -> amount;
            case LIST -> false;
        };
    }

    private Candidate candidate(HybridSearch.Hit h, Understanding u, Map<String, MeetingRecords.Meeting> meetingsByDocument) {
        List<Answer.Check> verdicts = checks.check(u, h.passage(), meetingsByDocument.get(h.passage().documentId()));
        double score = h.score();
        if (h.passage().table() && wantsProse(u.kind())) {
            score *= TABLE_CONTENT;
        }
        return new Candidate(h, verdicts, ConstraintCheck.contradictions(verdicts), score);
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
                u.values("year").size() == 1 ? Integer.valueOf(u.values("year").getFirst()) : null, QUOTED, 0);
    }

    private static String one(List<String> values) {
        return values.size() == 1 ? values.getFirst() : null;
    }

    /**
     * Why the best answer is not good enough to be called an answer, or null when it is: it
     * contradicts a constraint of the question (then nothing the hub holds meets it, since those that
     * do come first); the question names years and it speaks of none of them; the question names
     * indicators and it speaks of none of them (a question on food insecurity is not answered by a
     * passage on the share below the SMEB); or its quote is too far from the question (or, without
     * embeddings, it has too few of the question's words).
     */
    /**
     * A doubt about the best candidate, with what the candidates that do speak of the question's
     * indicator lack: "the hub has nothing on this population group for that year".
     */
    private static String explained(String doubt, List<Answer> ranked) {
        if (doubt == null) {
            return null;
        }
        List<Answer> onTopic = ranked.stream().filter(a -> a.why().constraints().stream()
                .anyMatch(c -> c.type().equals("indicator") && c.verdict().equals(ConstraintCheck.MET))).toList();
        if (onTopic.isEmpty()) {
            return doubt;
        }
        Map<String, String> lacking = new LinkedHashMap<>();
        onTopic.getFirst().why().constraints().stream().filter(c -> ConstraintCheck.hard(c.type())
                        && !c.verdict().equals(ConstraintCheck.MET))
                .filter(c -> onTopic.stream().allMatch(a -> a.why().constraints().stream().anyMatch(o -> o.type().equals(c.type())
                        && o.value().equals(c.value()) && !o.verdict().equals(ConstraintCheck.MET))))
                .forEach(c -> lacking.putIfAbsent(c.type() + ":" + c.value(), c.type().replace('-', ' ') + " " + c.label()));
        return lacking.isEmpty() ? doubt : doubt + "; the passages on the question's indicator are not about its "
                + String.join(" or ", lacking.values());
    }

    private String doubt(Asked asked, Answer best, VisibleGraphs visible) {
        QueryAnalysis a = asked.analysis();
        List<Answer.Check> verdicts = best.why().constraints();
        List<String> contradicted = verdicts.stream().filter(c -> c.verdict().equals(ConstraintCheck.CONTRADICTED)
                && ConstraintCheck.hard(c.type())).map(c -> c.type().replace('-', ' ') + " " + c.label()).distinct().toList();
        if (!contradicted.isEmpty()) {
            return "the hub holds nothing that meets the question's " + String.join(" and ", contradicted);
        }
        if (!"passage".equals(best.origin())) {
            return null; // read from the graph: exactly what was asked, of what was asked
        }
        // The passage may name the group asked about in one sentence and quote a figure about another.
        List<String> groups = asked.understanding().values("population");
        List<String> quoted = gazetteer.find(best.quote().text(), true).stream().filter(m -> m.type() == MentionType.POPULATION)
                .map(m -> labels.code(m.concept())).distinct().toList();
        if (!groups.isEmpty() && !quoted.isEmpty() && quoted.stream().noneMatch(groups::contains)) {
            return "the best passage found speaks of " + String.join(", ", quoted.stream()
                    .map(c -> labels.label(labels.resource(uris.base() + "id/population/" + c))).toList())
                    + ", not of the question's population group";
        }
        if (!a.years().isEmpty() && verdicts.stream().noneMatch(c -> c.type().equals("year") && c.verdict().equals(ConstraintCheck.MET))) {
            return "no passage found speaks of " + String.join(" or ", a.years().stream().map(String::valueOf).toList());
        }
        // A national figure does not answer for one area.
        List<Answer.Check> areas = verdicts.stream().filter(c -> c.type().equals("area")).toList();
        if (!areas.isEmpty() && areas.stream().noneMatch(c -> c.verdict().equals(ConstraintCheck.MET))) {
            return "no passage found speaks of " + String.join(" or ", areas.stream().map(Answer.Check::label).toList());
        }
        List<Answer.Check> indicators = verdicts.stream().filter(c -> c.type().equals("indicator")).toList();
        if (!indicators.isEmpty() && indicators.stream().noneMatch(c -> c.verdict().equals(ConstraintCheck.MET))) {
            return "no passage found speaks of " + String.join(" or ", indicators.stream().map(Answer.Check::label).toList());
        }
        List<String> unheardOf = asked.understanding().subject().stream().filter(w -> !search.anyPassageUses(w, visible)).toList();
        if (!unheardOf.isEmpty()) {
            return "nothing the hub holds speaks of " + String.join(", ", unheardOf);
        }
        Understanding.Kind kind = asked.understanding().kind();
        if (asksForSomething(kind, asked.amount()) && !offers(asked, best.quote().text())) {
            return "the best passage found does not give " + switch (kind) {
                case WHY -> "a reason";
                case WHEN -> "a date";
                case WHERE -> "a place";
                case WHO -> "a name";
                default -> "a figure";
            };
        }
        if (best.why().similarity() != null) {
            return best.why().similarity() >= properties.minSimilarity() ? null : String.format(Locale.ROOT,
                    "the closest passage is not close enough to the question (similarity %.2f, below %.2f)",
                    best.why().similarity(), properties.minSimilarity());
        }
        boolean covered = !a.terms().isEmpty() && (double) best.why().terms().size() / a.terms().size() >= properties.minCoverage();
        return covered ? null : "the closest passage has too few of the question's words";
    }

    /** One passage as a candidate of an understood question (a reviewed one the ranking missed). */
    Optional<Answer> candidate(Asked asked, String passage, VisibleGraphs visible) {
        return search.passage(passage, visible).map(p -> {
            HybridSearch.Hit hit = new HybridSearch.Hit(p, p.text(), 0, Map.of(), null);
            Candidate c = candidate(hit, asked.understanding(), Map.of());
            return toAnswer(asked.analysis(), hit, quotes(asked, List.of(c), visible).get(p.passageUri()), c.checks(), new HashMap<>());
        });
    }

    /** The search's ranking as passage keys, for the benchmark (no quotes, no grouping). */
    public List<String> rank(QueryAnalysis a, HybridSearch.Ranker ranker, VisibleGraphs visible, int n) {
        return search.search(a, ranker, SearchQuery.unfiltered(), visible, n).stream().map(h -> h.passage().passageUri()).toList();
    }

    public QueryAnalysis analyse(String text) {
        return search.analyse(text, List.of(), List.of());
    }

    Answer toAnswer(QueryAnalysis a, HybridSearch.Hit h, Quoted quoted, List<Answer.Check> verdicts,
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
                new Answer.Why(terms, entities, similarity, ranks, verdicts), provenance(p, documents), SearchResponse.Mentions.of(p),
                null, null, List.of(), List.of());
    }

    private Answer.Provenance provenance(IndexedPassage p, Map<String, DocumentSummary> documents) {
        DocumentSummary doc = documents.computeIfAbsent(p.documentId(), id -> records.summary(id).orElse(null));
        return new Answer.Provenance(new Answer.PassageRef(p.passageUri(), p.start(), p.end()),
                new SearchResponse.SectionRef(p.sectionUri(), p.sectionTitle()), SearchResponse.DocumentRef.of(p), p.graph(),
                doc == null ? null : new Answer.Ingestion(doc.ingestion(), doc.ingestedAt()));
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

    /**
     * Answers from the record of the meetings a question asks about, placed before the passages
     * (they state exactly what was asked, with the line of the minutes it comes from).
     *
     * @return why nothing can be confident (no meeting the hub holds meets the question's date or
     *         place), or null
     */
    private String meetingAnswers(Asked asked, Map<String, MeetingRecords.Meeting> visibleMeetings, boolean aboutMeetings,
                                  VisibleGraphs visible, Map<String, DocumentSummary> documents, List<Answer> out) {
        Understanding u = asked.understanding();
        if (!aboutMeetings) {
            return null;
        }
        List<MeetingRecords.Meeting> matching = MeetingAnswers.matching(u, visibleMeetings.values(), this::areaAndNeighbours);
        if (matching.isEmpty()) {
            List<String> asked2 = new ArrayList<>();
            u.of("meeting").forEach(c -> asked2.add("on " + c.label()));
            u.of("area").forEach(c -> asked2.add("in " + c.label()));
            if (asked2.isEmpty()) {
                u.of("year").forEach(c -> asked2.add("in " + c.label()));
            }
            return asked2.isEmpty() ? null : "the hub holds no minutes of a meeting " + String.join(" ", asked2);
        }
        List<MeetingAnswers.Fact> facts = MeetingAnswers.asked(asked.analysis().text());
        for (MeetingRecords.Meeting m : matching.subList(0, Math.min(3, matching.size()))) {
            MinutesText minutes = minutesText(m.documentId(), visible);
            for (MeetingAnswers.Fact fact : facts) {
                MeetingAnswers.Stated stated = MeetingAnswers.state(fact, m, minutes.text(), asked.analysis().terms());
                if (stated != null) {
                    minutes.containing(stated.start()).ifPresent(p -> out.add(meetingAnswer(asked, m, p, stated, minutes, documents)));
                }
            }
        }
        return null;
    }

    /**
     * The values of the indicators an amount, trend or comparison question names, from the tables
     * the caller may see: one answer per area and population group, the asked years (a trend: all
     * of them; no year named: the latest), each with the table it was imported from.
     */
    private List<Answer> dataAnswers(Understanding u, VisibleGraphs visible) {
        IndicatorValues values = indicatorValues.getIfAvailable();
        boolean asksForValues = switch (u.kind()) {
            case FACT, TREND, COMPARISON, WHERE -> true;
            default -> false;
        };
        if (values == null || !asksForValues || u.values("indicator").isEmpty()) {
            return List.of();
        }
        List<Integer> years = u.kind() == Understanding.Kind.TREND ? List.of()
                : u.values("year").stream().map(Integer::valueOf).toList();
        String population = u.values("population").size() == 1
                ? labels.byCode(Schemes.populations(uris.base()), u.values("population").getFirst()).map(r -> r.getURI()).orElse(null)
                : null;
        List<Answer> out = new ArrayList<>();
        for (String code : u.values("indicator")) {
            labels.byCode(Schemes.indicators(uris.base()), code).ifPresent(indicator -> {
                Map<List<String>, List<IndicatorValues.Value>> series = new LinkedHashMap<>();
                for (IndicatorValues.Value v : values.find(indicator.getURI(), u.values("area"), years, population, visible)) {
                    List<IndicatorValues.Value> s = series.computeIfAbsent(Arrays.asList(v.areaCode(), v.population()), k -> new ArrayList<>());
                    if (s.stream().noneMatch(o -> o.year() == v.year())) {
                        s.add(v); // the latest import of a year, as the trends show it
                    }
                }
                series.values().forEach(s -> out.add(dataAnswer(u, code, years.isEmpty() && u.kind() != Understanding.Kind.TREND
                        ? List.of(s.getLast()) : s)));
            });
        }
        return out;
    }

    private Answer dataAnswer(Understanding u, String indicatorCode, List<IndicatorValues.Value> series) {
        IndicatorValues.Value last = series.getLast();
        String statement = last.indicatorLabel() + (last.population() != null ? ", " + last.population() : "") + ", "
                + last.areaLabel() + ": " + String.join("; ", series.stream().map(v -> v.year() + " " + amount(v)).toList())
                + " (table \u201c" + last.datasetTitle() + "\u201d)";
        List<Integer> years = series.stream().map(IndicatorValues.Value::year).toList();
        List<Answer.Check> verdicts = u.constraints().stream().map(c -> new Answer.Check(c.type(), c.value(), c.label(),
                switch (c.type()) {
                    case "year" -> years.contains(Integer.valueOf(c.value())) ? ConstraintCheck.MET : ConstraintCheck.CONTRADICTED;
                    case "indicator" -> c.value().equals(indicatorCode) ? ConstraintCheck.MET : ConstraintCheck.NOT_STATED;
                    case "area" -> c.value().equals(last.areaCode()) ? ConstraintCheck.MET : ConstraintCheck.CONTRADICTED;
                    case "population" -> last.population() != null ? ConstraintCheck.MET : ConstraintCheck.NOT_STATED;
                    case "document", "document-type", "meeting" -> ConstraintCheck.CONTRADICTED;
                    default -> ConstraintCheck.NOT_STATED;
                })).toList();
        String date = last.imported() == null ? null : last.imported().substring(0, Math.min(10, last.imported().length()));
        SearchResponse.DocumentRef table = new SearchResponse.DocumentRef(last.dataset().substring(last.dataset().lastIndexOf('/') + 1),
                last.dataset(), last.datasetTitle(), "indicator-table", date, List.of(), null, "/api/indicators", null);
        return new Answer(last.observation(), "data-cube", 1.0, new Answer.Quote(statement, -1, -1), statement,
                new Answer.Why(List.of(), List.of(), null, Map.of(), verdicts),
                new Answer.Provenance(new Answer.PassageRef(last.observation(), -1, -1), null, table, last.graph(), null),
                new SearchResponse.Mentions(List.of(last.areaCode()), List.of(), List.of(), List.of(indicatorCode), years, false),
                null, null, List.of(), List.of());
    }

    private static String amount(IndicatorValues.Value v) {
        String number = v.value().stripTrailingZeros().toPlainString();
        if (v.unit() == null) {
            return number;
        }
        return v.unit().equals("%") || v.unit().equalsIgnoreCase("percent") ? number + "%" : number + " " + v.unit();
    }

    private Answer meetingAnswer(Asked asked, MeetingRecords.Meeting m, IndexedPassage p, MeetingAnswers.Stated stated,
                                 MinutesText minutes, Map<String, DocumentSummary> documents) {
        String quote = stated.quote() != null ? stated.quote()
                : minutes.text().substring(stated.start(), Math.min(stated.end(), minutes.text().length())).strip();
        List<Answer.Check> verdicts = checks.check(asked.understanding(), p, m);
        return new Answer(p.passageUri(), "meeting", 1.0, new Answer.Quote(quote, stated.start(), stated.start() + quote.length()),
                stated.statement(), new Answer.Why(List.of(), List.of(), null, Map.of(), verdicts), provenance(p, documents),
                SearchResponse.Mentions.of(p), null, null, List.of(), List.of());
    }

    /** A minutes document's passages and its text as they cover it (headings left blank). */
    private record MinutesText(String text, List<IndexedPassage> passages) {

        Optional<IndexedPassage> containing(int offset) {
            return passages.stream().filter(p -> p.end() > offset).min(Comparator.comparingInt(IndexedPassage::start));
        }
    }

    private MinutesText minutesText(String documentId, VisibleGraphs visible) {
        int count = records.summary(documentId).map(DocumentSummary::passages).orElse(0);
        List<String> wanted = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            wanted.add(uris.passage(documentId, n));
        }
        List<IndexedPassage> passages = search.passages(wanted, visible).values().stream()
                .sorted(Comparator.comparingInt(IndexedPassage::start)).toList();
        int length = passages.stream().mapToInt(IndexedPassage::end).max().orElse(0);
        char[] text = new char[length];
        Arrays.fill(text, '\n');
        passages.forEach(p -> p.text().getChars(0, p.text().length(), text, p.start()));
        return new MinutesText(new String(text), passages);
    }

    private Set<String> areaAndNeighbours(String code) {
        String iri = uris.base() + "id/area/" + code;
        Set<String> out = new HashSet<>(Set.of(code));
        labels.broader(iri).forEach(b -> out.add(labels.code(b)));
        labels.narrower(iri).forEach(n -> out.add(labels.code(n)));
        return out;
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
    private Map<String, Quoted> quotes(Asked asked, List<Candidate> candidates, VisibleGraphs visible) {
        float[] question = asked.analysis().vector();
        if (question == null || candidates.isEmpty()) {
            return Map.of();
        }
        Map<String, IndexedPassage> neighbours = neighbours(candidates, visible);
        Map<String, List<Sentence>> windows = new LinkedHashMap<>();
        List<Sentence> all = new ArrayList<>();
        for (Candidate c : candidates) {
            IndexedPassage p = c.hit().passage();
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
        List<float[]> vectors = embeddings.embedAll(all.stream().map(Sentence::text).toList());
        Map<Sentence, Double> similarity = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            similarity.put(all.get(i), PassageEmbeddings.cosine(question, vectors.get(i)));
        }
        Map<Sentence, Double> words = wordsShared(asked.analysis().terms(), candidates, all);
        Map<String, Quoted> out = new HashMap<>();
        windows.forEach((uri, window) -> out.put(uri, quote(asked, window, similarity, words)));
        return out;
    }

    /**
     * How much of the question's wording each sentence shares, its words weighted by how few of
     * the candidate passages use them: "iron" tells the answering sentence from the others of a
     * passage on food consumption, "households" does not.
     */
    private Map<Sentence, Double> wordsShared(List<String> questionTerms, List<Candidate> candidates, List<Sentence> sentences) {
        Map<String, Integer> passagesWith = new HashMap<>();
        for (Candidate c : candidates) {
            new HashSet<>(search.terms(c.hit().passage().text())).forEach(t -> passagesWith.merge(t, 1, Integer::sum));
        }
        Map<String, Double> weight = new HashMap<>();
        double total = 0;
        for (String t : questionTerms) {
            double w = Math.log(1 + (double) candidates.size() / (1 + passagesWith.getOrDefault(t, 0)));
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

    private Quoted quote(Asked asked, List<Sentence> window, Map<Sentence, Double> similarity, Map<Sentence, Double> words) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < window.size(); i++) {
            Sentence s = window.get(i);
            if (!s.own()) {
                continue;
            }
            double score = similarity.get(s) + WORDS * words.get(s) + (offers(asked, s.text()) ? CUE_BONUS : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        double bestSimilarity = similarity.get(window.get(best));
        int first = best;
        int last = best;
        if (first > 0 && LEANS_BACK.matcher(window.get(best).text()).find()) {
            first--;
        }
        if (best + 1 < window.size()) {
            Sentence next = window.get(best + 1);
            boolean completes = !offers(asked, window.get(best).text()) && offers(asked, next.text())
                    && similarity.get(next) >= bestSimilarity - 0.1;
            boolean close = similarity.get(next) >= 0.9 * bestSimilarity;
            boolean cut = !endsSentence(window.get(best).text());
            if (completes || close || cut) {
                last = best + 1;
            }
        }
        Sentence from = window.get(first);
        Sentence to = window.get(last);
        String quoted = joined(window.subList(first, last + 1));
        // How close the passage comes to the question: its nearest sentence, whichever is quoted.
        double nearest = window.stream().filter(Sentence::own).mapToDouble(similarity::get).max().orElse(bestSimilarity);
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

    private Map<String, IndexedPassage> neighbours(List<Candidate> candidates, VisibleGraphs visible) {
        Set<String> wanted = new HashSet<>();
        for (Candidate c : candidates) {
            IndexedPassage p = c.hit().passage();
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
        return t.isEmpty() || ".!?:;)\"”'".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private static List<Sentence> sentences(IndexedPassage p, boolean own) {
        List<Sentence> out = new ArrayList<>();
        for (int[] span : sentences(p.text())) {
            out.add(new Sentence(p.text().substring(span[0], span[1]), p.start() + span[0], p.start() + span[1], own));
        }
        return out;
    }

    /** Sentences (and table rows, list items: lines) of a passage as offsets, at most a few. */
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
                int a = lineStart + s;
                int b = lineStart + e;
                while (a < b && Character.isWhitespace(text.charAt(a))) a++;
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) b--;
                if (b - a > 1) {
                    out.add(new int[]{a, b});
                }
            }
            lineStart = lineEnd + 1;
        }
        if (out.isEmpty()) {
            out.add(new int[]{0, text.length()});
        }
        return out;
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

    /**
     * Candidates whose sentences give different figures for the same indicator, area and year:
     * shown side by side, for a person to judge (see {@link FigureClaims} for what counts as a claim).
     */
    List<Answers.Conflict> conflicts(List<Answer> ranked) {
        Map<List<Object>, Map<String, Answers.Figure>> byKey = new LinkedHashMap<>();
        for (Answer a : ranked) {
            String date = a.provenance().document().date();
            int documentYear = date == null || date.length() < 4 ? 0 : Integer.parseInt(date.substring(0, 4));
            for (FigureClaims.Claim c : figures.in(a.text(), documentYear)) {
                byKey.computeIfAbsent(List.of(c.indicator(), c.area(), c.year()), k -> new LinkedHashMap<>())
                        .putIfAbsent(c.value(), new Answers.Figure(c.value(), a.passage(), c.sentence(), a.provenance().document().id()));
            }
        }
        List<Answers.Conflict> out = new ArrayList<>();
        byKey.forEach((key, values) -> {
            if (values.size() > 1) {
                out.add(new Answers.Conflict((String) key.get(0), (String) key.get(1), (Integer) key.get(2), List.copyOf(values.values())));
            }
        });
        return out;
    }

    private static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
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
