package org.knowledgehub.nlp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * Turns a text into mentions linked to the ontology: the gazetteer's names and terms first, then
 * what CoreNLP's NER adds (organisations the vocabulary lacks, places abroad, persons, dates
 * normalised by SUTime, percentages and amounts), then personal data found by patterns. Where
 * two overlap, the gazetteer wins over patterns, and patterns over CoreNLP.
 */
@Component
public class EntityLinker {

    static final double GAZETTEER_LABEL = 0.95;
    static final double GAZETTEER_HIDDEN = 0.85;
    static final double NER_ONLY = 0.6;

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?$");
    private static final Pattern MONTH_WITHOUT_YEAR = Pattern.compile("^XXXX-(\\d{2})(-\\d{2})?$");
    static final Pattern YEAR_RANGE = Pattern.compile("\\b((?:19|20)\\d{2})\\s?[-–/]\\s?((?:19|20)\\d{2}|\\d{2})\\b");
    private static final Pattern RANGE_OPENER = Pattern.compile("(?i)\\b(between|from)\\s+$");
    private static final Pattern RANGE_JOINER = Pattern.compile("(?i)^\\s*(and|to|until|till|through|-|–)\\s*$");
    static final Pattern AMOUNT = Pattern.compile(
            "(?i)\\b(?:LBP|LL|L\\.L\\.|USD|US\\$|EUR)\\s?\\d[\\d,.]*(?:\\s?(?:million|billion|thousand|k|m))?\\b"
                    + "|\\$\\s?\\d[\\d,.]*(?:\\s?(?:million|billion))?"
                    + "|\\b\\d[\\d,.]*\\s?(?:LBP|USD|dollars|Lebanese pounds)\\b");
    static final Pattern COUNT = Pattern.compile("\\b\\d{1,3}(?:,\\d{3})+\\b|\\b\\d+\\b(?=\\s+(?:households|families|"
            + "individuals|people|persons|children|refugees|sites|settlements|schools|students|shelters|tents|"
            + "latrines|wells|trucks|shops|beneficiaries|cases)\\b)");
    /**
     * Capitalised words ending in Association, Network, Foundation... with the complement that
     * follows ("Akkar Network for Development"); never across a line break. "and" is not part of a
     * name: "UNHCR and the Akkar Network" names two organisations.
     */
    private static final Pattern ORGANISATION_NAME = Pattern.compile(
            "(?:\\p{Lu}[\\p{L}'’.&-]*[^\\S\\n]+(?:(?:for|of|the|de|du|des|el|al|pour)[^\\S\\n]+)*){1,6}"
                    + "(?:Association|Network|Foundation|Society|Organi[sz]ation|Co-?operative|Institute|Federation|"
                    + "Alliance|Initiative|Coalition|Collective|Movement|Fondation|Réseau)\\b"
                    + "(?:[^\\S\\n]+(?:for|of|pour)[^\\S\\n]+(?:the[^\\S\\n]+)?\\p{Lu}[\\p{L}'’-]*(?:[^\\S\\n]+\\p{Lu}[\\p{L}'’-]*){0,3})?");
    /** Where a span NER took for one organisation joins several: "UNHCR and the Akkar Network". */
    private static final Pattern JOINED_NAMES = Pattern.compile("\\s*(?:,|;|\\band\\b|&)\\s*(?:the\\s+)?");
    /** Words that make an "organisation" CoreNLP found a body of the response, not an organisation. */
    private static final Set<String> NOT_ORGANISATIONS = Set.of("sector", "sectors", "working", "group", "team", "committee",
            "unit", "cluster", "task", "force", "government", "municipality", "hub", "inter", "partners", "ministry");

    private final Gazetteer gazetteer;
    private final OrganisationDirectory organisations;
    private final CoreNlpEngine engine;

    public EntityLinker(Gazetteer gazetteer, OrganisationDirectory organisations, CoreNlpEngine engine) {
        this.gazetteer = gazetteer;
        this.organisations = organisations;
        this.engine = engine;
    }

    /** Annotates the text with CoreNLP, then links it; for one-off texts (the gold set, questions). */
    public List<Mention> link(String text, LocalDate documentDate) {
        return link(text, engine.entities(text, documentDate, percent -> { }));
    }

    /**
     * @param named CoreNLP's named entities of {@code text}, or null to link with the gazetteer and
     *              patterns only
     */
    public List<Mention> link(String text, List<NamedEntity> named) {
        // CoreNLP's probability for each organisation it found, kept for scoring the mention.
        Map<Mention, Double> nerProbabilities = new IdentityHashMap<>();
        MentionsByStart kept = new MentionsByStart();
        for (Gazetteer.Match g : gazetteer.find(text)) {
            kept.add(new Mention(g.start(), g.end(), text.substring(g.start(), g.end()), g.type(), g.concept(), null,
                    g.hiddenLabel() ? GAZETTEER_HIDDEN : GAZETTEER_LABEL, false, "gazetteer"));
        }
        for (Mention org : organisationNames(text)) {
            // "Sanabel Bekaa Association": the name of an organisation, not a mention of the Bekaa.
            boolean coveredByAName = kept.overlapping(org).stream().anyMatch(m -> m.type() == MentionType.ORGANISATION
                    && m.end() - m.start() >= org.end() - org.start());
            if (!coveredByAName) {
                kept.overlapping(org).forEach(kept::remove);
                kept.add(org);
            }
        }
        DigitWindows figures = new DigitWindows(text);
        kept.addWhereFree(PersonalDataPatterns.find(text, figures));
        kept.addWhereFree(yearRanges(figures));
        kept.addWhereFree(ArabicDates.find(text));
        kept.addWhereFree(amounts(figures));
        if (named != null) {
            kept.addWhereFree(fromNer(text, named, nerProbabilities));
        }
        List<Mention> mentions = kept.all();
        List<Mention> found = List.copyOf(mentions);
        mentions.replaceAll(m -> m.type() == MentionType.ORGANISATION ? scored(text, m, nerProbabilities.get(m), found) : m);
        // An indicator belongs to sectors: "the share below the SMEB" speaks of basic assistance.
        List<Mention> implied = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.type() == MentionType.INDICATOR) {
                for (String sector : gazetteer.sectorsOf(m.link())) {
                    implied.add(new Mention(m.start(), m.end(), m.text(), MentionType.SECTOR, sector, null, m.confidence(), false,
                            m.source()));
                }
            }
        }
        mentions.addAll(implied);
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    /** The organisation mention with its confidence ({@link OrganisationConfidence}) computed from all the evidence. */
    private Mention scored(String text, Mention m, Double nerProbability, List<Mention> found) {
        double name = m.link() != null ? OrganisationConfidence.knownName(m.text(), organisations.names(m.link()))
                : OrganisationConfidence.unknownName(m.text());
        double confidence = OrganisationConfidence.score(name, nerProbability,
                OrganisationConfidence.context(text, m.start(), m.end(), found));
        return new Mention(m.start(), m.end(), m.text(), m.type(), m.link(), m.value(), confidence, m.unreviewed(), m.source());
    }

    /**
     * Names built like organisations' names: capitalised words ending in Association, Network,
     * Foundation, Cooperative... The vocabulary's organisation, or a new one for review.
     */
    private List<Mention> organisationNames(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = ORGANISATION_NAME.matcher(text);
        while (m.find()) {
            String name = m.group().strip();
            int start = m.start() + m.group().indexOf(name);
            Optional<Resource> known = organisations.resolve(name);
            if (known.isEmpty() && organisations.isRejected(name)) {
                continue;
            }
            out.add(new Mention(start, start + name.length(), name, MentionType.ORGANISATION,
                    known.map(Resource::getURI).orElse(null), null, NER_ONLY, known.isEmpty(), "pattern"));
        }
        return out;
    }

    /**
     * Mentions by where they start, so that finding those a new one overlaps looks at its
     * neighbourhood only: a 15 MB document has hundreds of thousands of mentions, and scanning them
     * all for each new one took longer than annotating the document.
     */
    private static final class MentionsByStart {

        private final TreeMap<Integer, List<Mention>> byStart = new TreeMap<>();
        private int longest;

        void add(Mention m) {
            byStart.computeIfAbsent(m.start(), k -> new ArrayList<>(1)).add(m);
            longest = Math.max(longest, m.end() - m.start());
        }

        void remove(Mention m) {
            List<Mention> at = byStart.get(m.start());
            at.remove(m);
            if (at.isEmpty()) {
                byStart.remove(m.start());
            }
        }

        /** Those that overlap {@code m}: none starts more than the longest mention's length before it. */
        List<Mention> overlapping(Mention m) {
            List<Mention> out = new ArrayList<>();
            byStart.subMap(m.start() - longest, true, m.end(), false).values()
                    .forEach(at -> at.stream().filter(m::overlaps).forEach(out::add));
            return out;
        }

        /** Adds the candidates that overlap no mention already kept. */
        void addWhereFree(List<Mention> candidates) {
            for (Mention c : candidates) {
                if (overlapping(c).isEmpty()) {
                    add(c);
                }
            }
        }

        List<Mention> all() {
            List<Mention> out = new ArrayList<>();
            byStart.values().forEach(out::addAll);
            return out;
        }
    }

    private List<Mention> fromNer(String text, List<NamedEntity> entities, Map<Mention, Double> nerProbabilities) {
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            NamedEntity e = entities.get(i);
            int start = e.start();
            int end = e.end();
            String surface = text.substring(start, end);
            switch (e.type()) {
                case "PERSON" -> out.add(new Mention(start, end, surface, MentionType.PERSON, null, null, 0.8, false, "corenlp"));
                case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" ->
                        out.add(new Mention(start, end, surface, MentionType.PLACE, null, null, NER_ONLY, false, "corenlp"));
                case "ORGANIZATION" -> organisations(start, end, surface).forEach(o -> {
                    out.add(o);
                    nerProbabilities.put(o, e.probability());
                });
                case "PERCENT" -> out.add(new Mention(start, end, surface, MentionType.QUANTITY, null,
                        TokenFigures.western(surface).replace('٪', '%').replaceAll("\\s", "").replace("percent", "%")
                                .replace("per cent", "%"), 0.9, false, "corenlp"));
                case "DATE" -> {
                    Mention date = date(e, start, end, surface);
                    if (date == null) {
                        continue;
                    }
                    // "between March and May 2021", "from June to August 2020": one period.
                    if (i + 1 < entities.size() && "DATE".equals(entities.get(i + 1).type())) {
                        NamedEntity next = entities.get(i + 1);
                        String gap = text.substring(end, next.start());
                        String before = text.substring(Math.max(0, start - 10), start);
                        Mention second = date(next, next.start(), next.end(), text.substring(next.start(), next.end()));
                        if (second != null && RANGE_JOINER.matcher(gap).matches() && RANGE_OPENER.matcher(before).find()) {
                            String from = date.value().length() == 7 && date.value().startsWith("XXXX")
                                    ? second.value().substring(0, 4) + date.value().substring(4) : date.value();
                            int rangeStart = start - RANGE_OPENER.matcher(before).results().findFirst().map(r -> before.length() - r.start()).orElse(0);
                            out.add(new Mention(rangeStart, second.end(), text.substring(rangeStart, second.end()),
                                    MentionType.DATE, null, from + "/" + second.value(), 0.85, false, "corenlp"));
                            i++;
                            continue;
                        }
                    }
                    if (!date.value().startsWith("XXXX")) {
                        out.add(date);
                    }
                }
                default -> {
                    // MISC, NATIONALITY, NUMBER and the like are not mentions the hub links
                }
            }
        }
        return out;
    }

    /**
     * An organisation CoreNLP found: the directory's (by one of its names, else by a name close to
     * one), or a proposal for review unless reviewers rejected the name. A span across a line
     * break is two fragments, not a name; a span that joins names ("UNHCR and the Akkar Network")
     * is read name by name.
     */
    private List<Mention> organisations(int start, int end, String surface) {
        if (surface.contains("\n")) {
            return List.of();
        }
        Optional<Mention> whole = organisation(start, end, surface);
        if (whole.isPresent() && whole.get().link() != null) {
            return List.of(whole.get());
        }
        List<Mention> parts = new ArrayList<>();
        Matcher joint = JOINED_NAMES.matcher(surface);
        int from = 0;
        while (joint.find()) {
            organisation(start + from, start + joint.start(), surface.substring(from, joint.start())).ifPresent(parts::add);
            from = joint.end();
        }
        if (from == 0) {
            return whole.map(List::of).orElse(List.of());
        }
        organisation(start + from, end, surface.substring(from)).ifPresent(parts::add);
        return parts;
    }

    private Optional<Mention> organisation(int start, int end, String surface) {
        Optional<Resource> known = organisations.resolve(surface).or(() -> organisations.closest(surface));
        if (known.isPresent()) {
            return Optional.of(new Mention(start, end, surface, MentionType.ORGANISATION, known.get().getURI(), null,
                    NER_ONLY, false, "corenlp"));
        }
        if (organisations.isRejected(surface)) {
            return Optional.empty();
        }
        String lower = surface.toLowerCase(Locale.ROOT);
        boolean generic = Arrays.stream(lower.split("[^\\p{L}]+")).anyMatch(NOT_ORGANISATIONS::contains);
        boolean named = surface.chars().anyMatch(Character::isUpperCase) && surface.strip().length() > 2;
        if (generic || !named) {
            return Optional.empty();
        }
        return Optional.of(new Mention(start, end, surface, MentionType.ORGANISATION, null, null, NER_ONLY, true, "corenlp"));
    }

    /** A DATE mention with its SUTime value as xsd:date, gYearMonth or gYear; null if it has none. */
    private static Mention date(NamedEntity e, int start, int end, String surface) {
        String value = e.normalized();
        if (value == null) {
            return null;
        }
        Matcher partial = MONTH_WITHOUT_YEAR.matcher(value);
        if (!ISO_DATE.matcher(value).matches() && !partial.matches()) {
            return null;
        }
        return new Mention(start, end, surface, MentionType.DATE, null, value, 0.9, false, "corenlp");
    }

    private static List<Mention> yearRanges(DigitWindows figures) {
        List<Mention> out = new ArrayList<>();
        for (MatchResult m : figures.matches(YEAR_RANGE)) {
            String from = m.group(1);
            String to = m.group(2).length() == 2 ? from.substring(0, 2) + m.group(2) : m.group(2);
            if (Integer.parseInt(to) > Integer.parseInt(from) && Integer.parseInt(to) - Integer.parseInt(from) <= 20) {
                out.add(new Mention(m.start(), m.end(), m.group(), MentionType.DATE, null, from + "/" + to, 0.9, false, "pattern"));
            }
        }
        return out;
    }

    private static List<Mention> amounts(DigitWindows figures) {
        List<Mention> out = new ArrayList<>();
        for (Pattern p : List.of(AMOUNT, COUNT)) {
            for (MatchResult m : figures.matches(p)) {
                Mention q = new Mention(m.start(), m.end(), m.group(), MentionType.QUANTITY, null, m.group().strip(), 0.9,
                        false, "pattern");
                if (out.stream().noneMatch(q::overlaps)) {
                    out.add(q);
                }
            }
        }
        return out;
    }
}
