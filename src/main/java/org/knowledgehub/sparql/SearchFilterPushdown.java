package org.knowledgehub.sparql;

import java.util.ArrayList;
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
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.knowledgehub.ontology.KH;

/**
 * Moves the concepts a query asks {@code kh:search}'s passages to mention into the search itself.
 * In {@code { (?p ?score) kh:search ("water" 10000) . ?p kh:mentions <.../id/sector/wash> }}, the index
 * filters on the sector (as {@code ("water" 10000 "sector" <.../id/sector/wash>)} would). The limit
 * then counts passages that mention the concept, and the join checks those hits, not the 10,000 best
 * of every sector. The triple pattern stays in the query. The index holds at least what a passage's
 * graph says it mentions (with its headings' mentions and an area's district and governorate too),
 * so the pattern still decides which hits are answers. Only patterns joined with the search are
 * used: not those in OPTIONAL, UNION, MINUS or GRAPH.
 */
final class SearchFilterPushdown extends TransformCopy {

    private static final Node MENTIONS = KH.mentions.asNode();

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
        Map<Node, Map<String, Node>> concepts = new LinkedHashMap<>();
        collect(input, concepts);
        Op search = op.getSubOp() == input ? op : new OpPropFunc(op.getProperty(), op.getSubjectArgs(), op.getObjectArgs(), input);
        return concepts.isEmpty() ? search : withFilters((OpPropFunc) search, concepts);
    }

    /** The elements with each kh:search given the concepts its passage variable must mention; null when none is. */
    private List<Op> pushed(List<Op> elements) {
        Map<Node, Map<String, Node>> concepts = new LinkedHashMap<>();
        elements.forEach(e -> collect(e, concepts));
        if (concepts.isEmpty()) {
            return null;
        }
        List<Op> out = new ArrayList<>(elements.size());
        boolean changed = false;
        for (Op e : elements) {
            Op n = e instanceof OpPropFunc search ? withFilters(search, concepts) : e;
            changed |= n != e;
            out.add(n);
        }
        return changed ? out : null;
    }

    /** The {@code ?var kh:mentions <concept>} patterns of a conjunction: BGPs, and BGPs under filters and joins. */
    private void collect(Op op, Map<Node, Map<String, Node>> concepts) {
        switch (op) {
            case OpBGP bgp -> {
                for (Triple t : bgp.getPattern().getList()) {
                    String filter = t.getSubject().isVariable() && t.getPredicate().equals(MENTIONS) ? filterOf.apply(t.getObject()) : null;
                    if (filter != null) {
                        concepts.computeIfAbsent(t.getSubject(), v -> new LinkedHashMap<>()).putIfAbsent(filter, t.getObject());
                    }
                }
            }
            case OpFilter filter -> collect(filter.getSubOp(), concepts);
            case OpSequence sequence -> sequence.getElements().forEach(e -> collect(e, concepts));
            case OpJoin join -> {
                collect(join.getLeft(), concepts);
                collect(join.getRight(), concepts);
            }
            default -> {
            }
        }
    }

    /** A kh:search whose passage variable must mention concepts, with them as filters it did not already have. */
    private static Op withFilters(OpPropFunc search, Map<Node, Map<String, Node>> concepts) {
        if (!search.getProperty().getURI().equals(TextSearchFunction.IRI)) {
            return search;
        }
        PropFuncArg subject = search.getSubjectArgs();
        Map<String, Node> wanted = concepts.get(subject.isList() ? subject.getArg(0) : subject.getArg());
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
