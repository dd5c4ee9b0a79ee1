package org.knowledgehub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import tools.jackson.databind.ObjectMapper;

/**
 * A query the hub built in Lucene's terms (the parsed search text, the ontology expansion, the
 * filters) written as Solr request parameters that make Solr build the same query, clause for
 * clause, so a remote index ranks as the embedded one does. Solr 9 runs on Lucene 9 in a process
 * of its own: the query travels as text, each part in a parameter of its own ({@code $q3})
 * referred to by local parameters, so no term needs escaping. Terms are the index terms the hub's
 * analysis made; the text fields are pre-analysed in Solr, so a phrase or a set of synonyms goes as
 * pre-analysed tokens.
 */
public final class SolrQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Between the values of a terms query: a character no index term holds. */
    private static final String SEPARATOR = "\u001f";

    /** The main query ({@code q}) and the parameters it refers to. */
    public record Written(String query, Map<String, String> parameters) {
    }

    private final String prefix;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private SolrQueries(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The query as Solr parameters named {@code prefix0}, {@code prefix1}... (a request writing
     * several queries, a main query and filters, gives each a prefix of its own).
     */
    public static Written write(Query query, String prefix) {
        requireBoundedExpansion(query);
        SolrQueries w = new SolrQueries(prefix);
        String q = w.local(query);
        return new Written(q, Map.copyOf(w.parameters));
    }

    /**
     * Refuses, as the embedded index does (Lucene's clause limit, met when the query is rewritten),
     * a query whose fuzzy terms may expand past that limit: each to up to
     * {@link FuzzyQuery#defaultMaxExpansions} terms. Solr would otherwise run it, each part under its
     * own limit. An upper bound, since the hub cannot count the expansions Solr's terms would give.
     */
    private static void requireBoundedExpansion(Query query) {
        int[] fuzzy = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                if (leaf instanceof FuzzyQuery) {
                    fuzzy[0]++;
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if ((long) fuzzy[0] * FuzzyQuery.defaultMaxExpansions > IndexSearcher.getMaxClauseCount()) {
            throw new IndexSearcher.TooManyClauses();
        }
    }

    /** A local-parameters query for {@code query}, its values in parameters of their own. */
    private String local(Query query) {
        return switch (query) {
            case TermQuery t -> "{!term f=" + t.getTerm().field() + " v=$" + value(t.getTerm().text()) + "}";
            case BoostQuery b -> "{!boost b=" + new BigDecimal(Float.toString(b.getBoost())).toPlainString() + " v=$" + value(local(b.getQuery())) + "}";
            case BooleanQuery b -> bool(b);
            case DisjunctionMaxQuery d -> maxScore(d);
            case TermInSetQuery t -> terms(t);
            case PhraseQuery p -> phrase(p);
            case SynonymQuery s -> synonyms(s);
            case PrefixQuery p -> "{!prefix f=" + p.getPrefix().field() + " v=$" + value(p.getPrefix().text()) + "}";
            case WildcardQuery w -> multiTerm(w.getTerm(), w.getTerm().text());
            case FuzzyQuery f -> multiTerm(f.getTerm(), f.getTerm().text(), "~" + f.getMaxEdits());
            case PointRangeQuery r when r.getNumDims() == 1 && r.getBytesPerDim() == Long.BYTES -> longRange(r);
            case MatchAllDocsQuery m -> "*:*";
            // No passage has an empty id.
            case MatchNoDocsQuery m -> "{!term f=" + PassageIndex.ID + " v=$" + value("") + "}";
            default -> throw new IllegalArgumentException("no Solr form for " + query.getClass().getSimpleName() + ": " + query);
        };
    }

    /** A range of a long point field (dates as days), open ends as stars. */
    private String longRange(PointRangeQuery r) {
        long from = LongPoint.decodeDimension(r.getLowerPoint(), 0);
        long to = LongPoint.decodeDimension(r.getUpperPoint(), 0);
        return "{!lucene v=$" + value(r.getField() + ":[" + (from == Long.MIN_VALUE ? "*" : from) + " TO "
                + (to == Long.MAX_VALUE ? "*" : to) + "]") + "}";
    }

    private String bool(BooleanQuery b) {
        if (b.getMinimumNumberShouldMatch() > 0) {
            throw new IllegalArgumentException("no Solr form for a minimum number of optional clauses: " + b);
        }
        StringBuilder s = new StringBuilder("{!bool");
        for (BooleanClause c : b.clauses()) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            s.append(' ').append(occur).append("=$").append(value(local(c.query())));
        }
        return s.append('}').toString();
    }

    /**
     * Solr's maxscore parser turns the optional clauses of a standard query into a disjunction of
     * the best, with the tie breaker; each disjunct goes in as a nested query.
     */
    private String maxScore(DisjunctionMaxQuery d) {
        List<String> clauses = new ArrayList<>();
        for (Query q : d.getDisjuncts()) {
            clauses.add("_query_:\"{!query v=$" + value(local(q)) + "}\"");
        }
        return "{!maxscore tie=" + d.getTieBreakerMultiplier() + " q.op=OR v=$" + value(String.join(" ", clauses)) + "}";
    }

    private String terms(TermInSetQuery t) {
        List<String> values = new ArrayList<>();
        try {
            BytesRefIterator it = t.getBytesRefIterator();
            for (BytesRef ref = it.next(); ref != null; ref = it.next()) {
                values.add(ref.utf8ToString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "{!terms f=" + t.getField() + " separator=$" + value(SEPARATOR) + " v=$" + value(String.join(SEPARATOR, values)) + "}";
    }

    /**
     * A phrase as the tokens of a pre-analysed value: Solr's field parser makes the phrase of them;
     * with a slop, the standard parser's quoted form does (the value's quotes and backslashes escaped).
     */
    private String phrase(PhraseQuery p) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        int[] positions = p.getPositions();
        Term[] terms = p.getTerms();
        for (int i = 0; i < terms.length; i++) {
            tokens.add(Map.of("t", terms[i].text(), "i", i == 0 ? 1 : positions[i] - positions[i - 1]));
        }
        if (p.getSlop() == 0) {
            return field(p.getField(), tokens);
        }
        String value = JSON.writeValueAsString(Map.of("v", "1", "tokens", tokens)).replace("\\", "\\\\").replace("\"", "\\\"");
        return "{!lucene v=$" + value(p.getField() + ":\"" + value + "\"~" + p.getSlop()) + "}";
    }

    /** Terms at one position: the field parser makes a synonym query of them, as the hub's analysis did. */
    private String synonyms(SynonymQuery s) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (Term t : s.getTerms()) {
            tokens.add(Map.of("t", t.text(), "i", tokens.isEmpty() ? 1 : 0));
        }
        return field(s.getField(), tokens);
    }

    private String field(String field, List<Map<String, Object>> tokens) {
        return "{!field f=" + field + " v=$" + value(JSON.writeValueAsString(Map.of("v", "1", "tokens", tokens))) + "}";
    }

    /** A wildcard or fuzzy term in the standard syntax, its characters escaped but for the pattern's own. */
    private String multiTerm(Term term, String text, String... suffix) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean pattern = suffix.length == 0 && (c == '*' || c == '?');
            if (!pattern && !Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return "{!lucene df=" + term.field() + " v=$" + value(escaped + String.join("", suffix)) + "}";
    }

    private String value(String v) {
        String name = prefix + parameters.size();
        parameters.put(name, v);
        return name;
    }
}
