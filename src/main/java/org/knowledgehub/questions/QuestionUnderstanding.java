package org.knowledgehub.questions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.ingest.DocumentRecords;
import edu.stanford.nlp.ling.CoreLabel;
import org.knowledgehub.nlp.CoreNlpEngine;
import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.search.TextLanguage;
import org.knowledgehub.ontology.DocumentType;
import org.springframework.stereotype.Component;

/**
 * Reads a research question: the kind of answer it asks for (from how it is asked) and the
 * constraints it names: years and periods, areas with their P-codes, population groups, sectors,
 * indicators and organisations (the gazetteer the link stage uses), a kind of document (minutes,
 * field notes), a named document ("the 2021 shelter chapter") and a meeting (by its date).
 */
@Component
class QuestionUnderstanding {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");
    private static final Pattern SINCE = Pattern.compile("(?i)\\b(?:since|after|from)\\s+(19[5-9]\\d|20\\d\\d)\\b(?!\\s*(?:to|and|until|-|–))");
    private static final Pattern RANGE = Pattern.compile(
            "(?i)\\b(?:between|from)\\s+(19[5-9]\\d|20\\d\\d)\\s*(?:and|to|until|-|–)\\s*(19[5-9]\\d|20\\d\\d)\\b");
    /** "depuis 2019", "منذ ٢٠١٩" (digits folded first), "بعد عام 2019". */
    private static final Pattern SINCE_AR_FR = Pattern.compile("(?i)(?<!\\p{L})(?:depuis|après|منذ|بعد)\\s+(?:(?:l'année|l'an|عام|العام|سنة)\\s+)?"
            + "(19[5-9]\\d|20\\d\\d)(?!\\d)(?!\\s*(?:et|à|-|–|و))");
    /** "entre 2019 et 2021", "بين عامي 2019 و2021". */
    private static final Pattern RANGE_AR_FR = Pattern.compile("(?i)(?<!\\p{L})(?:entre|de|من|بين)\\s+(?:(?:عامي|عام|سنتي|سنة)\\s+)?"
            + "(19[5-9]\\d|20\\d\\d)\\s*(?:et|à|-|–|و|إلى|الى)\\s*(19[5-9]\\d|20\\d\\d)(?!\\d)");
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b(" + MONTHS + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?i)\\b(" + MONTHS + ")\\s+(\\d{4})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private static final Pattern WHY = Pattern.compile("(?i)^\\s*(?:and\\s+)?(?:why\\b|how come\\b|for what reasons?\\b|what (?:explains|explained|"
            + "caused|causes|drove|drives|driven|led to|leads to|lies behind|is behind|was behind|were the (?:main )?(?:causes|drivers)|"
            + "are the (?:main )?(?:causes|drivers)|factors?)\\b)|\\b(?:what|which) (?:factors|reasons) (?:explain|drove|led|caused)|"
            + "\\breasons? (?:for|behind) (?:the |this |that )?(?:increase|decrease|rise|drop|fall|change|decline|growth|jump|deterioration)");
    private static final Pattern WHO = Pattern.compile("(?i)^\\s*(?:who\\b|whom\\b|by whom\\b|which (?:organi[sz]ations?|agenc(?:y|ies)|ngos?|"
            + "partners?|actors?|persons?|people|donors?|un agenc(?:y|ies))\\b)|\\bwho (?:chaired|presented|took|ran|runs|led|leads|"
            + "wrote|prepared|conducted|funded|organised|organized)\\b");
    private static final Pattern WHERE = Pattern.compile("(?i)^\\s*(?:where\\b|in (?:which|what) (?:governorates?|districts?|areas?|regions?|"
            + "locations?|places?|cit(?:y|ies)|towns?|villages?|settlements?|building)\\b|which (?:governorates?|districts?|areas?|"
            + "regions?|locations?|cit(?:y|ies)|towns?|villages?)\\b)");
    private static final Pattern WHEN = Pattern.compile("(?i)^\\s*(?:when\\b|since when\\b|(?:on|in) (?:which|what) (?:date|day|month|year|period)\\b|"
            + "what (?:date|day|month|year|period|dates)\\b|at what time\\b)|\\bwhen (?:was|were|did|is|are|will)\\b");
    private static final Pattern TREND = Pattern.compile("(?i)\\bhow (?:has|have|did|do|does) .*\\b(?:chang|evolv|develop|mov|shift|trend|"
            + "progress)\\w*|\\btrends?\\b|\\bover (?:the|these) (?:years|past)|\\bover time\\b|\\byear[- ]on[- ]year\\b|"
            + "\\b(?:since|between|from) (?:19|20)\\d\\d\\b.*\\b(?:chang|increas|decreas|ris|fall|fell|drop|grow|grew|declin|improv|worsen)\\w*|"
            + "\\b(?:chang|increas|decreas|ris|fall|fell|drop|grow|grew|declin|improv|worsen)\\w* .*\\b(?:since|between|from) (?:19|20)\\d\\d\\b");
    private static final Pattern COMPARISON = Pattern.compile("(?i)\\bcompar\\w*|\\bversus\\b|\\bvs\\.?\\s|\\bdiffer\\w*|\\bgap between\\b|"
            + "\\b(?:higher|lower|more|less|worse|better|greater|smaller|larger)\\b(?: \\w+){0,4} (?:than|among)\\b|\\b(?:men|male[- ]headed|boys) "
            + "(?:and|or|versus|compared (?:to|with)) (?:women|female[- ]headed|girls)\\b|\\bwhich .*\\b(?:highest|lowest|most|least|worst|best)\\b");
    private static final Pattern LIST = Pattern.compile("(?i)^\\s*(?:list\\b|name\\b|(?:what|which) (?:are|were) the (?:main |most common |key |"
            + "major |top |primary |different )?(?:\\w+ ){0,2}(?:reasons|barriers|strategies|items|topics|challenges|needs|recommendations|"
            + "risks|concerns|steps|actions|priorities|sources|types|ways|things|problems|issues|groups|points|measures|"
            + "activities|services|agencies|organi[sz]ations|partners|causes|drivers|factors)\\b|(?:what|which) (?:\\w+ ){0,3}"
            + "(?:strategies|barriers|reasons|items|topics|agencies|organi[sz]ations|action points|recommendations)\\b)|\\bagenda\\b|"
            + "\\baction points?\\b");
    /** Words that make a question one about a meeting ("met" and "meet" do not: refugees meet their needs). */
    private static final Pattern MEETING = Pattern.compile("(?i)\\b(?:meeting|meetings|minutes|imwg|working group)\\b");
    private static final Pattern FIELD_NOTE = Pattern.compile("(?i)\\bfield[- ](?:visit|note|notes|report|trip|mission)s?\\b");
    /** Words with which a question names one document ("the 2021 shelter chapter", "the 2024 executive summary"). */
    private static final Pattern DOCUMENT_WORD = Pattern.compile("(?i)\\b(?:chapter|summary|dashboard|report|questionnaire|"
            + "guidance|checklist|template|update|note|blog|article)\\b");
    /** Words of titles too common to name a document by. */
    private static final Set<String> TITLE_NOISE = Set.of("vasyr", "vulnerability", "assessment", "syrian", "refugees", "refugee",
            "lebanon", "the", "of", "and", "in", "on", "for", "a", "an", "to", "report", "pdf", "docx", "md", "txt", "html", "lead",
            "humset");

    private final Gazetteer gazetteer;
    private final ConceptLabels labels;
    private final CoreNlpEngine nlp;
    private final UnderstandingText words;

    QuestionUnderstanding(Gazetteer gazetteer, ConceptLabels labels, CoreNlpEngine nlp, UnderstandingText words) {
        this.gazetteer = gazetteer;
        this.labels = labels;
        this.nlp = nlp;
        this.words = words;
    }

    /**
     * @param given     IRIs of concepts the asker set (sectors, areas, a population group)
     * @param years     years of the period the asker set
     * @param kind      the kind the asker set, or null to read it from the question
     * @param ignored   constraints read from the text that the asker struck out, as type:value
     * @param documents the documents the caller may read, to recognise one the question names
     */
    Understanding understand(String text, Collection<String> given, Collection<Integer> years, Understanding.Kind kind,
                             Collection<String> ignored, Supplier<List<DocumentRecords.Named>> documents) {
        List<Understanding.Constraint> out = new ArrayList<>();
        for (int year : years(text)) {
            out.add(new Understanding.Constraint("year", Integer.toString(year), Integer.toString(year), false));
        }
        for (int year : years) {
            add(out, new Understanding.Constraint("year", Integer.toString(year), Integer.toString(year), true));
        }
        List<Gazetteer.Match> matches = gazetteer.find(text, true);
        for (Gazetteer.Match m : matches) {
            concept(m.concept(), false).ifPresent(c -> add(out, c));
        }
        for (String iri : given) {
            concept(iri, true).ifPresent(c -> add(out, c));
        }
        boolean local = ArabicFrenchCues.applies(text);
        boolean meeting = MEETING.matcher(text).find() || local && ArabicFrenchCues.aboutMeetings(text);
        if (meeting) {
            add(out, new Understanding.Constraint("document-type", DocumentType.MINUTES.code(), "minutes", false));
            meetingDate(text).or(() -> local ? ArabicFrenchCues.day(text).map(LocalDate::toString) : Optional.empty())
                    .ifPresent(d -> add(out, new Understanding.Constraint("meeting", d, dateLabel(d), false)));
        } else if (FIELD_NOTE.matcher(text).find() || local && ArabicFrenchCues.aboutFieldNotes(text)) {
            add(out, new Understanding.Constraint("document-type", DocumentType.FIELD_NOTE.code(), "field notes", false));
        }
        if (DOCUMENT_WORD.matcher(text).find()) {
            named(text, documents.get(), out).forEach(c -> add(out, c));
        }
        out.removeIf(c -> !c.given() && ignored.contains(c.type() + ":" + c.value()));
        Understanding.Kind k = kind != null ? kind : kind(text);
        List<String> subject = subject(text, out, matches);
        // Summarised in the question's language: the asker reads it beside the question.
        return new Understanding(k, subject, out, words.summary(k, subject, out, Locale.forLanguageTag(TextLanguage.ofShortText(text))));
    }

    /** Words of questions that say what is measured, who is counted or what is asked, not what about. */
    private static final Set<String> GENERIC = Set.of("share", "shares", "percentage", "percent", "proportion", "number", "numbers",
            "rate", "rates", "level", "levels", "household", "households", "family", "families", "refugee", "refugees", "people",
            "person", "persons", "individual", "individuals", "report", "reports", "data", "figure", "figures", "total", "average",
            "year", "years", "month", "months", "week", "weeks", "day", "days", "time", "period", "autumn", "spring", "summer",
            "winter", "season", "country", "reason", "reasons", "cause", "causes", "driver", "drivers", "factor", "factors",
            "need", "needs", "change", "changes", "increase", "decrease", "rise", "drop", "difference", "comparison", "trend",
            "trends", "amount", "value", "cost", "costs", "price", "prices", "way", "ways", "thing", "things", "kind", "kinds", "format",
            "form", "forms",
            "type", "types", "part", "case", "lot", "majority", "minority", "vasyr", "assessment", "survey", "document",
            "documents", "chapter", "summary", "meeting", "minutes", "group", "groups", "sector", "sectors", "partner",
            "partners", "organisation", "organisations", "organization", "organizations", "agency", "agencies", "question",
            "answer", "lebanon", "population", "populations", "area", "areas", "governorate", "governorates", "district",
            "districts", "place", "places", "one", "ones", "most", "main", "what", "which", "who", "how", "why", "when", "where",
            "according", "including", "regarding", "concerning", "following");

    /** Participles any question uses to ask, not to say what about ("was found", "were reported"). */
    private static final Set<String> GENERIC_VERBS = Set.of("found", "reported", "given", "based", "used", "asked", "done", "made",
            "seen", "said", "stated", "recorded", "measured", "estimated", "published", "mentioned", "known", "been", "had",
            "carried", "put", "taken", "got", "gotten", "brought", "shown", "described", "counted", "considered", "held", "supposed",
            "expected", "meant", "planned", "agreed", "decided");

    /**
     * What the question is about besides its constraints: its nouns, gerunds and past participles (CoreNLP's
     * parts of speech), without the words of the constraints' names, dates and numbers, and the words any question
     * uses. Empty when the NLP models are not loaded (or switched off), and for questions in Arabic or French.
     */
    private List<String> subject(String text, List<Understanding.Constraint> constraints, List<Gazetteer.Match> matches) {
        // The parts of speech are CoreNLP's English ones: an Arabic or French question has no subject read this way.
        if (!nlp.ready() || ArabicFrenchCues.applies(text)) {
            return List.of();
        }
        Set<String> named = new HashSet<>();
        constraints.forEach(c -> named.addAll(Arrays.asList(c.label().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))));
        Set<String> out = new LinkedHashSet<>();
        for (CoreLabel token : nlp.annotate(text, null).tokens()) {
            // A word of a name the gazetteer found ("SMEB" in "households below the SMEB", "IMWG") is a constraint's.
            if (matches.stream().anyMatch(m -> m.start() <= token.beginPosition() && token.endPosition() <= m.end())) {
                continue;
            }
            String word = token.word().toLowerCase(Locale.ROOT);
            String pos = token.tag();
            String ner = token.ner();
            // Nouns, gerunds, which name topics as often ("stunting", "trucking"), and past participles, which say what
            // happened to the thing asked about ("water found contaminated", "households evicted").
            boolean topical = pos != null && (pos.startsWith("NN") || pos.equals("VBG")
                    || pos.equals("VBN") && !GENERIC_VERBS.contains(word));
            boolean namedEntity = ner != null && !ner.equals("O") && !ner.equals("ORGANIZATION") && !ner.equals("MISC")
                    && !ner.equals("PERSON");
            if (topical && !namedEntity && word.length() > 2 && word.chars().anyMatch(Character::isLetter)
                    && !GENERIC.contains(word) && !named.contains(word)
                    && named.stream().noneMatch(n -> n.length() > 3 && (n.startsWith(word) || word.startsWith(n)))) {
                out.add(word);
            }
        }
        return List.copyOf(out);
    }

    /** The kinds a question's words can ask for, in the order they are tried: the first whose cue it has wins. */
    private static final List<Understanding.Kind> CUE_ORDER = List.of(Understanding.Kind.WHY, Understanding.Kind.WHEN,
            Understanding.Kind.WHERE, Understanding.Kind.WHO, Understanding.Kind.TREND, Understanding.Kind.LIST,
            Understanding.Kind.COMPARISON);
    private static final Map<Understanding.Kind, Pattern> CUES = Map.of(Understanding.Kind.WHY, WHY, Understanding.Kind.WHEN, WHEN,
            Understanding.Kind.WHERE, WHERE, Understanding.Kind.WHO, WHO, Understanding.Kind.TREND, TREND, Understanding.Kind.LIST, LIST,
            Understanding.Kind.COMPARISON, COMPARISON);

    /** The first kind, in {@link #CUE_ORDER}, whose cue the question has; null when none. */
    static Understanding.Kind firstCued(String question, Map<Understanding.Kind, Pattern> cues) {
        for (Understanding.Kind kind : CUE_ORDER) {
            if (cues.get(kind).matcher(question).find()) {
                return kind;
            }
        }
        return null;
    }

    static Understanding.Kind kind(String text) {
        String t = text.strip();
        Understanding.Kind local = ArabicFrenchCues.applies(t) ? ArabicFrenchCues.kind(t) : null;
        if (local != null) {
            return local;
        }
        Understanding.Kind cued = firstCued(t, CUES);
        return cued != null ? cued : Understanding.Kind.FACT;
    }

    /** The years a question names; a period ("between 2019 and 2021", "since 2018") counts every year of it. */
    static List<Integer> years(String question) {
        String text = ArabicFrenchCues.asciiDigits(question);
        boolean local = ArabicFrenchCues.applies(text);
        Set<Integer> out = new LinkedHashSet<>();
        for (Pattern p : local ? List.of(RANGE, RANGE_AR_FR) : List.of(RANGE)) {
            Matcher range = p.matcher(text);
            while (range.find()) {
                int a = Integer.parseInt(range.group(1));
                int b = Integer.parseInt(range.group(2));
                for (int y = Math.min(a, b); y <= Math.max(a, b) && y - Math.min(a, b) <= QuestionService.MAX_PERIOD_YEARS; y++) {
                    out.add(y);
                }
            }
        }
        for (Pattern p : local ? List.of(SINCE, SINCE_AR_FR) : List.of(SINCE)) {
            Matcher since = p.matcher(text);
            while (since.find()) {
                int from = Integer.parseInt(since.group(1));
                for (int y = from; y <= LocalDate.now().getYear() && y - from <= QuestionService.MAX_PERIOD_YEARS; y++) {
                    out.add(y);
                }
            }
        }
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return List.copyOf(out);
    }

    /** The date of a meeting a question names: yyyy-mm-dd, or yyyy-mm for a month. */
    static Optional<String> meetingDate(String text) {
        Matcher m = DAY_MONTH_YEAR.matcher(text);
        if (m.find()) {
            return date(m.group(3), m.group(2), m.group(1));
        }
        m = MONTH_DAY_YEAR.matcher(text);
        if (m.find()) {
            return date(m.group(3), m.group(1), m.group(2));
        }
        m = ISO_DATE.matcher(text);
        if (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        m = MONTH_YEAR.matcher(text);
        if (m.find()) {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1))).toString());
        }
        return Optional.empty();
    }

    private static Optional<String> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month(month), Integer.parseInt(day)).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Month month(String name) {
        return Month.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** "4 April 2019" for 2019-04-04, "April 2019" for 2019-04. */
    static String dateLabel(String date) {
        if (date.length() == 7) {
            YearMonth ym = YearMonth.parse(date);
            return ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear();
        }
        LocalDate d = LocalDate.parse(date);
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
    }

    /**
     * The documents a question names, of the years it names if their titles or file names say
     * theirs: "the 2021 shelter chapter" where the hub holds the 2022 one names a document the hub
     * does not hold, a constraint nothing meets.
     */
    private static List<Understanding.Constraint> named(String text, List<DocumentRecords.Named> documents,
                                                        List<Understanding.Constraint> found) {
        List<DocumentRecords.Named> named = namedDocuments(text, documents);
        List<String> years = found.stream().filter(c -> c.type().equals("year")).map(Understanding.Constraint::value).toList();
        List<DocumentRecords.Named> ofYears = named.stream().filter(d -> {
            List<String> own = years(d.title() + " " + d.sourceName()).stream().map(String::valueOf).toList();
            return years.isEmpty() || own.isEmpty() || own.stream().anyMatch(years::contains);
        }).toList();
        if (!named.isEmpty() && ofYears.isEmpty()) {
            String title = named.getFirst().title().replaceAll("\\s*\\b(19|20)\\d\\d\\b", "").strip();
            return List.of(new Understanding.Constraint("document", "none", "\u201c" + title + "\u201d of " + String.join(" or ", years),
                    false));
        }
        return ofYears.stream().map(d -> new Understanding.Constraint("document", d.id(), d.title(), false)).toList();
    }

    /**
     * The documents a question names by their title or file name: every distinctive word of one
     * of them (not "VASyR", "report", a year) stands in the question ("the VASyR 2022 shelter
     * chapter" names "VASyR 2022 - Shelter"). Years are left to the year constraint, so that "the
     * 2021 shelter chapter" still finds the shelter chapter and then sees it is of another year.
     */
    static List<DocumentRecords.Named> namedDocuments(String text, List<DocumentRecords.Named> documents) {
        Set<String> words = words(text);
        List<DocumentRecords.Named> out = new ArrayList<>();
        for (DocumentRecords.Named d : documents) {
            for (String name : new String[]{d.title(), d.sourceName()}) {
                Set<String> distinctive = words(name == null ? "" : name.replaceAll("\\.[a-zA-Z]{2,4}$", ""));
                distinctive.removeIf(w -> TITLE_NOISE.contains(w) || w.matches("\\d+") || w.length() < 3);
                if (!distinctive.isEmpty() && distinctive.size() <= 4 && words.containsAll(distinctive)) {
                    out.add(d);
                    break;
                }
            }
        }
        return out;
    }

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    private Optional<Understanding.Constraint> concept(String iri, boolean given) {
        return labels.schemeOf(iri).flatMap(scheme -> {
            String type = switch (scheme.substring(scheme.lastIndexOf('/') + 1)) {
                case "areas" -> "area";
                case "sectors" -> "sector";
                case "populations" -> "population";
                case "indicators" -> "indicator";
                case "organisations" -> "organisation";
                default -> null;
            };
            if (type == null) {
                return Optional.empty();
            }
            String code = type.equals("organisation") ? labels.shortName(labels.resource(iri)) : labels.code(iri);
            if (type.equals("area") && code.equals("LB")) {
                return Optional.empty(); // the whole country: no constraint
            }
            String label = labels.label(labels.resource(iri));
            return Optional.of(new Understanding.Constraint(type, code,
                    type.equals("area") ? label + " (" + code + ")" : label, given));
        });
    }

    private static void add(List<Understanding.Constraint> out, Understanding.Constraint c) {
        if (out.stream().noneMatch(o -> o.type().equals(c.type()) && o.value().equals(c.value()))) {
            out.add(c);
        }
    }
}
