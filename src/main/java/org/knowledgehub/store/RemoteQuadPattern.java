package org.knowledgehub.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.graph.NodeTransform;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.ExprUtils;
import org.apache.jena.vocabulary.XSD;

/**
 * One quad pattern of a query over a {@link VisibleDatasetGraph} whose store is a
 * {@link RemoteDatasetGraph}, evaluated by the service: one {@code SELECT} per chunk of input rows,
 * which carries the rows' values in a {@code VALUES} block (a bound join), instead of one request per
 * triple pattern and input row.
 *
 * <p>The access rules stay with the hub: every triple pattern is matched in a {@code GRAPH} whose
 * name comes back with the row, and a row is kept only when each of those graphs is visible to the
 * caller (the view's default graph is the union of the visible graphs, so each triple pattern of it
 * may match in a graph of its own, and a row found through several graphs is kept once). When the
 * caller sees few graphs, the query also names them ({@code FROM NAMED}), so the service does not
 * match in the others at all. Watched graphs a kept row came from are noted for the audit trail.
 *
 * <p>Input values the service could not take back as they are (blank nodes, which are labelled per
 * result) send their chunk down the pattern-by-pattern path instead.
 */
final class RemoteQuadPattern extends QueryIter1 {

    /** Input rows per request: the request stays well under the service's form-size limits. */
    static final int CHUNK = 200;
    /** Up to this many visible graphs, the query names them; above, rows from others are dropped here. */
    static final int NAMED_GRAPHS_IN_QUERY = 500;

    private static final Var ROW = Var.alloc("row");

    private final RemoteDatasetGraph remote;
    private final VisibleDatasetGraph view;
    private final Set<Node> visibleGraphs;
    private final UnaryOperator<QueryIterator> patternByPattern;
    /** The query's variables, renamed so any of them (ARQ's own for blank nodes, ??0) reads as SPARQL. */
    private final Map<Var, Var> renamed = new LinkedHashMap<>();
    /** The variable bound to the graph each triple pattern matched in, or to the one graph of all. */
    private final List<Var> graphVars = new ArrayList<>();
    private final String where;
    private final boolean union;
    /** The one graph named in the pattern, or null. */
    private final Node namedGraph;
    private Iterator<Binding> buffered = Collections.emptyIterator();
    /** The service's rows for the chunk being read, or null. */
    private RemoteDatasetGraph.Rows rows;

    RemoteQuadPattern(RemoteDatasetGraph remote, VisibleDatasetGraph view, OpQuadPattern quads, QueryIterator input,
                      UnaryOperator<QueryIterator> patternByPattern, ExecutionContext execCxt) {
        this(remote, view, quads, List.of(), input, patternByPattern, execCxt);
    }

    /** The pattern with {@code filters} ({@link #pushable}) applied by the service too. */
    RemoteQuadPattern(RemoteDatasetGraph remote, VisibleDatasetGraph view, OpQuadPattern quads, List<Expr> filters,
                      QueryIterator input, UnaryOperator<QueryIterator> patternByPattern, ExecutionContext execCxt) {
        super(input, execCxt);
        this.remote = remote;
        this.view = view;
        this.visibleGraphs = view.visibleGraphs();
        this.patternByPattern = patternByPattern;
        Node g = quads.getGraphNode();
        this.union = Quad.isDefaultGraph(g) || Quad.isUnionGraph(g);
        this.namedGraph = g.isURI() && !union ? g : null;
        StringBuilder body = new StringBuilder();
        if (union) {
            for (Triple t : quads.getBasicPattern()) {
                Var graph = Var.alloc("g" + graphVars.size());
                graphVars.add(graph);
                body.append("GRAPH ").append(graph).append(" { ").append(triple(t)).append(" }\n");
            }
        } else {
            String graph = term(g);
            if (g.isVariable()) {
                graphVars.add(Var.alloc(graph.substring(1)));
            }
            body.append("GRAPH ").append(graph).append(" {\n");
            quads.getBasicPattern().forEach(t -> body.append(triple(t)).append("\n"));
            body.append("}\n");
        }
        NodeTransform sent = n -> n.isVariable() ? renamed.get(Var.alloc(n)) : n;
        // Written with full IRIs: the query sent declares no prefixes.
        SerializationContext noPrefixes = new SerializationContext(PrefixMapping.Factory.create());
        filters.forEach(f -> body.append("FILTER(")
                .append(ExprUtils.fmtSPARQL(new ExprList(f.applyNodeTransform(sent)), noPrefixes)).append(")\n"));
        this.where = body.toString();
    }

    /**
     * Whether the service can apply a filter on this pattern's rows as the hub would: its variables are
     * the pattern's, and it is made of SPARQL's own operators and functions (and XSD casts) only. An
     * EXISTS is not: the service would look for it in graphs the caller may not read.
     */
    static boolean pushable(Expr filter, OpQuadPattern quads) {
        Set<Var> variables = new HashSet<>();
        quads.getBasicPattern().forEach(t -> List.of(t.getSubject(), t.getPredicate(), t.getObject()).forEach(n -> {
            if (n.isVariable()) {
                variables.add(Var.alloc(n));
            }
        }));
        if (quads.getGraphNode().isVariable()) {
            variables.add(Var.alloc(quads.getGraphNode()));
        }
        return variables.containsAll(filter.getVarsMentioned()) && standard(filter);
    }

    private static boolean standard(Expr e) {
        if (e instanceof ExprVar || e instanceof NodeValue) {
            return true;
        }
        if (e instanceof ExprFunctionOp || e instanceof E_Function f && !f.getFunctionIRI().startsWith(XSD.NS)) {
            return false;
        }
        return e instanceof ExprFunction f && f.getArgs().stream().allMatch(RemoteQuadPattern::standard);
    }

    /** Whether the service can take this pattern as it is: IRIs, literals and variables only. */
    static boolean accepts(OpQuadPattern quads) {
        if (!(quads.getGraphNode().isURI() || quads.getGraphNode().isVariable())) {
            return false;
        }
        for (Triple t : quads.getBasicPattern()) {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (!(n.isURI() || n.isLiteral() || n.isVariable())) {
                    return false;
                }
            }
        }
        return true;
    }

    private String triple(Triple t) {
        return term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject()) + " .";
    }

    private String term(Node n) {
        if (n.isVariable()) {
            return renamed.computeIfAbsent(Var.alloc(n), v -> Var.alloc("v" + renamed.size())).toString();
        }
        return NodeFmtLib.strNT(n);
    }

    @Override
    protected boolean hasNextBinding() {
        while (!buffered.hasNext()) {
            closeRows();
            QueryIterator input = getInput();
            if (input == null || !input.hasNext()) {
                return false;
            }
            List<Binding> chunk = new ArrayList<>(CHUNK);
            while (chunk.size() < CHUNK && input.hasNext()) {
                chunk.add(input.next());
            }
            buffered = evaluate(chunk);
        }
        return true;
    }

    @Override
    protected Binding moveToNextBinding() {
        return buffered.next();
    }

    private Iterator<Binding> evaluate(List<Binding> chunk) {
        List<Var> given = new ArrayList<>();
        for (Var v : renamed.keySet()) {
            for (Binding row : chunk) {
                Node value = row.get(v);
                if (value != null) {
                    if (!(value.isURI() || value.isLiteral())) {
                        return patternByPattern(chunk);
                    }
                    if (!given.contains(v)) {
                        given.add(v);
                    }
                }
            }
        }
        closeRows();
        AtomicBoolean cancelled = getExecContext().getCancelSignal();
        rows = remote.select(query(chunk, given), cancelled == null ? new AtomicBoolean() : cancelled);
        Set<List<Node>> seen = new HashSet<>();
        return Iter.removeNulls(Iter.map(rows, row -> kept(row, chunk, seen)));
    }

    /** The input row the service's row extends, extended; null when the caller may not read it or it came already. */
    private Binding kept(Binding row, List<Binding> chunk, Set<List<Node>> seen) {
        if (!visible(row)) {
            return null;
        }
        int index = Integer.parseInt(row.get(ROW).getLiteralLexicalForm());
        Binding parent = chunk.get(index);
        List<Node> key = new ArrayList<>(renamed.size() + 1);
        key.add(row.get(ROW));
        BindingBuilder builder = Binding.builder(parent);
        renamed.forEach((original, sent) -> {
            Node value = row.get(sent);
            key.add(value);
            if (value != null && !parent.contains(original)) {
                builder.add(original, value);
            }
        });
        if (union && !seen.add(key)) {
            return null;
        }
        graphVars.forEach(g -> view.noteRead(row.get(g)));
        if (namedGraph != null) {
            view.noteRead(namedGraph);
        }
        return builder.build();
    }

    /** Every graph the row was matched in is one the caller may read. */
    private boolean visible(Binding row) {
        if (namedGraph != null && !visibleGraphs.contains(namedGraph)) {
            return false;
        }
        for (Var g : graphVars) {
            Node graph = row.get(g);
            if (graph == null || !visibleGraphs.contains(graph)) {
                return false;
            }
        }
        return true;
    }

    private String query(List<Binding> chunk, List<Var> given) {
        StringBuilder query = new StringBuilder("SELECT * ");
        if (visibleGraphs.size() <= NAMED_GRAPHS_IN_QUERY) {
            // An empty dataset description would mean the service's whole dataset: name a graph that is never stored.
            if (visibleGraphs.isEmpty()) {
                query.append("FROM NAMED <urn:kh:no-graph>\n");
            }
            visibleGraphs.forEach(g -> query.append("FROM NAMED ").append(NodeFmtLib.strNT(g)).append("\n"));
        }
        query.append("WHERE {\nVALUES (").append(ROW);
        given.forEach(v -> query.append(" ").append(renamed.get(v)));
        query.append(") {\n");
        for (int i = 0; i < chunk.size(); i++) {
            Binding row = chunk.get(i);
            query.append("(").append(i);
            for (Var v : given) {
                Node value = row.get(v);
                query.append(" ").append(value == null ? "UNDEF" : NodeFmtLib.strNT(value));
            }
            query.append(")\n");
        }
        return query.append("}\n").append(where).append("}").toString();
    }

    private Iterator<Binding> patternByPattern(List<Binding> chunk) {
        List<Binding> out = new ArrayList<>();
        QueryIterator each = patternByPattern.apply(QueryIterPlainWrapper.create(chunk.iterator(), getExecContext()));
        try {
            each.forEachRemaining(out::add);
        } finally {
            each.close();
        }
        return out.iterator();
    }

    @Override
    protected void requestSubCancel() {
    }

    @Override
    protected void closeSubIterator() {
        buffered = Collections.emptyIterator();
        closeRows();
    }

    private void closeRows() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
