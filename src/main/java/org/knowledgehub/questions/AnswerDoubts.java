package org.knowledgehub.questions;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.nlp.MentionType;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.search.HybridSearch;
import org.knowledgehub.search.QueryAnalysis;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Decides whether the best answer to a question is good enough to be called an answer, and when
 * it is not, says why: the question cannot be read, nothing meets one of its constraints, nothing
 * the hub holds speaks of its subject, the best quote does not give what was asked or is too far
 * from the question.
 */
@Component
class AnswerDoubts {

    private final HybridSearch search;
    private final Gazetteer gazetteer;
    private final ConceptLabels labels;
    private final Uris uris;
    private final QuestionsProperties properties;
    private final QuoteFinder quotes;

    AnswerDoubts(HybridSearch search, Gazetteer gazetteer, ConceptLabels labels, Uris uris, QuestionsProperties properties,
                 QuoteFinder quotes) {
        this.search = search;
        this.gazetteer = gazetteer;
        this.labels = labels;
        this.uris = uris;
        this.properties = properties;
        this.quotes = quotes;
    }

    /** Whether the question names a year, place, group, document or meeting, and the answer meets every one named. */
    private static boolean meetsNamedConstraints(List<Answer.Check> verdicts) {
        List<Answer.Check> hard = verdicts.stream().filter(c -> ConstraintCheck.hard(c.type())).toList();
        return !hard.isEmpty() && hard.stream().allMatch(c -> c.verdict().equals(ConstraintCheck.MET));
    }

    /**
     * Why a question cannot be answered as it is put, whatever the hub holds, or null: it is not in
     * a language the hub reads, it has no words to search for, or it only names a place, an
     * organisation or a group without saying what about it. The closest candidates are still listed.
     *
     * @param terms the index terms of a text as the question's are made ({@link HybridSearch#terms}):
     *              a name's words read in French are not its English words ("Akkar": "akar")
     */
    static String unreadable(AnswerFinder.Asked asked, Function<String, List<String>> terms) {
        String text = asked.analysis().text();
        if (text.codePoints().filter(Character::isLetter).noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            return "the question is not in a language the hub reads (English, French or Arabic)";
        }
        List<String> words = asked.analysis().terms();
        if (words.isEmpty()) {
            return "the question has no words to search for (only question words and words such as \"the\", \"of\")";
        }
        // Places, organisations, groups and years say where, who and when, not what: a question of them alone asks nothing.
        List<Understanding.Constraint> names = asked.understanding().constraints().stream().filter(c -> !c.given())
                .filter(c -> List.of("area", "organisation", "population", "year").contains(c.type())).toList();
        Set<String> named = new HashSet<>();
        names.forEach(c -> named.addAll(Arrays.asList(c.label().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))));
        names.forEach(c -> named.addAll(terms.apply(c.label())));
        if (!names.isEmpty() && words.stream().allMatch(t -> named.stream().anyMatch(w -> !w.isEmpty() && w.startsWith(t)))) {
            return "the question only names " + String.join(", ", names.stream().map(Understanding.Constraint::label).toList())
                    + ": say what you want to know about it";
        }
        return null;
    }

    /** Whether a kind of question asks for something a sentence can be seen to give or not: a reason, a figure, a date. */
    static boolean asksForSomething(Understanding.Kind kind, boolean amount) {
        return switch (kind) {
            case WHY, TREND, WHEN, COMPARISON, WHERE, WHO -> true;
            case FACT -> amount;
            case LIST -> false;
        };
    }

    /**
     * A doubt about the best candidate, with what the candidates that do speak of the question's
     * indicator lack: "the hub has nothing on this population group for that year".
     */
    static String explained(String doubt, List<Answer> ranked) {
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

    /**
     * Whether a quote shares a word of the question other than its names of places, population groups and
     * organisations and its years: for a question in Arabic or French, whose subject the parts of speech do not
     * give and whose similarity is the English model's guess, the quote must at least say one of its words.
     */
    private boolean sharesWordsBesidesNames(String question, String quote) {
        Set<String> words = new HashSet<>(search.terms(besidesNames(question)));
        return words.isEmpty() || search.terms(quote).stream().anyMatch(words::contains);
    }

    /** A question without its names of places, population groups and organisations, and without its years. */
    private String besidesNames(String question) {
        StringBuilder rest = new StringBuilder();
        int from = 0;
        for (Gazetteer.Match m : gazetteer.find(question, true)) {
            if (m.type() != MentionType.INDICATOR && m.type() != MentionType.SECTOR && m.start() >= from) {
                rest.append(question, from, m.start()).append(' ');
                from = m.end();
            }
        }
        rest.append(question.substring(from));
        return ArabicFrenchCues.asciiDigits(rest.toString()).replaceAll("(?<!\\d)(?:19|20)\\d\\d(?!\\d)", " ");
    }

    /**
     * Why the best answer is not good enough to be called an answer, or null when it is: it
     * contradicts a constraint of the question (then nothing the hub holds meets it, since those that
     * do come first); its quote speaks of another population group; it does not speak of the years,
     * the area, the indicators or the sector the question names (a question on food insecurity is not
     * answered by a passage on the share below the SMEB); nothing the caller may read speaks of the question's
     * subject; its quote does not give what was asked; for a question in Arabic or French, its quote says none of the
     * question's words besides its names; or it is too far from the question (or,
     * without embeddings, has too few of the question's words). Answers from the graph are exactly
     * what was asked, of what was asked, once they meet the constraints.
     */
    String doubt(AnswerFinder.Asked asked, Answer best, VisibleGraphs visible) {
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
        // Nor does a passage off the sector the question's words name ("grid electricity" by a food security passage);
        // the sectors the asker filed the question under only say who it is for.
        Set<String> namedSectors = asked.understanding().constraints().stream().filter(c -> c.type().equals("sector") && !c.given())
                .map(Understanding.Constraint::value).collect(Collectors.toSet());
        List<Answer.Check> sectors = verdicts.stream().filter(c -> c.type().equals("sector") && namedSectors.contains(c.value())).toList();
        if (!sectors.isEmpty() && sectors.stream().noneMatch(c -> c.verdict().equals(ConstraintCheck.MET))) {
            return "no passage found speaks of " + String.join(" or ", sectors.stream().map(Answer.Check::label).toList());
        }
        List<String> unheardOf = asked.understanding().subject().stream().filter(w -> !search.anyPassageUses(w, visible)).toList();
        if (!unheardOf.isEmpty()) {
            return "nothing the hub holds speaks of " + String.join(", ", unheardOf);
        }
        if (ArabicFrenchCues.applies(a.text())) {
            // No parts of speech tell an Arabic or French question's subject from its verbs ("paient", "تأكل", which
            // the notes write otherwise): most of its words, not one, must be unknown to the hub.
            Set<String> words = new LinkedHashSet<>(Arrays.asList(besidesNames(a.text()).split("[^\\p{L}\\p{N}\\p{M}]+")));
            words.removeIf(w -> w.isEmpty() || search.terms(w).isEmpty());
            List<String> unknown = words.stream().filter(w -> !search.anyPassageUses(w, visible)).toList();
            if (unknown.size() * 2 > words.size()) {
                return "nothing the hub holds speaks of " + String.join(", ", unknown);
            }
        }
        Understanding.Kind kind = asked.understanding().kind();
        if (asksForSomething(kind, asked.amount()) && !quotes.offers(asked, best.quote().text())) {
            return "the best passage found does not give " + switch (kind) {
                case WHY -> "a reason";
                case WHEN -> "a date";
                case WHERE -> "a place";
                case WHO -> "a name";
                default -> "a figure";
            };
        }
        if (ArabicFrenchCues.applies(a.text()) && !sharesWordsBesidesNames(a.text(), best.quote().text())) {
            return "the best passage found shares no word of the question besides its places, groups and years";
        }
        if (best.why().similarity() != null) {
            double floor = properties.minSimilarity() - (meetsNamedConstraints(verdicts) ? properties.constrainedAllowance() : 0);
            return best.why().similarity() >= floor ? null : String.format(Locale.ROOT,
                    "the closest passage is not close enough to the question (similarity %.2f, below %.2f)",
                    best.why().similarity(), floor);
        }
        boolean covered = !a.terms().isEmpty() && (double) best.why().terms().size() / a.terms().size() >= properties.minCoverage();
        return covered ? null : "the closest passage has too few of the question's words";
    }
}
