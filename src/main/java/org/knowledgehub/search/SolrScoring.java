package org.knowledgehub.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.SmallFloat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * BM25 over the passages one caller may read, computed by Solr. Solr's own BM25 weighs a word by
 * every passage of its shard, hidden ones too, so a score would tell a caller that passages it may
 * not read hold a word; the embedded index counts the caller's passages only ({@link
 * VisibleStatistics}). Here the hub first asks Solr for those counts under the caller's filter (one
 * request: a facet query per word, the sum and count of each text field's lengths), then writes
 * its query as a function of each passage's term frequencies and lengths with those figures as
 * constants: the embedded index's scores, from Solr.
 *
 * <p>Each text field's length per passage is indexed beside it ({@code text_dl}...), as BM25 reads it
 * from its norm: the number of positions, rounded as the norm rounds it. Parts of a query that are
 * not terms or synonym sets of the query's shape (phrases, fuzzy terms) are scored by Solr as they are
 * ({@link #exact} says whether any was).
 */
public final class SolrScoring {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    /** The text fields, whose lengths are indexed; keyword fields have no norm: a length of one. */
    static final Set<String> TEXT_FIELDS = Set.of(PassageIndex.TEXT, PassageIndex.SECTION, PassageIndex.TITLE);

    /** The passages holding a field under the caller's filter, and their summed lengths. */
    public record FieldStatistics(long docs, long length) {
    }

    /** The figures one caller's scores need. */
    public record Statistics(Map<Term, Long> docFreq, Map<String, FieldStatistics> fields) {
    }

    private final Statistics statistics;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final String prefix;
    private boolean exact = true;

    private SolrScoring(Statistics statistics, String prefix) {
        this.statistics = statistics;
        this.prefix = prefix;
    }

    /** The length BM25 scores a field with: its positions (stacked terms not counted), rounded as a norm. */
    public static int normLength(int positions) {
        return SmallFloat.byte4ToInt(SmallFloat.intToByte4(positions));
    }

    /** The name of the field holding a text field's length as its norm keeps it. */
    public static String lengthField(String field) {
        return field + "_dl";
    }

    /** The name of the field holding a text field's number of terms (those stacked on a position too). */
    public static String termsField(String field) {
        return field + "_tl";
    }

    /** The terms of a query that its score weighs by their statistics. */
    public static Set<Term> terms(Query query) {
        Set<Term> out = new LinkedHashSet<>();
        collect(query, out);
        return out;
    }

    private static void collect(Query query, Set<Term> out) {
        switch (query) {
            case TermQuery t -> out.add(t.getTerm());
            case SynonymQuery s -> out.addAll(s.getTerms());
            case BoostQuery b -> collect(b.getQuery(), out);
            case BooleanQuery b -> b.clauses().stream().filter(BooleanClause::isScoring).forEach(c -> collect(c.query(), out));
            case DisjunctionMaxQuery d -> d.getDisjuncts().forEach(q -> collect(q, out));
            default -> {
            }
        }
    }

    /**
     * The request for a caller's statistics of a query's terms under their filter ({@code readable}):
     * rows none, a facet query per term keyed {@code t0, t1...} in the order of {@link #terms}, the
     * count and sum of each text field's lengths, or a count of the passages holding a keyword field
     * ({@code f:<field>}); and, outside the filter, the count of every passage and the exact sums of
     * the text fields' terms, for a caller who may read them all.
     */
    public static Map<String, List<String>> statisticsRequest(Set<Term> terms, SolrQueries.Written readable) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        readable.parameters().forEach((k, v) -> request.put(k, List.of(v)));
        request.put("readable", List.of(readable.query()));
        request.put("q", List.of("*:*"));
        request.put("fq", List.of("{!query tag=readable v=$readable}"));
        request.put("rows", List.of("0"));
        request.put("facet", List.of("true"));
        request.put("stats", List.of("true"));
        List<String> facetQueries = new ArrayList<>();
        facetQueries.add("{!ex=readable key=all}*:*");
        List<String> statsFields = new ArrayList<>();
        int i = 0;
        Set<String> fields = new LinkedHashSet<>();
        for (Term t : terms) {
            request.put("st" + i, List.of(t.text()));
            facetQueries.add("{!term key=t" + i + " f=" + t.field() + " v=$st" + i + "}");
            fields.add(t.field());
            i++;
        }
        for (String field : fields) {
            if (TEXT_FIELDS.contains(field)) {
                statsFields.add("{!count=true sum=true}" + lengthField(field));
                statsFields.add("{!ex=readable sum=true}" + termsField(field));
            } else {
                facetQueries.add("{!key=f:" + field + "}" + field + ":[* TO *]");
            }
        }
        request.put("facet.query", facetQueries);
        request.put("stats.field", statsFields);
        return request;
    }

    /**
     * The statistics in the answer to {@link #statisticsRequest}. A caller who may read every
     * passage gets those the embedded index then reads from its term dictionary: the exact number of
     * terms, where passages counted one by one give their lengths as norms keep them.
     */
    public static Statistics statistics(JsonNode counted, Set<Term> terms) {
        JsonNode facets = counted.path("facet_counts").path("facet_queries");
        JsonNode stats = counted.path("stats").path("stats_fields");
        boolean everything = counted.path("response").path("numFound").asLong() == facets.path("all").asLong();
        Map<Term, Long> docFreq = new LinkedHashMap<>();
        int i = 0;
        for (Term t : terms) {
            docFreq.put(t, facets.path("t" + i++).asLong());
        }
        Map<String, FieldStatistics> fields = new LinkedHashMap<>();
        terms.stream().map(Term::field).distinct().forEach(f -> {
            if (TEXT_FIELDS.contains(f)) {
                JsonNode lengths = stats.path(lengthField(f));
                long sum = everything ? stats.path(termsField(f)).path("sum").asLong() : lengths.path("sum").asLong();
                fields.put(f, new FieldStatistics(lengths.path("count").asLong(), sum));
            } else {
                long docs = facets.path("f:" + f).asLong();
                fields.put(f, new FieldStatistics(docs, docs));
            }
        });
        return new Statistics(docFreq, fields);
    }

    /**
     * A function query scoring {@code query} as the embedded index would with these statistics; its
     * parameters named {@code prefix0}, {@code prefix1}...
     */
    public static Scoring write(Query query, Statistics statistics, String prefix) {
        SolrScoring s = new SolrScoring(statistics, prefix);
        String function = s.function(query);
        return new Scoring(function, Map.copyOf(s.parameters), s.exact);
    }

    /**
     * @param exact whether every part was scored with the caller's statistics (false: a phrase,
     *              synonym or fuzzy part scored by Solr's own)
     */
    public record Scoring(String function, Map<String, String> parameters, boolean exact) {
    }

    private String function(Query query) {
        return switch (query) {
            case TermQuery t -> bm25(List.of(t.getTerm()), 1f);
            // Terms given boosts of their own show them as ^ in the query's text; their sum is not written here.
            case SynonymQuery s when !s.toString().contains("^") -> bm25(s.getTerms(), 1f);
            case BoostQuery b -> b.getQuery() instanceof TermQuery t ? bm25(List.of(t.getTerm()), b.getBoost())
                    : "product(" + number(b.getBoost()) + "," + function(b.getQuery()) + ")";
            case BooleanQuery b -> {
                List<String> scoring = b.clauses().stream().filter(BooleanClause::isScoring).map(c -> function(c.query())).toList();
                yield scoring.isEmpty() ? "0" : scoring.size() == 1 ? scoring.getFirst() : "sum(" + String.join(",", scoring) + ")";
            }
            case DisjunctionMaxQuery d -> maxScore(d);
            case MatchAllDocsQuery m -> "1";
            default -> solrs(query);
        };
    }

    /** The best disjunct's score plus the tie breaker times the others': max + tie * (sum - max). */
    private String maxScore(DisjunctionMaxQuery d) {
        List<String> parts = d.getDisjuncts().stream().map(this::function).toList();
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        String max = "max(" + String.join(",", parts) + ")";
        if (d.getTieBreakerMultiplier() == 0f) {
            return max;
        }
        return "sum(" + max + ",product(" + number(d.getTieBreakerMultiplier()) + ",sub(sum(" + String.join(",", parts) + ")," + max + ")))";
    }

    /**
     * BM25 of one term, or of a synonym set (terms of one field at one position, scored as one), as
     * Lucene computes it: boost * idf * tf / (tf + k1 * (1 - b + b * dl / avgdl)), idf = ln(1 + (N -
     * df + 0.5) / (df + 0.5)) over the caller's passages holding the field; for a synonym set, df is
     * the largest of its terms' and tf the sum of their frequencies.
     */
    private String bm25(List<Term> terms, float boost) {
        String fieldName = terms.getFirst().field();
        FieldStatistics field = statistics.fields().getOrDefault(fieldName, new FieldStatistics(1, 1));
        long docs = Math.max(1, field.docs());
        long df = Math.max(1, terms.stream().mapToLong(t -> statistics.docFreq().getOrDefault(t, 0L)).max().orElse(0));
        float idf = (float) Math.log(1 + (docs - df + 0.5D) / (df + 0.5D));
        float weight = boost * idf;
        float averageLength = (float) (Math.max(docs, field.length()) / (double) docs);
        List<String> frequencies = new ArrayList<>();
        for (Term term : terms) {
            // Solr analyses the term with the field's query analysis: a pre-analysed text field reads it as one token.
            String text = TEXT_FIELDS.contains(fieldName)
                    ? JSON.writeValueAsString(Map.of("v", "1", "tokens", List.of(Map.of("t", term.text())))) : term.text();
            frequencies.add("termfreq(" + fieldName + ",$" + value(text) + ")");
        }
        String tf = frequencies.size() == 1 ? frequencies.getFirst() : "sum(" + String.join(",", frequencies) + ")";
        // def(): a passage without the field has no length, and Solr's max() passes over a part that lacks a value
        // (a sum lacks what any of its parts lacks); its term frequency there is 0, so any length will do.
        String length = TEXT_FIELDS.contains(fieldName) ? "def(field(" + lengthField(fieldName) + "),1)" : "1";
        String norm = "sum(" + number(K1 * (1 - B)) + ",product(" + number(K1 * B / averageLength) + "," + length + "))";
        return "product(" + number(weight) + ",div(" + tf + ",sum(" + tf + "," + norm + ")))";
    }

    /** A part the function cannot express: Solr's own score of it (its statistics, not the caller's). */
    private String solrs(Query query) {
        exact = false;
        SolrQueries.Written written = SolrQueries.write(query, prefix + "s" + parameters.size() + "_");
        parameters.putAll(written.parameters());
        // def(): a passage the part does not match has a score of 0 that max() and sum() do not pass over.
        return "def(query($" + value(written.query()) + ",0),0)";
    }

    private String value(String v) {
        String name = prefix + parameters.size();
        parameters.put(name, v);
        return name;
    }

    private static String number(float f) {
        return new BigDecimal(Float.toString(f)).toPlainString();
    }
}
