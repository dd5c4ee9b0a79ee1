package org.knowledgehub.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knowledgehub.nlp.Mention;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.nlp.PersonalDataPatterns;

/**
 * Finds the personal data of a text that must be masked: what the patterns of the link stage found
 * (e-mail addresses, phone numbers, ID-like numbers), names of private persons among CoreNLP's
 * PERSON mentions, names after a title or in a kunya ("Mr. Haddad", "Umm Ali"), which need no
 * model, and every other occurrence of a name found so.
 *
 * <p>Precision comes first: what is masked is lost to search and answers. CoreNLP tags many village
 * and neighbourhood names as persons ("Bar Elias", "Bourj Hammoud", "Homs") and even pronouns, so
 * a PERSON mention counts only as a full name (a given and a family name), not one that starts like
 * a place name ("Bar", "Mar", "Bourj", "Khan"...) or follows "in", "from", "near"...; a single word
 * is masked only after a title or as a kunya. People named with their organisation ("Mira Haddad
 * from UNHCR", "Karim Nassar (UNHCR)") speak for an agency and are not masked, nor are the chairs
 * and minute takers of minutes, wherever they are named.
 */
final class PersonalDataFinder {

    /** A span of the text to mask. */
    record Span(int start, int end, PersonalDataKind kind) {
    }

    /**
     * @param spans    what to mask, in text order, never overlapping
     * @param mentions the mentions with the PERSON mentions that are not private persons' names
     *                 dropped and the names found here added
     */
    record Found(List<Span> spans, List<Mention> mentions) {
    }

    private static final String WORD = "\\p{Lu}[\\p{L}'’-]*+";
    /** "Mr. Haddad", "Dr Rana Khaddour": the name after the title is masked. */
    private static final Pattern TITLED = Pattern.compile(
            "\\b(?:(?:Mr|Mrs|Ms|Mme|Mlle|Dr)\\.?|Miss|Madame)[ \\t]+(" + WORD + "(?:[ \\t]" + WORD + "){0,2})");
    /** "Abu Khaled", "Umm Ali": the kunya is the name, masked whole. */
    private static final Pattern KUNYA = Pattern.compile("\\b(?:Abu|Abou|Umm|Oum)[ \\t]+" + WORD + "(?:[ \\t]" + WORD + ")?");
    /** What every name {@link #TITLED} or {@link #KUNYA} finds starts with. */
    private static final Map<Pattern, List<String>> OPENERS = Map.of(
            TITLED, List.of("Mr", "Ms", "Mme", "Mlle", "Dr", "Miss", "Madame"), KUNYA, List.of("Abu", "Abou", "Umm", "Oum"));
    /** Words before a place name. */
    private static final Pattern LOCATIVE = Pattern.compile(
            "(?i)\\b(?:in|at|near|from|to|towards|around|outside|inside|across|via|into|between)\\s+$");
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+([\\p{L}]+)");
    /** What may stand between a person's name and their organisation: "(UNHCR)", "from UNHCR", ", WFP". */
    private static final Pattern BEFORE_ORGANISATION = Pattern.compile("^\\s*(?:\\(\\s*|,\\s*|[-–]\\s*|(?i:from|of|at|with)\\s+)?");
    /** First words of place names in Lebanon and Syria, which CoreNLP takes for given names. */
    private static final Set<String> PLACE_WORDS = Set.of("bar", "mar", "bab", "bourj", "burj", "borj", "jabal", "jbal",
            "jebel", "khan", "majdel", "majdal", "deir", "kfar", "ain", "aïn", "ein", "tell", "tal", "haret", "hay", "nahr",
            "wadi", "ras", "qornet", "beit", "bir", "souk", "souq", "marj", "joub", "saint", "st", "el", "al", "camp", "mount",
            "mont", "sin", "zouk", "dahr", "hosh", "haouch", "hawsh", "qaa", "mina", "tripoli", "sahel", "mazraat", "kafr");
    /** Places named like a kunya, which no preposition may announce ("Abu Samra and Tell"). */
    private static final Set<String> PLACE_KUNYAS = Set.of("abu samra", "abou samra", "abu dhabi", "abu kamal", "abu dhour",
            "umm qasr");
    /** Words after a name that make it the name of a place or an institution: "Rafik Hariri Hospital". */
    private static final Set<String> INSTITUTION_WORDS = Set.of("hospital", "university", "street", "road", "square", "camp",
            "school", "centre", "center", "foundation", "airport", "stadium", "highway", "bridge", "mosque", "church",
            "municipality", "association", "district", "village", "town", "city", "settlement", "avenue", "clinic");
    /** Lower-case words inside a name: "Ahmad al Hassan", "Fatima bint Ali". */
    private static final Set<String> PARTICLES = Set.of("al", "el", "bin", "ibn", "bint", "abu", "abou", "de", "la", "van", "von");

    private PersonalDataFinder() {
    }

    /**
     * @param staffNames names of people who are not affected people (the chairs and minute takers
     *                   of minutes): never masked
     * @param headerEnd  where the header of minutes ends (0 for other documents): names in it are
     *                   the meeting's people
     */
    static Found find(String text, List<Mention> mentions, Set<String> staffNames, int headerEnd) {
        List<Mention> others = mentions.stream()
                .filter(m -> m.type() != MentionType.PERSON && m.type() != MentionType.PERSONAL_DATA).toList();
        Context c = new Context(text, others, staffNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList(), headerEnd);
        List<Mention> kept = new ArrayList<>(others);
        List<Span> spans = new ArrayList<>();
        Map<String, PersonalDataKind> names = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.type() == MentionType.PERSONAL_DATA) {
                kept.add(m);
                spans.add(new Span(m.start(), m.end(), PersonalDataPatterns.kindOf(m.text()).map(PersonalDataKind::of)
                        .orElse(PersonalDataKind.ID_NUMBER)));
            } else if (m.type() == MentionType.PERSON && c.isPrivateName(m.start(), m.end()) && fullName(m.text())) {
                kept.add(m);
                spans.add(new Span(m.start(), m.end(), PersonalDataKind.NAME));
                names.put(m.text(), PersonalDataKind.NAME);
            }
        }
        for (Pattern p : List.of(TITLED, KUNYA)) {
            if (OPENERS.get(p).stream().noneMatch(text::contains)) {
                continue; // most texts name no one by a title or a kunya: not searched word by word
            }
            Matcher matcher = p.matcher(text);
            while (matcher.find()) {
                int group = p == TITLED ? 1 : 0;
                int start = matcher.start(group);
                int end = c.cutAtMention(start, matcher.end(group));
                boolean kunya = p == KUNYA;
                if (end <= start || kunya && PLACE_KUNYAS.stream().anyMatch(place -> text.regionMatches(true, start, place, 0,
                        place.length()))) {
                    continue;
                }
                if (c.isPrivateName(start, end)) {
                    addName(text, start, end, spans, kept, names);
                }
            }
        }
        // A name found once is masked wherever else it stands, the header of minutes included (an agenda
        // item about a case names the person the discussion masks).
        for (String name : List.copyOf(names.keySet())) {
            Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])").matcher(text);
            while (matcher.find()) {
                if (c.isPrivateNameInHeaderOrBody(matcher.start(), matcher.end())) {
                    addName(text, matcher.start(), matcher.end(), spans, kept, names);
                }
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        kept.sort(Comparator.comparingInt(Mention::start));
        return new Found(List.copyOf(spans), List.copyOf(kept));
    }

    private static void addName(String text, int start, int end, List<Span> spans, List<Mention> mentions,
                                Map<String, PersonalDataKind> names) {
        if (spans.stream().anyMatch(s -> s.start() < end && start < s.end())) {
            return;
        }
        spans.add(new Span(start, end, PersonalDataKind.NAME));
        // A PERSON mention CoreNLP did not make (or made elsewhere): the passage must be flagged too.
        mentions.removeIf(m -> m.type() == MentionType.PERSON && m.overlaps(start, end));
        mentions.add(new Mention(start, end, text.substring(start, end), MentionType.PERSON, null, null, 0.7, false, "pattern"));
        names.putIfAbsent(text.substring(start, end), PersonalDataKind.NAME);
    }

    /** A given and a family name, each capitalised, with particles between ("Ahmad al Hassan"), not a place's name. */
    static boolean fullName(String surface) {
        String[] tokens = surface.strip().split("\\s+");
        if (tokens.length < 2) {
            return false;
        }
        if (PLACE_WORDS.contains(tokens[0].toLowerCase(Locale.ROOT).replaceAll("[-'’]+$", ""))
                || PLACE_WORDS.contains(tokens[0].toLowerCase(Locale.ROOT).split("[-'’]")[0])) {
            return false;
        }
        for (int i = 0; i < tokens.length; i++) {
            boolean edge = i == 0 || i == tokens.length - 1;
            if (!capitalised(tokens[i]) && (edge || !PARTICLES.contains(tokens[i].toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean capitalised(String token) {
        return token.length() >= 2 && Character.isUpperCase(token.codePointAt(0))
                && token.codePoints().allMatch(cp -> Character.isLetter(cp) || cp == '-' || cp == '\'' || cp == '’' || cp == '.');
    }

    /** What the decision on one candidate name reads. */
    private record Context(String text, List<Mention> others, List<String> staff, int headerEnd) {

        /** Not in the header of minutes, not staff, not a place's or an institution's name, not overlapping another mention. */
        boolean isPrivateName(int start, int end) {
            return start >= headerEnd && isPrivateNameInHeaderOrBody(start, end);
        }

        /** The same, wherever it stands: for a name already known to be private. */
        boolean isPrivateNameInHeaderOrBody(int start, int end) {
            if (others.stream().anyMatch(m -> m.overlaps(start, end))) {
                return false;
            }
            String name = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (staff.stream().anyMatch(s -> s.contains(name) || name.contains(s))) {
                return false;
            }
            if (LOCATIVE.matcher(text.substring(Math.max(0, start - 12), start)).find()) {
                return false;
            }
            Matcher next = NEXT_WORD.matcher(text.substring(end, Math.min(text.length(), end + 30)));
            if (next.find() && INSTITUTION_WORDS.contains(next.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
            return !namedWithOrganisation(end);
        }

        /** "Mira Haddad from UNHCR", "Karim Nassar (UNHCR)": someone speaking for an agency. */
        private boolean namedWithOrganisation(int end) {
            Matcher join = BEFORE_ORGANISATION.matcher(text.substring(end, Math.min(text.length(), end + 12)));
            if (!join.lookingAt()) {
                return false;
            }
            int at = end + join.end();
            return others.stream().anyMatch(m -> m.type() == MentionType.ORGANISATION && m.start() == at);
        }

        /** Ends a candidate before another mention inside it ("Mr. Haddad UNHCR" is "Haddad"). */
        int cutAtMention(int start, int end) {
            int cut = end;
            for (Mention m : others) {
                if (m.start() > start && m.start() < cut) {
                    cut = m.start();
                }
            }
            while (cut > start && Character.isWhitespace(text.charAt(cut - 1))) {
                cut--;
            }
            return cut;
        }
    }
}
