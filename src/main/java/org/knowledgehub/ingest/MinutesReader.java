package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads meeting minutes the way a person would: the header table (location, time, chairs, minute
 * takers, represented agencies, agenda), the date and place in the title, and the action points
 * listed under "Action points:" with the owner each one names.
 */
final class MinutesReader {

    enum Field { LOCATION, TIME, DURATION, DATE, CHAIRS, MINUTE_TAKERS, AGENCIES, AGENDA, ATTACHMENTS }

    /** Header labels as they appear in real minutes, longest first within a field. */
    private static final Map<String, Field> LABELS = new LinkedHashMap<>();

    static {
        for (String l : List.of("meeting location", "location", "venue", "place")) LABELS.put(l, Field.LOCATION);
        for (String l : List.of("meeting time", "time")) LABELS.put(l, Field.TIME);
        for (String l : List.of("meeting duration", "duration")) LABELS.put(l, Field.DURATION);
        for (String l : List.of("meeting date", "date")) LABELS.put(l, Field.DATE);
        for (String l : List.of("chair persons", "chairpersons", "chair person", "chairperson", "chairs", "chair",
                "chaired by", "co-chairs", "co chairs", "co-chaired by")) LABELS.put(l, Field.CHAIRS);
        for (String l : List.of("minutes by", "minute takers", "minute taker", "minutes taken by", "note taker",
                "note takers", "notes by", "rapporteur")) LABELS.put(l, Field.MINUTE_TAKERS);
        for (String l : List.of("represented agencies", "agencies represented", "participating agencies", "participants",
                "attendees", "agencies present", "present", "organisations present", "organizations present"))
            LABELS.put(l, Field.AGENCIES);
        for (String l : List.of("agenda", "agenda items")) LABELS.put(l, Field.AGENDA);
        for (String l : List.of("attachments", "annexes")) LABELS.put(l, Field.ATTACHMENTS);
    }

    private static final Pattern LABEL_WITH_VALUE = Pattern.compile("^([A-Za-z][A-Za-z -]{1,30}?)\\s*:\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern ACTION_HEADER = Pattern.compile(
            "(?i)^(action points?|action items?|actions|follow[- ]up actions?|decisions and action points|agreed actions)\\s*:?\\s*$");
    private static final Pattern INLINE_ACTION = Pattern.compile("(?i)^action( point| item)?\\s*:\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,2}[.)]|[a-z][.)])\\s+");
    private static final Pattern CITY_IN_TITLE = Pattern.compile("\\s[-–—]\\s+([\\p{L}][\\p{L} .'-]{1,40}?)\\s*,\\s*\\d");
    /** Lower-case owners are only "the group", "the WASH sector" and the like. */
    private static final Pattern THE_OWNER = Pattern.compile(
            "^the\\s+(\\p{Lu}.*|(working\\s+)?group|sector|team|task\\s*force|committee|unit)$");
    private static final Pattern PERSON_WITH_ORG = Pattern.compile("^(.+?)\\s*\\(([^)]+)\\)\\s*$");
    private static final Pattern REQUESTED_FROM = Pattern.compile(
            "^.+?\\s+(?:requested|asked|invited)\\s+(?:from\\s+)?(.+?)\\s+to\\s+\\S.*$", Pattern.DOTALL);
    private static final Pattern OWNER_THEN_MODAL = Pattern.compile(
            "^(\\S+(?:\\s+\\S+){0,6}?)\\s+(?:to|will|shall|should|must|agreed to|is to|are to|has to|have to)\\s+\\S.*$",
            Pattern.DOTALL);
    /** Imperatives that open action points with no owner ("Follow up with ...", "Share ..."). */
    private static final Set<String> IMPERATIVES = Set.of("follow", "share", "circulate", "send", "prepare", "organise",
            "organize", "review", "update", "check", "discuss", "ensure", "provide", "finalise", "finalize", "draft",
            "develop", "invite", "schedule", "present", "continue", "conduct", "compile", "collect", "map", "agree",
            "consider", "liaise", "coordinate", "reach", "contact", "it", "there", "this", "that", "next");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"));
    private static final Pattern DATE_IN_TEXT = Pattern.compile(
            "(\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]{2,8}\\.?,?\\s+\\d{4}|[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
                    + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4})");

    private MinutesReader() {
    }

    /** Whether a document that was not declared as minutes reads like minutes. */
    static boolean looksLikeMinutes(StructuredText text) {
        Optional<TextBlock> title = text.blocks().stream().filter(b -> b.kind() == BlockKind.HEADING).findFirst();
        boolean titled = title.map(t -> text.textOf(t).toLowerCase(Locale.ROOT).contains("minutes")).orElse(false);
        Set<Field> fields = readHeader(text, headerZone(text)).keySet();
        return titled && fields.size() >= 2 || fields.containsAll(Set.of(Field.AGENCIES, Field.AGENDA));
    }

    static Meeting read(StructuredText text, List<Section> sections) {
        List<TextBlock> zone = headerZone(text);
        Map<Field, String> header = readHeader(text, zone);
        String title = text.blocks().stream().filter(b -> b.kind() == BlockKind.HEADING).findFirst()
                .map(text::textOf).orElse("");
        String name = title.replaceFirst("(?i)^\\s*minutes\\s+of\\s+(the\\s+)?", "").strip();
        LocalDate date = parseDate(title).or(() -> Optional.ofNullable(header.get(Field.DATE)).flatMap(MinutesReader::parseDate))
                .orElse(null);
        String city = cityOf(title);
        List<Meeting.AgendaEntry> agenda = agenda(text, zone, header, sections);
        return new Meeting(name.isEmpty() ? null : name, date, city, header.get(Field.LOCATION), header.get(Field.TIME),
                header.get(Field.DURATION), people(header.get(Field.CHAIRS)), people(header.get(Field.MINUTE_TAKERS)),
                agencies(header.get(Field.AGENCIES)), agenda, header.get(Field.ATTACHMENTS),
                actions(text, zone, sections), zone.isEmpty() ? 0 : zone.getLast().end());
    }

    /** Blocks after the title and before the first heading that follows it. */
    private static List<TextBlock> headerZone(StructuredText text) {
        List<TextBlock> zone = new ArrayList<>();
        boolean afterTitle = false;
        for (TextBlock b : text.blocks()) {
            if (b.kind() == BlockKind.HEADING) {
                if (afterTitle || !zone.isEmpty()) {
                    break;
                }
                afterTitle = true;
                continue;
            }
            zone.add(b);
            if (zone.size() > 60) {
                break;
            }
        }
        return zone;
    }

    /** Label and value cells of the header, whether laid out as a table, tab-separated or "Label: value" lines. */
    private static Map<Field, String> readHeader(StructuredText text, List<TextBlock> zone) {
        Map<Field, List<String>> values = new LinkedHashMap<>();
        Field currentField = null;
        for (TextBlock b : zone) {
            if (b.kind() == BlockKind.LIST_ITEM) {
                continue; // agenda items, read separately
            }
            for (String cell : text.textOf(b).split("[\\t\\n]+")) {
                String c = cell.strip();
                if (c.isEmpty()) {
                    continue;
                }
                Field asLabel = LABELS.get(labelKey(c));
                if (asLabel != null) {
                    currentField = asLabel;
                    values.computeIfAbsent(currentField, k -> new ArrayList<>());
                    continue;
                }
                Matcher lv = LABEL_WITH_VALUE.matcher(c);
                if (lv.matches() && LABELS.containsKey(labelKey(lv.group(1)))) {
                    currentField = LABELS.get(labelKey(lv.group(1)));
                    values.computeIfAbsent(currentField, k -> new ArrayList<>()).add(lv.group(2).strip());
                    continue;
                }
                if (currentField != null) {
                    values.computeIfAbsent(currentField, k -> new ArrayList<>()).add(c);
                }
            }
        }
        Map<Field, String> joined = new LinkedHashMap<>();
        values.forEach((field, cells) -> joined.put(field, String.join(", ", cells).strip()));
        return joined;
    }

    private static String labelKey(String cell) {
        return cell.strip().replaceAll("[:：]\\s*$", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<Meeting.AgendaEntry> agenda(StructuredText text, List<TextBlock> zone, Map<Field, String> header,
                                                    List<Section> sections) {
        List<Meeting.AgendaEntry> entries = new ArrayList<>();
        int top = 0;
        int sub = 0;
        for (TextBlock b : zone) {
            // In the header, lists are the agenda.
            if (b.kind() != BlockKind.LIST_ITEM || !header.containsKey(Field.AGENDA)) {
                continue;
            }
            String item = LEADING_NUMBER.matcher(text.textOf(b).strip()).replaceFirst("");
            if (item.isBlank()) {
                continue;
            }
            String number;
            if (b.depth() == 0 || top == 0) {
                top++;
                sub = 0;
                number = Integer.toString(top);
            } else {
                sub++;
                number = top + "." + sub;
            }
            entries.add(new Meeting.AgendaEntry(number, item, b.start(), b.end(), matchingSection(item, sections)));
        }
        if (entries.isEmpty() && header.get(Field.AGENDA) != null && !header.get(Field.AGENDA).isBlank()) {
            int n = 0;
            for (String item : header.get(Field.AGENDA).split("\\s*(;|\\d{1,2}[.)]\\s)\\s*")) {
                if (!item.isBlank()) {
                    n++;
                    entries.add(new Meeting.AgendaEntry(Integer.toString(n), item.strip(), -1, -1, matchingSection(item, sections)));
                }
            }
        }
        return entries;
    }

    private static final Pattern GROUP_NUMBER = Pattern.compile("(?i)\\bgroup\\s*(\\d{1,2})\\b");

    /**
     * The section whose title shares most content words with the agenda item, if enough; an item
     * and a title naming the same "Group N" always match.
     */
    private static int matchingSection(String item, List<Section> sections) {
        Matcher itemGroup = GROUP_NUMBER.matcher(item);
        if (itemGroup.find()) {
            for (Section s : sections) {
                Matcher titleGroup = s.title() == null ? null : GROUP_NUMBER.matcher(s.title());
                if (titleGroup != null && titleGroup.find() && titleGroup.group(1).equals(itemGroup.group(1))) {
                    return s.number();
                }
            }
        }
        Set<String> itemWords = contentWords(item);
        int best = 0;
        double bestScore = 0.6;
        for (Section s : sections) {
            if (s.title() == null) {
                continue;
            }
            Set<String> titleWords = contentWords(s.title());
            if (itemWords.isEmpty() || titleWords.isEmpty()) {
                continue;
            }
            Set<String> common = new HashSet<>(itemWords);
            common.retainAll(titleWords);
            double score = (double) common.size() / Math.min(itemWords.size(), titleWords.size());
            if (score > bestScore) {
                bestScore = score;
                best = s.number();
            }
        }
        return best;
    }

    private static final Set<String> STOPWORDS = Set.of("the", "of", "on", "and", "a", "an", "to", "for", "by", "in",
            "with", "from", "at", "mr", "ms", "mrs", "dr", "working", "presented");

    private static Set<String> contentWords(String s) {
        Set<String> words = new HashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 1 && !STOPWORDS.contains(w) || w.matches("\\d")) {
                words.add(w);
            }
        }
        return words;
    }

    private static List<Meeting.Action> actions(StructuredText text, List<TextBlock> zone, List<Section> sections) {
        List<Meeting.Action> actions = new ArrayList<>();
        List<TextBlock> blocks = text.blocks();
        boolean collecting = false;
        for (TextBlock b : blocks) {
            if (zone.contains(b)) {
                continue;
            }
            String s = text.textOf(b).strip();
            if (b.kind() == BlockKind.LIST_ITEM) {
                if (collecting && b.depth() == 0 && !s.isEmpty()) {
                    actions.add(action(actions.size() + 1, b.start(), b.end(), s, text, sections));
                }
                continue;
            }
            collecting = ACTION_HEADER.matcher(s).matches();
            Matcher inline = INLINE_ACTION.matcher(s);
            if (!collecting && inline.matches() && b.kind() == BlockKind.PARAGRAPH) {
                int start = b.start() + inline.start(2);
                actions.add(action(actions.size() + 1, start, b.end(), inline.group(2).strip(), text, sections));
            }
        }
        return actions;
    }

    private static Meeting.Action action(int number, int start, int end, String actionText, StructuredText text,
                                         List<Section> sections) {
        int section = 0;
        for (Section s : sections) {
            if (s.start() <= start && start < Math.max(s.end(), s.start() + 1)) {
                section = s.number(); // the innermost wins: sections are in document order
            }
        }
        return new Meeting.Action(number, actionText, start, end, ownerOf(actionText), section);
    }

    /** The owner an action point names at its start: "NRC to share ...", "Group 1 will review ...". */
    static String ownerOf(String action) {
        Matcher requested = REQUESTED_FROM.matcher(action);
        if (requested.matches()) {
            return requested.group(1).strip();
        }
        Matcher m = OWNER_THEN_MODAL.matcher(action);
        if (!m.matches()) {
            return null;
        }
        String owner = m.group(1).strip();
        String firstWord = owner.split("\\s+")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (IMPERATIVES.contains(firstWord) || !Character.isUpperCase(owner.charAt(0)) && !THE_OWNER.matcher(owner).matches()) {
            return null;
        }
        return owner;
    }

    private static List<Meeting.Person> people(String value) {
        List<Meeting.Person> people = new ArrayList<>();
        if (value == null) {
            return people;
        }
        for (String part : splitOutsideParentheses(value, true)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = PERSON_WITH_ORG.matcher(p);
            people.add(m.matches() ? new Meeting.Person(m.group(1).strip(), m.group(2).strip()) : new Meeting.Person(p, null));
        }
        return people;
    }

    private static List<String> agencies(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : splitOutsideParentheses(value, false)) {
                String a = part.strip().replaceFirst("(?i)^and\\s+", "").replaceAll("[.;]+$", "").strip();
                if (!a.isEmpty() && !out.contains(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * Splits at commas, semicolons and line breaks that are not inside parentheses; for lists of
     * people also at " and " and "&" (organisation names contain those).
     */
    private static List<String> splitOutsideParentheses(String value, boolean people) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth = Math.max(0, depth - 1);
            boolean and = people && value.startsWith(" and ", i);
            boolean separator = depth == 0 && (c == ',' || c == ';' || c == '\n' || people && c == '&' || and);
            if (separator) {
                parts.add(current.toString());
                current.setLength(0);
                if (and) {
                    i += 4;
                }
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    static Optional<LocalDate> parseDate(String text) {
        Matcher m = DATE_IN_TEXT.matcher(text);
        while (m.find()) {
            String candidate = m.group(1).replaceAll("(\\d)(st|nd|rd|th)", "$1").replace(",", "").replace(".", " ")
                    .replaceAll("\\s+", " ").strip();
            if (candidate.matches("\\d{1,2} \\d{1,2} \\d{4}")) {
                candidate = candidate.replace(' ', '/');
            }
            for (DateTimeFormatter f : DATE_FORMATS) {
                try {
                    return Optional.of(LocalDate.parse(candidate, f));
                } catch (DateTimeParseException ignored) {
                    // try the next layout
                }
            }
        }
        return Optional.empty();
    }

    /** "IM Working Group Meeting - Beirut, 4 April 2019" gives "Beirut". */
    private static String cityOf(String title) {
        Matcher m = CITY_IN_TITLE.matcher(title);
        return m.find() ? m.group(1).strip() : null;
    }
}
