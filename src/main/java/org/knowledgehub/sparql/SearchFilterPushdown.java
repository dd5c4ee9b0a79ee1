package org.knowledgehub.sparql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_GreaterThan;
import org.apache.jena.sparql.expr.E_GreaterThanOrEqual;
import org.apache.jena.sparql.expr.E_LessThan;
import org.apache.jena.sparql.expr.E_LessThanOrEqual;
import org.apache.jena.sparql.expr.E_LogicalAnd;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_ZeroOrOne;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.knowledgehub.ontology.KH;

/**
 * Moves what a query asks of {@code kh:search}'s passages into the search itself: the concepts they
 * mention (an area also when asked as {@code ?p kh:mentions ?a . ?a skos:broader? <area>}) and a
 * FILTER range on their document's date. In {@code { (?p ?score) kh:search ("water" 10000) . ?p kh:mentions <.../id/sector/wash> }}, the index
 * filters on the sector (as {@code ("water" 10000 "sector" <.../id/sector/wash>)} would). The limit
 * then counts passages that mention the concept, and the join checks those hits, not the 10,000 best
 * of every sector. The triple pattern stays in the query. The index holds at least what a passage's
 * graph says it mentions (with its headings' mentions and an area's district and governorate too),
 * so the pattern still decides which hits are answers. Only patterns joined with the search are
 * used: not those in OPTIONAL, UNION, MINUS or GRAPH.
 */
final class SearchFilterPushdown extends TransformCopy {

    private static final Node MENTIONS = KH.mentions.asNode();
    private static final Node BROADER = SKOS.broader.asNode();
    private static final Node IN_DOCUMENT = KH.inDocument.asNode();
    private static final Node DATE = DCTerms.date.asNode();

    /** The kh:search filter (area, sector, population, indicator) a concept IRI is a value of, or null. */
    private final Function<Node, String> filterOf;

    private SearchFilterPushdown(Function<Node, String> filterOf) {
        this.filterOf = filterOf;
    }

    /** ARQ's standard optimisation, then this transform (property functions only exist once it has run). */
    static RewriteFactory afterStandard(Function<Node, String> filterOf) {
        return context -> {
            Rewrite standard = Optimize.stdOptimizationFactory.create(context);
            return op -> Transformer.transform(new SearchFilterPushdown(filterOf), standard.rewrite(op));
        };
    }

    @Override
    public Op transform(OpSequence op, List<Op> elements) {
        List<Op> pushed = pushed(elements);
        if (pushed == null) {
            return super.transform(op, elements);
        }
        OpSequence out = OpSequence.create();
        pushed.forEach(out::add);
        return out;
    }

    @Override
    public Op transform(OpJoin op, Op left, Op right) {
        List<Op> pushed = pushed(List.of(left, right));
        return pushed == null ? super.transform(op, left, right) : OpJoin.create(pushed.get(0), pushed.get(1));
    }

    /** The patterns written before the search are its input: {@code ?p kh:mentions <x> . (?p ?s) kh:search "water"}. */
    @Override
    public Op transform(OpPropFunc op, Op input) {
        Map<Node, Map<String, Node>> filters = filters(List.of(input));
        Op search = op.getSubOp() == input ? op : new OpPropFunc(op.getProperty(), op.getSubjectArgs(), op.getObjectArgs(), input);
        return filters.isEmpty() ? search : withFilters((OpPropFunc) search, filters);
    }

    /** The elements with each kh:search given the filters of its passage variable; null when none has any. */
    private List<Op> pushed(List<Op> elements) {
        Map<Node, Map<String, Node>> filters = filters(elements);
        if (filters.isEmpty()) {
            return null;
        }
        List<Op> out = elements.stream().map(e -> pushInto(e, filters)).toList();
        return out.equals(elements) ? null : out;
    }

    /** The searches of a part of the conjunction (the optimiser nests sequences), given their filters. */
    private static Op pushInto(Op op, Map<Node, Map<String, Node>> filters) {
        return switch (op) {
            case OpPropFunc search -> withFilters(search, filters);
            case OpSequence sequence -> {
                OpSequence out = OpSequence.create();
                sequence.getElements().forEach(e -> out.add(pushInto(e, filters)));
                yield out.equals(sequence) ? sequence : out;
            }
            case OpJoin join -> {
                Op left = pushInto(join.getLeft(), filters);
                Op right = pushInto(join.getRight(), filters);
                yield left == join.getLeft() && right == join.getRight() ? join : OpJoin.create(left, right);
            }
            default -> op;
        };
    }

    /** What the patterns of a conjunction say of its variables. */
    private static final class Conjunction {
        /** ?p kh:mentions X: the Xs of each ?p. */
        final Map<Node, List<Node>> mentioned = new LinkedHashMap<>();
        /** ?a skos:broader <area> or ?a skos:broader? <area>. */
        final Map<Node, Node> within = new HashMap<>();
        /** ?p kh:inDocument ?d. */
        final Map<Node, Node> inDocument = new HashMap<>();
        /** ?d dcterms:date ?date. */
        final Map<Node, Node> datedBy = new HashMap<>();
        /** FILTER bounds on a variable: the earliest and the latest date it may be (either may be null). */
        final Map<Node, LocalDate[]> dateBounds = new HashMap<>();
    }

    /**
     * The filters of each passage variable, from a conjunction's patterns (BGPs and property paths,
     * under filters, sequences and joins): {@code ?p kh:mentions <concept>}, {@code ?p kh:mentions ?a .
     * ?a skos:broader? <area>} (an area or those right under it; the index counts a mention for the
     * areas above it too), and {@code ?p kh:inDocument ?d . ?d dcterms:date ?date} with FILTER bounds
     * on {@code ?date} (the index holds each passage's document date).
     */
    private Map<Node, Map<String, Node>> filters(List<Op> conjunction) {
        Conjunction c = new Conjunction();
        conjunction.forEach(op -> collect(op, c));
        Map<Node, Map<String, Node>> out = new LinkedHashMap<>();
        c.mentioned.forEach((passage, objects) -> {
            for (Node o : objects) {
                Node concept = o.isVariable() ? c.within.get(o) : o;
                String filter = concept == null ? null : filterOf.apply(concept);
                if (filter != null && (!o.isVariable() || filter.equals("area"))) {
                    out.computeIfAbsent(passage, v -> new LinkedHashMap<>()).putIfAbsent(filter, concept);
                }
            }
        });
        c.inDocument.forEach((passage, document) -> {
            LocalDate[] bounds = c.datedBy.containsKey(document) ? c.dateBounds.get(c.datedBy.get(document)) : null;
            // An empty range (from after to) is the FILTER's to answer: as filters it would be a bad request.
            if (bounds != null && !(bounds[0] != null && bounds[1] != null && bounds[0].isAfter(bounds[1]))) {
                Map<String, Node> filters = out.computeIfAbsent(passage, v -> new LinkedHashMap<>());
                if (bounds[0] != null) {
                    filters.putIfAbsent("from", NodeFactory.createLiteralString(bounds[0].toString()));
                }
                if (bounds[1] != null) {
                    filters.putIfAbsent("to", NodeFactory.createLiteralString(bounds[1].toString()));
                }
            }
        });
        return out;
    }

    private static void collect(Op op, Conjunction c) {
        switch (op) {
            case OpBGP bgp -> {
                for (Triple t : bgp.getPattern().getList()) {
                    if (!t.getSubject().isVariable()) {
                        continue;
                    }
                    if (t.getPredicate().equals(MENTIONS)) {
                        c.mentioned.computeIfAbsent(t.getSubject(), v -> new ArrayList<>()).add(t.getObject());
                    } else if (t.getPredicate().equals(BROADER) && t.getObject().isURI()) {
                        c.within.put(t.getSubject(), t.getObject());
                    } else if (t.getPredicate().equals(IN_DOCUMENT) && t.getObject().isVariable()) {
                        c.inDocument.put(t.getSubject(), t.getObject());
                    } else if (t.getPredicate().equals(DATE) && t.getObject().isVariable()) {
                        c.datedBy.put(t.getSubject(), t.getObject());
                    }
                }
            }
            case OpPath path -> {
                TriplePath t = path.getTriplePath();
                if (t.getSubject().isVariable() && t.getObject().isURI() && t.getPath() instanceof P_ZeroOrOne optional
                        && optional.getSubPath() instanceof P_Link link && link.getNode().equals(BROADER)) {
                    c.within.put(t.getSubject(), t.getObject());
                }
            }
            case OpFilter filter -> {
                filter.getExprs().forEach(e -> bounds(e, c.dateBounds));
                collect(filter.getSubOp(), c);
            }
            case OpSequence sequence -> sequence.getElements().forEach(e -> collect(e, c));
            case OpJoin join -> {
                collect(join.getLeft(), c);
                collect(join.getRight(), c);
            }
            default -> {
            }
        }
    }

    /**
     * The date bounds a FILTER expression puts on a variable: {@code ?date >= "2019-01-01"^^xsd:date}
     * and the like, joined by {@code &&}. A strict bound is kept inclusive: the index may find more,
     * the FILTER still decides.
     */
    private static void bounds(Expr e, Map<Node, LocalDate[]> out) {
        if (e instanceof E_LogicalAnd and) {
            bounds(and.getArg1(), out);
            bounds(and.getArg2(), out);
            return;
        }
        if (!(e instanceof ExprFunction2 f)) {
            return;
        }
        boolean lower = e instanceof E_GreaterThanOrEqual || e instanceof E_GreaterThan;
        boolean upper = e instanceof E_LessThanOrEqual || e instanceof E_LessThan;
        if (!lower && !upper) {
            return;
        }
        Expr variable = f.getArg1();
        Expr constant = f.getArg2();
        if (!variable.isVariable()) { // "2019-01-01"^^xsd:date <= ?date
            variable = f.getArg2();
            constant = f.getArg1();
            boolean swap = lower;
            lower = upper;
            upper = swap;
        }
        if (!variable.isVariable() || !constant.isConstant() || !constant.getConstant().isDate()) {
            return;
        }
        var date = constant.getConstant().getDateTime();
        if (date.getYear() < 1 || date.getYear() > 9999) {
            return; // beyond the years the search's from and to take
        }
        LocalDate day = LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        LocalDate[] b = out.computeIfAbsent(variable.asVar(), v -> new LocalDate[2]);
        b[lower ? 0 : 1] = day;
    }

    /** A kh:search with the filters of its passage variable that it does not already have. */
    private static Op withFilters(OpPropFunc search, Map<Node, Map<String, Node>> byVariable) {
        if (!search.getProperty().getURI().equals(TextSearchFunction.IRI)) {
            return search;
        }
        PropFuncArg subject = search.getSubjectArgs();
        Map<String, Node> wanted = byVariable.get(subject.isList() ? subject.getArg(0) : subject.getArg());
        if (wanted == null) {
            return search;
        }
        PropFuncArg object = search.getObjectArgs();
        List<Node> args = new ArrayList<>(object.isList() ? object.getArgList() : List.of(object.getArg()));
        Set<String> given = new HashSet<>();
        List<Node> filters = TextSearchFunction.filterArgs(args);
        for (int i = 0; i + 1 < filters.size(); i += 2) {
            if (filters.get(i).isLiteral()) {
                given.add(filters.get(i).getLiteralLexicalForm());
            }
        }
        boolean added = false;
        for (Map.Entry<String, Node> c : wanted.entrySet()) {
            if (given.add(c.getKey())) {
                args.add(NodeFactory.createLiteralString(c.getKey()));
                args.add(c.getValue());
                added = true;
            }
        }
        return added ? new OpPropFunc(search.getProperty(), subject, new PropFuncArg(args), search.getSubOp()) : search;
    }
}
