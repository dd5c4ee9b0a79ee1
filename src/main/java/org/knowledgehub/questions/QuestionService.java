package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.knowledgehub.HubProperties;
import org.knowledgehub.Problems;
import org.knowledgehub.TextInput;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Service;

/** Asking, storing, answering and reviewing research questions; every input checked here. */
@Service
public class QuestionService {

    static final int MAX_TEXT = 1000;
    static final int MAX_ORGANISATION = 200;
    /** The longest period a question may cover, in years after its first. */
    public static final int MAX_PERIOD_YEARS = 20;
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:\\s*[/-]\\s*(\\d{4}))?");

    private final QuestionStore store;
    private final AnswerFinder finder;
    private final AccessPolicy access;
    private final ConceptLabels labels;
    private final QuestionsProperties properties;
    private final Uris uris;
    private final String base;

    QuestionService(QuestionStore store, AnswerFinder finder, AccessPolicy access, ConceptLabels labels,
                    QuestionsProperties properties, Uris uris, HubProperties hub) {
        this.store = store;
        this.finder = finder;
        this.access = access;
        this.labels = labels;
        this.properties = properties;
        this.uris = uris;
        this.base = hub.base();
    }

    /**
     * A question as posted.
     *
     * @param kind the kind of answer asked for (fact, list, why, trend, comparison, who, where, when), or null to
     *             let the hub read it from the question
     */
    public record Ask(String text, List<String> sectors, List<String> areas, String period, String population, String askedBy,
                      String kind) {
    }

    /**
     * A correction of how a stored question is understood: each part given replaces what the
     * question had (an empty period, population or kind removes it); {@code ignore} lists the
     * constraints read from the text to strike out, as type:value ("area:LB3", "year:2019").
     */
    public record Correction(String kind, List<String> sectors, List<String> areas, String period, String population,
                             List<String> ignore) {
    }

    /**
     * What the caller calls the parts of a question, for the problems that name one: the members
     * of a posted question, the query parameters of {@code /api/ask}.
     */
    private record Fields(String text, String sectors, String areas) {
        static final Fields BODY = new Fields("text", "sectors", "areas");
        static final Fields QUERY = new Fields("q", "sector", "area");
    }

    /** A question with its ranked candidates, as the caller may see them. */
    public record QuestionView(Question question, Answers answers) {
    }

    public Answers ask(Ask ask, Caller caller, Integer k) {
        Resolved r = resolve(ask, false, Fields.QUERY);
        return finder.answer(ask.text().strip(), r.concepts(), r.years(), r.kind(), List.of(), access.visibleTo(caller), groups(k));
    }

    public Question create(Ask ask, Caller caller) {
        Resolved r = resolve(ask, true, Fields.BODY);
        String askedBy = blank(ask.askedBy()) ? null : TextInput.line("askedBy", ask.askedBy(), MAX_ORGANISATION);
        String org = askedBy == null ? null : organisation(askedBy);
        return store.create(new QuestionStore.NewQuestion(ask.text().strip(), r.sectors(), r.areas(), r.period(), r.population(),
                org, askedBy, caller.name(), r.kind() == null ? null : r.kind().code()));
    }

    public QuestionView view(String id, Caller caller, Integer k) {
        Question q = store.read(id).orElseThrow(() -> Problems.notFound("question " + id));
        VisibleGraphs visible = access.visibleTo(caller);
        AnswerFinder.Asked asked = finder.understand(q.text(), conceptsOf(q), years(q.period()),
                q.kind() == null ? null : Understanding.Kind.of(q.kind()), q.ignored(), visible);
        Answers answers = finder.answer(asked, visible, groups(k));
        Map<String, AnswerStatement> statements = new LinkedHashMap<>();
        store.statements(id, visible).forEach(s -> statements.put(s.passage(), s));
        List<Answer> withReviews = new ArrayList<>();
        for (Answer a : answers.answers()) {
            withReviews.add(annotate(a, statements));
        }
        // Reviewed or linked passages the ranking does not bring up are kept, after the ranked ones.
        for (AnswerStatement s : List.copyOf(statements.values())) {
            finder.candidate(asked, s.passage(), visible).ifPresent(a -> withReviews.add(annotate(a, statements)));
        }
        withReviews.sort((a, b) -> Integer.compare(order(a), order(b)));
        return new QuestionView(q, answers.withAnswers(withReviews));
    }

    /** @throws org.springframework.web.ErrorResponseException 400 for a sector, area or status that does not exist */
    public List<Question> list(String sector, String area, String status, String askedBy) {
        if (!blank(sector)) {
            concepts("sector", List.of(sector), Schemes.sectors(base), "a sector code such as wash or food-security");
        }
        if (!blank(area)) {
            concepts("area", List.of(area), Schemes.areas(base), "a P-code such as LB2 or LB25");
        }
        if (!blank(status) && !List.of("open", "closed").contains(status.strip())) {
            throw Problems.invalid("status", "status must be open or closed");
        }
        return store.list().stream()
                .filter(q -> blank(sector) || q.sectors().contains(sector.strip()))
                .filter(q -> blank(area) || q.areas().contains(area.strip()))
                .filter(q -> blank(status) || status.strip().equals(q.status()))
                .filter(q -> blank(askedBy) || askedBy.strip().equalsIgnoreCase(q.askedBy()))
                .toList();
    }

    /**
     * Whether the caller may review the question's candidates and close or reopen it: an admin, or a
     * coordinator of one of its sectors (any of them: an inter-sector question is reviewed by the
     * coordinators of each); a question without sectors by any coordinator. The question keeps sector
     * codes and the caller sector IRIs, so the caller's are compared as the same codes
     * ({@link ConceptLabels#code}, as the store reads the question's). The pages ask it to decide
     * whether to show their review forms; {@link #review} and {@link #setStatus} enforce it.
     */
    public boolean mayReview(Caller caller, Question question) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        if (!caller.has(Role.COORDINATOR)) {
            return false;
        }
        if (question.sectors().isEmpty()) {
            return true;
        }
        Set<String> coordinated = caller.sectors().stream().map(labels::code).collect(Collectors.toSet());
        return question.sectors().stream().anyMatch(coordinated::contains);
    }

    /**
     * Whether the caller may correct how a question is understood: its asker, or whoever may review it.
     */
    public boolean mayCorrect(Caller caller, Question question) {
        return mayReview(caller, question) || caller.name() != null && uris.agent(caller.name()).equals(question.agent());
    }

    /** Corrects how a question is understood; its asker or a reviewer. */
    public QuestionView correct(String id, Correction c, Caller caller) {
        Question q = store.read(id).orElseThrow(() -> Problems.notFound("question " + id));
        if (!mayCorrect(caller, q)) {
            throw Problems.forbidden("question", "only the question's asker, coordinators of one of its sectors and admins "
                    + "correct how it is understood");
        }
        if (c == null) {
            throw Problems.invalid("kind", "the body must be a JSON object with kind, sectors, areas, period, population or ignore");
        }
        Understanding.Kind kind = blank(c.kind()) ? null : kind(c.kind(), "kind");
        List<String> sectors = c.sectors() == null ? null
                : concepts("sectors", c.sectors(), Schemes.sectors(base), "sector codes such as wash or food-security");
        if (sectors != null && sectors.isEmpty()) {
            throw Problems.invalid("sectors", "sectors must name at least one sector (codes such as wash, protection)");
        }
        List<String> areas = c.areas() == null ? null : concepts("areas", c.areas(), Schemes.areas(base), "P-codes such as LB2 or LB25");
        String period = c.period() == null ? null : c.period().strip();
        if (period != null && !period.isEmpty() && years(period).isEmpty()) {
            throw Problems.invalid("period", "period must be a year (2020) or a range of at most " + MAX_PERIOD_YEARS
                    + " years (2019/2020)");
        }
        String population = c.population() == null ? null : c.population().isBlank() ? ""
                : concepts("population", List.of(c.population()), Schemes.populations(base), "a population group code").getFirst();
        List<String> ignored = c.ignore() == null ? null : c.ignore().stream().map(i -> ignored(i)).distinct().toList();
        store.correct(id, new QuestionStore.Correction(sectors, areas, period, population,
                c.kind() == null ? null : kind == null ? "" : kind.code(), ignored));
        return view(id, caller, null);
    }

    /** A constraint to strike out, as type:value. */
    private static String ignored(String constraint) {
        String s = constraint == null ? "" : constraint.strip();
        int colon = s.indexOf(':');
        if (colon <= 0 || colon == s.length() - 1 || s.length() > 200
                || !List.of("year", "area", "population", "sector", "indicator", "organisation", "document-type", "document",
                "meeting").contains(s.substring(0, colon))) {
            throw Problems.invalid("ignore", "ignore must list constraints as type:value (area:LB3, year:2019, "
                    + "population:syrian-refugees), got '" + abbreviate(s) + "'");
        }
        return s;
    }

    private static Understanding.Kind kind(String value, String field) {
        try {
            return Understanding.Kind.of(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, field + " must be one of fact, list, why, trend, comparison, who, where, when; got '"
                    + abbreviate(value.strip()) + "'");
        }
    }

    /** How many candidates of each question (by id) are accepted, counting only the reviews the caller may see. */
    public Map<String, Integer> acceptedCounts(Caller caller) {
        return store.accepted(access.visibleTo(caller));
    }

    /** Accept (preferred) or reject (deprecated) a candidate passage; the caller must be able to read it. */
    public QuestionView review(String id, String passage, String verdict, Caller caller) {
        Question q = store.read(id).orElseThrow(() -> Problems.notFound("question " + id));
        requireReviewer(caller, q);
        var rank = switch (blank(verdict) ? "" : verdict.strip()) {
            case "accept", "preferred" -> KH.PreferredRank;
            case "reject", "deprecated" -> KH.DeprecatedRank;
            case "normal" -> KH.NormalRank;
            default -> throw Problems.invalid("verdict", "verdict must be accept, reject or normal");
        };
        String documentId = blank(passage) ? null : uris.documentIdOf(passage.strip()).orElse(null);
        if (documentId == null || !access.canRead(caller, uris.documentGraph(documentId))) {
            throw Problems.invalid("passage", "passage must be the IRI of a passage you may read");
        }
        if (!store.state(id, passage.strip(), documentId, rank, uris.agent(caller.name()), false)) {
            throw Problems.notFound("document " + documentId);
        }
        return view(id, caller, null);
    }

    public Question setStatus(String id, String status, Caller caller) {
        Question q = store.read(id).orElseThrow(() -> Problems.notFound("question " + id));
        requireReviewer(caller, q);
        if (!List.of("open", "closed").contains(status)) {
            throw Problems.invalid("status", "status must be open or closed");
        }
        store.setStatus(id, status);
        return store.read(id).orElseThrow();
    }

    private void requireReviewer(Caller caller, Question question) {
        if (mayReview(caller, question)) {
            return;
        }
        if (!caller.has(Role.COORDINATOR)) {
            throw Problems.forbidden("question", "only coordinators and admins review answers and close or reopen questions");
        }
        throw Problems.forbidden("question", "you must coordinate one of the question's sectors ("
                + String.join(", ", question.sectors()) + ") or be an admin to review its answers and close or reopen it");
    }

    /**
     * The answer with what is recorded about it (and about its document's next candidates), taken
     * from {@code statements}. A next candidate a coordinator accepted stands for its document in
     * place of the one the ranking put first (which becomes a next candidate), so that the accepted
     * answer is the one shown, and its document comes first.
     */
    private Answer annotate(Answer a, Map<String, AnswerStatement> statements) {
        Answer out = reviewed(a, statements);
        List<Answer> more = a.more().stream().map(m -> reviewed(m, statements)).toList();
        if (!accepted(out)) {
            for (Answer m : more) {
                if (accepted(m)) {
                    List<Answer> others = new ArrayList<>(List.of(out.withMore(List.of())));
                    more.stream().filter(o -> o != m).forEach(others::add);
                    return m.withMore(others);
                }
            }
        }
        return out.withMore(more);
    }

    private static Answer reviewed(Answer a, Map<String, AnswerStatement> statements) {
        AnswerStatement s = statements.remove(a.passage());
        if (s == null) {
            return a;
        }
        Answer.Review review = s.linkedByIngest() ? null : new Answer.Review(s.rank(), s.by(), s.at());
        return a.withReview(review, s.linkedByIngest() ? s.at() : null);
    }

    private static boolean accepted(Answer a) {
        return a.review() != null && "preferred".equals(a.review().rank());
    }

    /** Accepted first, rejected last, the ranking's order otherwise. */
    private static int order(Answer a) {
        if (a.review() == null) {
            return 1;
        }
        return switch (a.review().rank()) {
            case "preferred" -> 0;
            case "deprecated" -> 2;
            default -> 1;
        };
    }

    private record Resolved(List<String> sectors, List<String> areas, String population, String period, List<Integer> years,
                            Understanding.Kind kind) {
        List<String> concepts() {
            List<String> all = new ArrayList<>(sectors);
            all.addAll(areas);
            if (population != null) {
                all.add(population);
            }
            return all;
        }
    }

    private Resolved resolve(Ask ask, boolean needsSector, Fields fields) {
        if (ask == null || blank(ask.text())) {
            throw Problems.invalid(fields.text(), fields.text() + " is required: the question in plain language");
        }
        TextInput.lines(fields.text(), ask.text(), MAX_TEXT);
        List<String> sectors = concepts(fields.sectors(), ask.sectors(), Schemes.sectors(base), "sector codes such as wash or food-security");
        if (needsSector && sectors.isEmpty()) {
            throw Problems.invalid(fields.sectors(), fields.sectors() + " must name at least one sector (codes such as wash, protection)");
        }
        List<String> areas = concepts(fields.areas(), ask.areas(), Schemes.areas(base), "P-codes such as LB2 or LB25");
        String population = blank(ask.population()) ? null
                : concepts("population", List.of(ask.population()), Schemes.populations(base), "a population group code").getFirst();
        String period = blank(ask.period()) ? null : ask.period().strip();
        List<Integer> years = years(period);
        if (period != null && years.isEmpty()) {
            throw Problems.invalid("period", "period must be a year (2020) or a range of at most " + MAX_PERIOD_YEARS
                    + " years (2019/2020)");
        }
        Understanding.Kind kind = blank(ask.kind()) ? null : kind(ask.kind(), "kind");
        return new Resolved(sectors, areas, population, period, years, kind);
    }

    private List<String> concepts(String field, List<String> codes, String scheme, String expected) {
        List<String> out = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (blank(code)) {
                continue;
            }
            out.add(labels.byCode(scheme, code.strip()).map(r -> r.getURI()).orElseThrow(() ->
                    Problems.invalid(field, field + " must be " + expected + ", got '" + abbreviate(code.strip()) + "'")));
        }
        return out;
    }

    private String organisation(String name) {
        return labels.lookup(Schemes.organisations(base), name).stream().findFirst().map(r -> r.getURI())
                .orElseGet(() -> uris.organisation(name));
    }

    List<String> conceptsOf(Question q) {
        List<String> out = new ArrayList<>();
        q.sectors().forEach(c -> labels.byCode(Schemes.sectors(base), c).ifPresent(r -> out.add(r.getURI())));
        q.areas().forEach(c -> labels.byCode(Schemes.areas(base), c).ifPresent(r -> out.add(r.getURI())));
        Optional.ofNullable(q.population()).flatMap(c -> labels.byCode(Schemes.populations(base), c)).ifPresent(r -> out.add(r.getURI()));
        return out;
    }

    static List<Integer> years(String period) {
        if (period == null) {
            return List.of();
        }
        Matcher m = PERIOD.matcher(period.strip());
        if (!m.matches()) {
            return List.of();
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (to < from || to - from > MAX_PERIOD_YEARS) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            out.add(y);
        }
        return out;
    }

    private int groups(Integer k) {
        if (k == null) {
            return properties.answers();
        }
        if (k < 1 || k > 50) {
            throw Problems.invalid("k", "k must be between 1 and 50");
        }
        return k;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
