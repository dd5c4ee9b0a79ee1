package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.knowledgehub.ingest.DocumentRecords;
import org.knowledgehub.ingest.DocumentSummary;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.SearchResponse;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Answers from the record of a meeting: who chaired it, who took the minutes, where and when it
 * took place, which organisations were represented, what was on its agenda, who presented what and
 * which action points were agreed, read from the graph the minutes stage built and quoted from the
 * minutes' own lines. Only for questions about a meeting, and only from meetings that meet the
 * question's constraints (its date, its city, its year).
 */
@Component
class MeetingAnswers {

    /** A fact of a meeting's record that a question asks for. */
    enum Fact { CHAIRS, MINUTE_TAKERS, PLACE, DATE, AGENCIES, AGENDA, PRESENTERS, ACTIONS }

    private static final Map<Fact, Pattern> ASKS = new LinkedHashMap<>();

    static {
        ASKS.put(Fact.CHAIRS, Pattern.compile("(?i)\\bchair(?:ed|s|ing|person|persons|man|woman|people)?\\b|\\bpresided\\b|\\bled the meeting\\b"
                + "|(?<!\\p{L})(?:présid\\p{L}*|[وف]?(?:ترأس\\p{L}*|رئيس الاجتماع|رئاسة الاجتماع|أدار الاجتماع))(?!\\p{L})"));
        ASKS.put(Fact.MINUTE_TAKERS, Pattern.compile("(?i)\\bminute[- ]?takers?\\b|\\btook (?:the )?(?:minutes|notes)\\b|"
                + "\\b(?:wrote|write|taking|take) (?:the )?minutes\\b|\\bminutes (?:were |was )?(?:taken|written|drafted) by\\b|\\bnote[- ]?takers?\\b"
                + "|(?<!\\p{L})(?:rédigé le procès-verbal|pris (?:les )?notes|preneu(?:r|se)s? de notes|"
                + "[وف]?(?:كتب|دون|دوّن|حرر) (?:ال)?محضر)(?!\\p{L})"));
        ASKS.put(Fact.PLACE, Pattern.compile("(?i)^\\s*where\\b|\\b(?:location|venue|held where|which (?:building|city|office))\\b"
                + "|^\\s*(?:où|[وف]?أين)(?!\\p{L})|(?<!\\p{L})(?:lieu (?:de la|du) (?:réunion|rencontre)|في أي مكان|مكان (?:ال)?اجتماع)(?!\\p{L})"));
        ASKS.put(Fact.DATE, Pattern.compile("(?i)^\\s*when (?:did|was|were) (?:the |that |this )?(?:\\w+ ){0,4}(?:meet|meeting|held|take place|took place)\\b|"
                + "\\b(?:what|which) (?:date|day)\\b.*\\b(?:meet|meeting)\\b|\\bat what time\\b|\\bhow long\\b"
                + "|^\\s*(?:quand|à quelle date|[وف]?متى)(?!\\p{L})"
                + "|(?<!\\p{L})(?:quel(?:le)? (?:date|jour)|في أي (?:يوم|تاريخ))(?!\\p{L})"));
        ASKS.put(Fact.AGENCIES, Pattern.compile("(?i)\\b(?:agenc(?:y|ies)|organi[sz]ations?|partners?|ngos?)\\b.*\\b(?:represented|attend\\w*|"
                + "present|participat\\w*|took part|at the meeting|were there)\\b|\\b(?:who|which \\w+) (?:attended|was present|were present|"
                + "took part|participated)\\b|\\battendance\\b|\\brepresented\\b"
                + "|(?<!\\p{L})(?:organisations?|agences?|partenaires?|ong|المنظمات|الجهات|الوكالات|الشركاء)(?!\\p{L}).*(?<!\\p{L})"
                + "(?:représenté\\p{L}*|présent\\p{L}*|particip\\p{L}*|[وف]?(?:حضر\\p{L}*|شارك\\p{L}*|مثل\\p{L}*|ممثل\\p{L}*))"
                + "|(?<!\\p{L})(?:qui (?:a|ont) (?:assisté|participé)|من (?:حضر|شارك))(?!\\p{L})"));
        ASKS.put(Fact.AGENDA, Pattern.compile("(?i)\\bagenda\\b|\\bwhat was (?:discussed|on the table)\\b|\\btopics? (?:discussed|covered)\\b"
                + "|(?<!\\p{L})(?:ordre du jour|de quoi (?:a-t-on|ont-ils) (?:parlé|discuté)|sujets? (?:abordés?|discutés?)|"
                + "جدول (?:ال)?أعمال|ماذا (?:نوقش|ناقش))(?!\\p{L})"));
        ASKS.put(Fact.PRESENTERS, Pattern.compile("(?i)\\bwho presented\\b|\\bpresenter\\b|\\bpresented by whom\\b|\\bwho (?:gave|made) the presentation\\b"
                + "|(?<!\\p{L})(?:qui a présenté|présentateur|présentatrice|من قدم|من قدّم|من عرض)(?!\\p{L})"));
        ASKS.put(Fact.ACTIONS, Pattern.compile("(?i)\\baction points?\\b|\\bactions? (?:agreed|decided)\\b|\\bfollow[- ]up actions?\\b|"
                + "\\bnext steps\\b|\\bwho (?:has|had|have|was|were) to\\b|\\bagreed to do\\b"
                + "|(?<!\\p{L})(?:points? d'action|actions? (?:convenues?|décidées?)|prochaines étapes|نقاط العمل|"
                + "الإجراءات المتفق عليها|الخطوات (?:التالية|القادمة))(?!\\p{L})"));
    }

    private final HybridSearch search;
    private final DocumentRecords records;
    private final ConceptLabels labels;
    private final Uris uris;
    private final ConstraintCheck checks;
    private final AnswerProvenance provenance;

    MeetingAnswers(HybridSearch search, DocumentRecords records, ConceptLabels labels, Uris uris, ConstraintCheck checks,
                   AnswerProvenance provenance) {
        this.search = search;
        this.records = records;
        this.labels = labels;
        this.uris = uris;
        this.checks = checks;
        this.provenance = provenance;
    }

    /**
     * Answers from the record of the meetings a question asks about, placed before the passages
     * (they state exactly what was asked, with the line of the minutes it comes from).
     *
     * @return why nothing can be confident (no meeting the hub holds meets the question's date or
     *         place), or null
     */
    String answers(AnswerFinder.Asked asked, Map<String, MeetingRecords.Meeting> visibleMeetings, boolean aboutMeetings,
                                  VisibleGraphs visible, Map<String, DocumentSummary> documents, List<Answer> out) {
        Understanding u = asked.understanding();
        if (!aboutMeetings) {
            return null;
        }
        List<MeetingRecords.Meeting> matching = matching(u, visibleMeetings.values(), this::areaAndNeighbours);
        if (matching.isEmpty()) {
            List<String> asked2 = new ArrayList<>();
            u.of("meeting").forEach(c -> asked2.add("on " + c.label()));
            u.of("area").forEach(c -> asked2.add("in " + c.label()));
            if (asked2.isEmpty()) {
                u.of("year").forEach(c -> asked2.add("in " + c.label()));
            }
            return asked2.isEmpty() ? null : "the hub holds no minutes of a meeting " + String.join(" ", asked2);
        }
        List<Fact> facts = asked(asked.analysis().text());
        for (MeetingRecords.Meeting m : matching.subList(0, Math.min(3, matching.size()))) {
            MinutesText minutes = minutesText(m.documentId(), visible);
            for (Fact fact : facts) {
                Stated stated = state(fact, m, minutes.text(), asked.analysis().terms());
                if (stated != null) {
                    minutes.containing(stated.start()).ifPresent(p -> out.add(meetingAnswer(asked, m, p, stated, minutes, documents)));
                }
            }
        }
        return null;
    }

    private Answer meetingAnswer(AnswerFinder.Asked asked, MeetingRecords.Meeting m, IndexedPassage p, Stated stated,
                                 MinutesText minutes, Map<String, DocumentSummary> documents) {
        String quote = stated.quote() != null ? stated.quote()
                : minutes.text().substring(stated.start(), Math.min(stated.end(), minutes.text().length())).strip();
        List<Answer.Check> verdicts = checks.check(asked.understanding(), p, m);
        return new Answer(p.passageUri(), "meeting", 1.0, new Answer.Quote(quote, stated.start(), stated.start() + quote.length()),
                stated.statement(), new Answer.Why(List.of(), List.of(), null, Map.of(), verdicts), provenance.of(p, documents),
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


    /** The facts a question about a meeting asks for, in the order they are listed above. */
    static List<Fact> asked(String question) {
        List<Fact> out = new ArrayList<>();
        ASKS.forEach((fact, pattern) -> {
            if (pattern.matcher(question).find()) {
                out.add(fact);
            }
        });
        return out;
    }

    /** The meetings that meet a question's constraints on date, place and year. */
    static List<MeetingRecords.Meeting> matching(Understanding u, Collection<MeetingRecords.Meeting> meetings,
                                                 java.util.function.Function<String, Set<String>> areaAndNeighbours) {
        List<MeetingRecords.Meeting> out = new ArrayList<>();
        for (MeetingRecords.Meeting m : meetings) {
            boolean date = u.values("meeting").stream().allMatch(d -> m.date() != null && m.date().startsWith(d));
            boolean year = u.values("year").isEmpty() || m.date() != null && u.values("year").contains(m.date().substring(0, 4));
            boolean place = u.values("area").isEmpty() || m.placeCode() == null
                    || u.values("area").stream().anyMatch(a -> areaAndNeighbours.apply(a).contains(m.placeCode()));
            if (date && year && place) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * One fact of a meeting as a statement and the span of the minutes' text it was read from:
     * the header line that names the chairs, the agenda's lines, the action points.
     *
     * @param text  the minutes' extracted text
     * @param terms the question's content words, to pick the action points it asks about
     * @return the statement and the span, or null when the record does not hold the fact
     */
    static Stated state(Fact fact, MeetingRecords.Meeting m, String text, Collection<String> terms) {
        String name = m.name() == null ? "The meeting" : m.name();
        return switch (fact) {
            case CHAIRS -> m.chairs().isEmpty() ? null : line(text, m.chairs().getFirst().name(),
                    name + " was chaired by " + people(m.chairs()) + ".");
            case MINUTE_TAKERS -> m.minuteTakers().isEmpty() ? null : line(text, List.of("Minutes by", "Minute taker",
                    m.minuteTakers().getFirst().name()), "Minutes of " + name + " taken by " + people(m.minuteTakers()) + ".");
            case PLACE -> m.location() == null && m.placeLabel() == null ? null : line(text, m.location() != null ? m.location()
                    : m.placeLabel(), name + " took place " + (m.location() != null ? "at " + m.location() : "")
                    + (m.placeLabel() != null ? (m.location() != null ? ", " : "in ") + m.placeLabel() : "") + ".");
            case DATE -> m.date() == null ? null : line(text, m.time() != null ? m.time() : QuestionUnderstanding.dateLabel(m.date()),
                    name + " took place on " + QuestionUnderstanding.dateLabel(m.date())
                            + (m.time() != null ? " at " + m.time() : "") + (m.duration() != null ? " (" + m.duration() + ")" : "") + ".");
            case AGENCIES -> m.agencies().isEmpty() ? null : line(text, agencyLines(m), "Represented at " + name + ": "
                    + String.join(", ", m.agencies()) + ".");
            case AGENDA -> items(text, m.agenda(), "Agenda of " + name + ": ");
            case PRESENTERS -> presenters(m, terms);
            case ACTIONS -> items(text, relevant(m.actions(), terms), "Action points of " + name + ": ");
        };
    }

    /**
     * A statement and where in the minutes' text it stands.
     *
     * @param quote the text quoted, when it is not in the passages' text (a section's heading), else null
     */
    record Stated(String statement, int start, int end, String quote) {

        Stated(String statement, int start, int end) {
            this(statement, start, end, null);
        }
    }

    /** Where the minutes list who was there: the header's row, else the first agency's name. */
    private static List<String> agencyLines(MeetingRecords.Meeting m) {
        List<String> out = new ArrayList<>(List.of("Represented Agencies", "Represented agencies", "Participants", "Attendees",
                "Attendance", "Agencies present"));
        out.addAll(m.agencies());
        return out;
    }

    private static Stated line(String text, String value, String statement) {
        return line(text, List.of(value), statement);
    }

    /** The line of the text that holds the first of {@code values} found in it. */
    private static Stated line(String text, List<String> values, String statement) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String value : values) {
            int at = lower.indexOf(value.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                int start = text.lastIndexOf('\n', at) + 1;
                int end = text.indexOf('\n', at);
                return new Stated(statement, start, end < 0 ? text.length() : end);
            }
        }
        return null;
    }

    private static Stated items(String text, List<MeetingRecords.Item> items, String prefix) {
        List<MeetingRecords.Item> located = items.stream().filter(i -> i.start() >= 0 && i.end() <= text.length()).toList();
        if (located.isEmpty()) {
            return null;
        }
        // The first run of items that stand together in the text (an agenda, one section's action points).
        int start = located.getFirst().start();
        int end = located.getFirst().end();
        List<String> listed = new ArrayList<>();
        for (MeetingRecords.Item i : located) {
            if (i.start() - end > 400) {
                break;
            }
            end = Math.max(end, i.end());
            listed.add(i.text() + (i.owner() != null ? " (" + i.owner() + ")" : ""));
        }
        return new Stated(prefix + String.join("; ", listed) + ".", start, end);
    }

    private static Stated presenters(MeetingRecords.Meeting m, Collection<String> terms) {
        List<MeetingRecords.Item> relevant = relevant(m.presenters(), terms);
        if (relevant.isEmpty()) {
            return null;
        }
        MeetingRecords.Item first = relevant.getFirst();
        return new Stated(first.owner() + " presented \"" + first.text().replaceAll("(?i)\\s*\\(?presented by[^)]*\\)?\\s*$", "")
                + "\".", first.start(), first.start() + first.text().length(), first.text());
    }

    /** The items that share a word with the question, or all when none does. */
    private static List<MeetingRecords.Item> relevant(List<MeetingRecords.Item> items, Collection<String> terms) {
        Set<String> wanted = new HashSet<>();
        terms.stream().filter(t -> t.length() > 3).forEach(t -> wanted.add(prefix(t.toLowerCase(Locale.ROOT))));
        List<MeetingRecords.Item> out = items.stream().filter(i -> words(i.text()).stream().anyMatch(wanted::contains)).toList();
        return out.isEmpty() ? items : out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                out.add(prefix(w));
            }
        }
        return out;
    }

    /** Words compared by their first five letters: the question's are stemmed, the minutes' are not. */
    private static String prefix(String w) {
        return w.length() > 5 ? w.substring(0, 5) : w;
    }

    private static String people(List<MeetingRecords.Person> people) {
        return String.join(", ", people.stream().map(MeetingRecords.Person::display).toList());
    }
}
