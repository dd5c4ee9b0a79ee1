package org.knowledgehub.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.HubProperties;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.ontology.Ontology;
import org.knowledgehub.ontology.Schemes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the names and terms of the ontology's SKOS schemes in a text, built at start-up from their
 * labels: a new altLabel in {@code ontology/} is recognised without code changes.
 *
 * <p>How a label matches depends on what it is. Names of places and organisations match word for
 * word, case folded, but must start with a capital in the text ("Tyre" the city, not "tyres").
 * Acronyms ("WFP", "WASH", "B.O.T") must be written in capitals. The vocabulary of sectors,
 * population groups and indicators matches whatever the case, singular or plural. The longest
 * match wins; a name two concepts share goes to the one marked {@code kh:preferredForSharedName};
 * "North" and "South" name regions only where the text uses them as regions ("in the North"); and
 * a name that also names places abroad ({@code kh:sharedAbroad}: Tripoli, Saïda...) names the
 * Lebanese place only in a text about Lebanon; a name that is also a common word ({@code kh:alsoCommonWord}:
 * الخيام, Khiam or "the tents") names the place only where the text makes it one.
 */
@Component
public class Gazetteer {

    private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);

    private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern ACRONYM = Pattern.compile("^[\\p{Lu}\\d][\\p{Lu}\\d.&'\\-]*[\\p{Lu}\\d.]$");
    /** Region names that are also plain English words: only "the North", "in the South"... */
    private static final Set<String> COMPASS_REGIONS = Set.of("north", "south", "nord", "sud");
    private static final Set<String> REGION_ANCHORS = Set.of("the", "in", "from", "to", "of", "au", "du", "dans", "le", "la");
    /** Words that say a text is about Lebanon, so names shared abroad mean the Lebanese places. */
    private static final Set<String> LEBANON = Set.of("lebanon", "lebanese", "liban", "libanais", "libanaise", "لبنان", "اللبناني");
    private static final Set<String> REGION_FOLLOWERS = Set.of("lebanon", "liban", "governorate", "gouvernorat");
    /** Words before a name that make it a place ("بلدة الخيام", "in the town of"), folded. */
    private static final Set<String> PLACE_WORDS = Set.of("بلده", "قريه", "مدينه", "منطقه", "بلديه", "town", "village", "ville",
            "municipality", "municipalite", "commune");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟۔\\n]");
    /** Words after a name that place it in a district or governorate ("الخيام في قضاء مرجعيون"), folded. */
    private static final Set<String> DISTRICT_WORDS = Set.of("قضاء", "محافظه", "district", "caza", "qada", "governorate");

    enum Mode { NAME, ACRONYM, VOCABULARY }

    /**
     * @param capitalAt the first word of a name the text must capitalise: the first one the label
     *                  itself capitalises ("Tripoli" in "city of Tripoli")
     */
    private record Entry(List<String> keys, String concept, MentionType type, Mode mode, boolean preferred, boolean hidden,
                         boolean sharedAbroad, boolean commonWord, int capitalAt) {
    }

    /**
     * A word of the text: letters, marks and digits between other characters.
     *
     * @param bares the word without the Arabic conjunctions and prepositions written attached to
     *              it ("وبزحلة": "بزحلة", "زحلة"; see {@link ArabicClitics}); empty for other words
     */
    private record Piece(int start, int end, String original, String folded, String stem, List<ArabicClitics.Bare> bares) {

        /** Whether the word, or one of its bare forms, is {@code key} (as a name, or as vocabulary by its stem). */
        boolean is(String key, boolean vocabulary, boolean first) {
            if ((vocabulary ? stem : folded).equals(key)) {
                return true;
            }
            return first && bares.stream().anyMatch(b -> (vocabulary ? Gazetteer.stem(b.word()) : b.word()).equals(key));
        }

        /** Letters before the name: those of the clitics the match went past, in the text as written. */
        int offsetOf(String key, boolean vocabulary) {
            if ((vocabulary ? stem : folded).equals(key)) {
                return 0;
            }
            int removed = bares.stream().filter(b -> (vocabulary ? Gazetteer.stem(b.word()) : b.word()).equals(key))
                    .mapToInt(ArabicClitics.Bare::removed).findFirst().orElse(0);
            int at = 0;
            for (int letters = 0; letters < removed && at < original.length(); at++) {
                letters += Character.getType(original.charAt(at)) == Character.NON_SPACING_MARK ? 0 : 1;
            }
            return at;
        }
    }

    /** A span of the text that names a concept. */
    public record Match(int start, int end, String concept, MentionType type, boolean hiddenLabel, boolean sharedAbroad) {
    }

    private final Map<String, List<Entry>> byFolded = new HashMap<>();
    private final Map<String, List<Entry>> byStem = new HashMap<>();
    /** The sectors each indicator belongs to (dcterms:subject). */
    private final Map<String, List<String>> indicatorSectors = new HashMap<>();
    private final String fingerprint;

    public Gazetteer(Ontology ontology, HubProperties hub) {
        Model m = ontology.model();
        String base = hub.base();
        int entries = 0;
        entries += add(m, Schemes.areas(base), MentionType.PLACE);
        entries += add(m, Schemes.organisations(base), MentionType.ORGANISATION);
        entries += add(m, Schemes.sectors(base), MentionType.SECTOR);
        entries += add(m, Schemes.populations(base), MentionType.POPULATION);
        entries += add(m, Schemes.indicators(base), MentionType.INDICATOR);
        for (List<Entry> list : byFolded.values()) {
            list.sort(Comparator.comparingInt((Entry e) -> e.keys().size()).reversed());
        }
        for (List<Entry> list : byStem.values()) {
            list.sort(Comparator.comparingInt((Entry e) -> e.keys().size()).reversed());
        }
        m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(Schemes.indicators(base))).forEach(indicator ->
                indicatorSectors.put(indicator.getURI(), indicator.listProperties(DCTerms.subject)
                        .mapWith(st -> st.getResource().getURI()).toList()));
        this.fingerprint = ontology.fingerprint().substring(0, 12);
        log.info("Gazetteer built from the ontology: {} labels", entries);
    }

    /** The sectors an indicator belongs to: a passage about the indicator speaks of them. */
    public List<String> sectorsOf(String indicator) {
        return indicatorSectors.getOrDefault(indicator, List.of());
    }

    /** Identifies the labels the gazetteer was built from, for provenance. */
    public String version() {
        return "gazetteer " + fingerprint;
    }

    private int add(Model m, String scheme, MentionType type) {
        int count = 0;
        for (Resource concept : m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(scheme)).toList()) {
            boolean preferred = concept.hasLiteral(KH.preferredForSharedName, true);
            Set<String> sharedAbroad = new HashSet<>();
            concept.listProperties(KH.sharedAbroad).forEach(st -> sharedAbroad.add(LabelFolding.fold(st.getString())));
            Set<String> commonWords = new HashSet<>();
            concept.listProperties(KH.alsoCommonWord).forEach(st -> commonWords.add(LabelFolding.fold(st.getString())));
            for (Property p : List.of(SKOS.prefLabel, SKOS.altLabel, KH.acronym, SKOS.hiddenLabel)) {
                for (RDFNode label : m.listObjectsOfProperty(concept, p).toList()) {
                    String text = label.isLiteral() ? label.asLiteral().getString() : null;
                    if (text != null && addLabel(text, concept.getURI(), type, preferred, p.equals(SKOS.hiddenLabel),
                            sharedAbroad.contains(LabelFolding.fold(text)), commonWords.contains(LabelFolding.fold(text)))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private boolean addLabel(String label, String concept, MentionType type, boolean preferred, boolean hidden,
                             boolean sharedAbroad, boolean commonWord) {
        List<Piece> pieces = pieces(label);
        if (pieces.isEmpty()) {
            return false;
        }
        boolean names = type == MentionType.PLACE || type == MentionType.ORGANISATION;
        Mode mode = ACRONYM.matcher(label.strip()).matches() && label.strip().length() >= 2 ? Mode.ACRONYM
                : names ? Mode.NAME : Mode.VOCABULARY;
        if (mode == Mode.VOCABULARY && String.join("", pieces.stream().map(Piece::folded).toList()).length() < 4) {
            return false; // too short to mean anything on its own
        }
        List<String> keys = pieces.stream().map(mode == Mode.VOCABULARY ? Piece::stem : Piece::folded).toList();
        int capitalAt = 0;
        while (capitalAt < pieces.size() - 1 && Character.isLowerCase(pieces.get(capitalAt).original().charAt(0))) {
            capitalAt++;
        }
        Entry entry = new Entry(keys, concept, type, mode, preferred, hidden, sharedAbroad, commonWord, capitalAt);
        (mode == Mode.VOCABULARY ? byStem : byFolded).computeIfAbsent(keys.getFirst(), k -> new ArrayList<>()).add(entry);
        return true;
    }

    /** Every name or term of the vocabularies in the text, leftmost-longest, not overlapping. */
    public List<Match> find(String text) {
        return find(text, false);
    }

    /**
     * @param aboutLebanon the text is known to be about Lebanon (a question put to the hub), so
     *                     names shared with places abroad mean the Lebanese places
     */
    public List<Match> find(String text, boolean aboutLebanon) {
        List<Piece> pieces = pieces(text);
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            int bestLength = 0;
            List<Entry> tied = new ArrayList<>();
            for (Entry e : candidates(pieces.get(i))) {
                int n = e.keys().size();
                if (n < bestLength || !matchesAt(e, pieces, i, text)) {
                    continue;
                }
                if (n > bestLength) {
                    bestLength = n;
                    tied.clear();
                }
                tied.add(e);
            }
            Entry best = choose(tied);
            if (best == null) {
                i++;
                continue;
            }
            Piece first = pieces.get(i);
            Piece last = pieces.get(i + bestLength - 1);
            int start = first.start() + first.offsetOf(best.keys().getFirst(), best.mode() == Mode.VOCABULARY);
            matches.add(new Match(start, last.end(), best.concept(), best.type(), best.hidden(), best.sharedAbroad()));
            i += bestLength;
        }
        if (!aboutLebanon && matches.stream().anyMatch(Match::sharedAbroad) && !aboutLebanon(pieces, matches)) {
            matches.removeIf(Match::sharedAbroad);
        }
        return matches;
    }

    /** The text names Lebanon, or an area of Lebanon whose name no place abroad shares. */
    private static boolean aboutLebanon(List<Piece> pieces, List<Match> matches) {
        return pieces.stream().anyMatch(p -> LEBANON.contains(p.folded()))
                || matches.stream().anyMatch(m -> m.type() == MentionType.PLACE && !m.sharedAbroad());
    }

    private List<Entry> candidates(Piece piece) {
        List<Entry> out = new ArrayList<>(byFolded.getOrDefault(piece.folded(), List.of()));
        out.addAll(byStem.getOrDefault(piece.stem(), List.of()));
        if (out.isEmpty()) {
            // A bare form only when the word as written names nothing: "بعلبك" is Baalbek, not ب + "علبك".
            for (ArabicClitics.Bare bare : piece.bares()) {
                out.addAll(byFolded.getOrDefault(bare.word(), List.of()));
                out.addAll(byStem.getOrDefault(stem(bare.word()), List.of()));
            }
        }
        return out;
    }

    private boolean matchesAt(Entry e, List<Piece> pieces, int at, String text) {
        if (at + e.keys().size() > pieces.size()) {
            return false;
        }
        for (int k = 0; k < e.keys().size(); k++) {
            Piece p = pieces.get(at + k);
            if (!p.is(e.keys().get(k), e.mode() == Mode.VOCABULARY, k == 0)) {
                return false;
            }
            if (e.mode() == Mode.ACRONYM && !p.original().equals(p.original().toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        if (e.mode() == Mode.NAME) {
            char c = pieces.get(at + e.capitalAt()).original().charAt(0);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (e.type() == MentionType.PLACE && e.keys().size() == 1 && COMPASS_REGIONS.contains(e.keys().getFirst())) {
                return usedAsRegion(pieces, at);
            }
            if (e.commonWord()) {
                return usedAsPlace(pieces, at, at + e.keys().size(), text);
            }
        }
        return true;
    }

    /**
     * A name that is also a common word is a place when a place word stands before it ("بلدة الخيام", "ببلدة
     * الخيام", "the village of Khiam") or a district word or a name of a place without that ambiguity after it
     * ("الخيام في قضاء مرجعيون", "الخيام، مرجعيون"); "تعيش الأسر في الخيام" ("in the tents") names no place.
     */
    private boolean usedAsPlace(List<Piece> pieces, int at, int end, String text) {
        for (int k = Math.max(0, at - 2); k < at; k++) {
            Piece before = pieces.get(k);
            if (PLACE_WORDS.contains(before.folded()) || before.bares().stream().anyMatch(b -> PLACE_WORDS.contains(b.word()))) {
                return true;
            }
        }
        for (int k = end; k < Math.min(pieces.size(), end + 2); k++) {
            Piece after = pieces.get(k);
            if (SENTENCE_END.matcher(text.substring(pieces.get(k - 1).end(), after.start())).find()) {
                return false;
            }
            boolean place = k == end && byFolded.getOrDefault(after.folded(), List.of()).stream()
                    .anyMatch(x -> x.type() == MentionType.PLACE && !x.commonWord() && x.mode() == Mode.NAME);
            if (place || DISTRICT_WORDS.contains(after.folded())) {
                return true;
            }
        }
        return false;
    }

    /** "in the North", "the South governorate"; not "North of the river" nor "South Africa". */
    private static boolean usedAsRegion(List<Piece> pieces, int at) {
        boolean anchored = at > 0 && REGION_ANCHORS.contains(pieces.get(at - 1).folded());
        if (!anchored) {
            return false;
        }
        if (at + 1 < pieces.size()) {
            Piece next = pieces.get(at + 1);
            return !Character.isUpperCase(next.original().charAt(0)) || REGION_FOLLOWERS.contains(next.folded());
        }
        return true;
    }

    /** Among matches of the same length: one concept, or the preferred one, or a shown label over a hidden one. */
    private static Entry choose(List<Entry> tied) {
        if (tied.isEmpty()) {
            return null;
        }
        if (tied.stream().map(Entry::concept).distinct().count() == 1) {
            return tied.stream().filter(e -> !e.hidden()).findFirst().orElse(tied.getFirst());
        }
        List<Entry> preferred = tied.stream().filter(Entry::preferred).toList();
        if (preferred.stream().map(Entry::concept).distinct().count() == 1) {
            return preferred.getFirst();
        }
        List<Entry> shown = tied.stream().filter(e -> !e.hidden()).toList();
        if (shown.stream().map(Entry::concept).distinct().count() == 1) {
            return shown.getFirst();
        }
        return null; // ambiguous: better no link than a wrong one
    }

    private static List<Piece> pieces(String text) {
        List<Piece> out = new ArrayList<>();
        Matcher m = PIECE.matcher(text);
        while (m.find()) {
            String original = m.group();
            String folded = LabelFolding.fold(original);
            if (!folded.isEmpty()) {
                out.add(new Piece(m.start(), m.end(), original, folded, stem(folded), ArabicClitics.withoutPrefixes(folded)));
            }
        }
        return out;
    }

    /**
     * Singular of English plurals by Harman's S-stemmer ("latrines" -> "latrine", "families" ->
     * "family", "evictions" -> "eviction"), the rule Lucene's minimal English stemmer applies; an
     * Arabic word without its article ("المياه" -> "مياه").
     */
    static String stem(String w) {
        if (!w.isEmpty() && Character.UnicodeScript.of(w.charAt(0)) == Character.UnicodeScript.ARABIC) {
            return ArabicClitics.withoutArticle(w);
        }
        int n = w.length();
        if (n < 3 || w.charAt(n - 1) != 's') {
            return w;
        }
        if (w.endsWith("ies") && !w.endsWith("eies") && !w.endsWith("aies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("es") && !w.endsWith("aes") && !w.endsWith("ees") && !w.endsWith("oes")) {
            return w.substring(0, n - 1);
        }
        if (!w.endsWith("us") && !w.endsWith("ss")) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
