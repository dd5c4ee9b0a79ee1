package org.knowledgehub.nlp;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.knowledgehub.ontology.LabelFolding;
import org.knowledgehub.ontology.NameSimilarity;

/**
 * The confidence of an organisation mention, from three kinds of evidence: how closely the
 * written name matches the directory's names for the organisation (or, for a name the directory
 * does not know, how much it looks like an organisation's name), the words around it, and the
 * probability CoreNLP gave its ORGANIZATION tag. Weights: name 0.55, NER 0.25, context 0.20; a
 * source without a NER probability (the gazetteer, the name patterns) counts as neutral there.
 */
public final class OrganisationConfidence {

    static final double NAME_WEIGHT = 0.55;
    static final double NER_WEIGHT = 0.25;
    static final double CONTEXT_WEIGHT = 0.20;
    static final double NEUTRAL = 0.5;
    /** How far either side of a name its context reaches, in characters. */
    static final int WINDOW = 80;

    private static final Pattern ACRONYM = Pattern.compile("^[\\p{Lu}\\d][\\p{Lu}\\d.&'\\-]*[\\p{Lu}\\d.]$");
    /** Words that end the names of organisations: "Makhzoumi Foundation", "Norwegian Refugee Council". */
    private static final Pattern ORGANISATION_WORD = Pattern.compile("(?i)\\b(association|foundation|council|organi[sz]ation|"
            + "agency|fund|programme|program|society|network|institute|federation|alliance|committee|commission|"
            + "ministry|union|cooperative|co-operative|fondation|réseau|ngo|international|relief|aid)\\b");
    /** Words near a name that say organisations are spoken of: "implemented by", "partners", "NGO"... */
    private static final Pattern ORGANISATION_CUE = Pattern.compile("(?i)\\b(implemented|implementing|partner(s|ed|ship)?|"
            + "ngos?|associations?|organi[sz]ations?|agenc(y|ies)|funded|funding|supported|led|jointly|namely|"
            + "conducted by|carried out by|provided by|developed by|issued by|in collaboration with|staff|volunteers?|"
            + "donors?|foundation|represented|on behalf of)\\b");
    /** Words that make a capitalised phrase a person or a place rather than an organisation. */
    private static final Pattern OTHER_CUE = Pattern.compile("(?i)(\\b(mr|mrs|ms|dr|prof|sheikh|expert|governorate|district|village|"
            + "city|town|camp|index)\\b)");

    private OrganisationConfidence() {
    }

    /**
     * The combined score, 0..1.
     *
     * @param name           {@link #knownName} or {@link #unknownName}
     * @param nerProbability CoreNLP's probability of the ORGANIZATION tag, or null when CoreNLP did
     *                       not find the name
     * @param context        {@link #context}
     */
    public static double score(double name, Double nerProbability, double context) {
        double ner = nerProbability == null || nerProbability < 0 || nerProbability > 1 ? NEUTRAL : nerProbability;
        double s = NAME_WEIGHT * name + NER_WEIGHT * ner + CONTEXT_WEIGHT * context;
        return Math.max(0.01, Math.min(0.99, s));
    }

    /**
     * How closely a written name matches the names the directory gives its organisation: exactly
     * as written 0.95 (an acronym less when it is short, as short acronyms are also words: "HI",
     * "SI"), the same once case and diacritics are folded 0.85, else by string similarity to the
     * nearest name (a part of a name, "Caritas" for "Caritas Lebanon", or a misspelling), at most 0.7.
     */
    public static double knownName(String surface, Collection<String> labels) {
        String written = surface.strip();
        String folded = LabelFolding.fold(written);
        double best = 0;
        for (String label : labels) {
            if (label.equals(written)) {
                return ACRONYM.matcher(written).matches() ? acronym(written) : 0.95;
            }
            if (LabelFolding.fold(label).equals(folded)) {
                best = Math.max(best, ACRONYM.matcher(label.strip()).matches() ? acronym(label.strip()) - 0.1 : 0.85);
            } else {
                best = Math.max(best, 0.7 * NameSimilarity.of(written, label));
            }
        }
        return best;
    }

    /** An acronym written as the directory writes it: 0.6 for two letters, 0.8 for three, 0.95 from four. */
    static double acronym(String written) {
        int letters = LabelFolding.fold(written).length();
        return letters <= 2 ? 0.6 : letters == 3 ? 0.8 : 0.95;
    }

    /**
     * How much a name the directory does not know looks like an organisation's: ending in
     * "Association", "Foundation", "Council"... 0.8; an acronym 0.35; capitalised words 0.3; one
     * capitalised word 0.2.
     */
    public static double unknownName(String surface) {
        String written = surface.strip();
        if (ORGANISATION_WORD.matcher(written).find()) {
            return 0.8;
        }
        if (ACRONYM.matcher(written).matches()) {
            return 0.35;
        }
        return NameSimilarity.words(written).size() > 1 ? 0.3 : 0.2;
    }

    /**
     * The context of the name at {@code [start, end)} of {@code text}, 0..1 (0.5 when it says
     * nothing): up by 0.3 with a word that speaks of organisations nearby, by 0.2 with another
     * organisation named nearby, by 0.1 with a known sector or place nearby; down by 0.3 with a word
     * that makes it a person or a place ("Dr", "governorate").
     *
     * @param nearby the other mentions the linker found in the text
     */
    public static double context(String text, int start, int end, List<Mention> nearby) {
        int from = Math.max(0, start - WINDOW);
        int to = Math.min(text.length(), end + WINDOW);
        String around = text.substring(from, start) + " " + text.substring(end, to);
        double c = NEUTRAL;
        if (ORGANISATION_CUE.matcher(around).find()) {
            c += 0.3;
        }
        boolean otherOrganisation = false;
        boolean sectorOrPlace = false;
        for (Mention m : nearby) {
            if (m.end() < from || m.start() > to || m.overlaps(start, end)) {
                continue;
            }
            otherOrganisation |= m.type() == MentionType.ORGANISATION && m.link() != null;
            sectorOrPlace |= (m.type() == MentionType.SECTOR || m.type() == MentionType.PLACE) && m.link() != null;
        }
        c += (otherOrganisation ? 0.2 : 0) + (sectorOrPlace ? 0.1 : 0);
        String closeBefore = text.substring(Math.max(0, start - 20), start);
        String closeAfter = text.substring(end, Math.min(text.length(), end + 25));
        if (OTHER_CUE.matcher(closeBefore).find() || OTHER_CUE.matcher(closeAfter).find()) {
            c -= 0.3;
        }
        return Math.max(0, Math.min(1, c));
    }
}
