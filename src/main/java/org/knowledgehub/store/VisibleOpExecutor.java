package org.knowledgehub.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpDatasetNames;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterFilterExpr;
import org.apache.jena.sparql.engine.iterator.QueryIterPeek;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.main.solver.OpExecutorQuads;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.tdb2.solver.PatternMatchTDB2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;

/**
 * Quad-form execution over a {@link VisibleDatasetGraph}, plus {@code GRAPH ?g {}} (graph names),
 * which ARQ's generic executor does not implement: names come from the view, so only visible
 * graphs are listed.
 */
final class VisibleOpExecutor extends OpExecutorQuads {

    VisibleOpExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    /**
     * A quad pattern on TDB2 runs in TDB2's own matcher, on node ids, with the view's graphs as its
     * quad filter ({@link VisibleDatasetGraph#quadFilter}): the view's default graph is the union of the
     * visible graphs. Lookups that repeat within the pattern's run are answered once ({@link RememberedLookups}). On a remote store, the service matches the whole pattern ({@link RemoteQuadPattern}).
     * Everything else (paths, property functions) reads through the view.
     */
    @Override
    protected QueryIterator execute(OpQuadPattern quads, QueryIterator input) {
        if (execCxt.getDataset() instanceof VisibleDatasetGraph view && view.remote() != null
                && RemoteQuadPattern.accepts(quads)) {
            return new RemoteQuadPattern(view.remote(), view, quads, input, each -> super.execute(quads, each), execCxt);
        }
        DatasetGraphTDB storage = execCxt.getDataset() instanceof VisibleDatasetGraph view ? view.storage() : null;
        if (storage == null) {
            return super.execute(quads, input);
        }
        VisibleDatasetGraph view = (VisibleDatasetGraph) execCxt.getDataset();
        Node g = quads.getGraphNode();
        Node graph = Quad.isDefaultGraph(g) || Quad.isUnionGraph(g) ? Quad.unionGraph : g;
        BasicPattern pattern = quads.getBasicPattern();
        ReorderTransformation reorder = storage.getReorderTransform();
        if (pattern.size() >= 2 && reorder != null && input.hasNext()) {
            // Ordered for the first input row, as TDB2's executor does.
            QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
            input = peek;
            pattern = reorder.reorderIndexes(Substitute.substitute(pattern, peek.peek())).reorder(pattern);
        }
        return PatternMatchTDB2.execute(new RememberedLookups(storage, graph), pattern, input, view.quadFilter(storage), execCxt);
    }

    /**
     * A filter on a quad pattern of a remote store goes to the service with the pattern, as far as the
     * service can apply it ({@link RemoteQuadPattern#pushable}): a filter that keeps few of many rows
     * does not bring them all to the hub. What it cannot apply is applied here.
     */
    @Override
    protected QueryIterator execute(OpFilter filter, QueryIterator input) {
        if (execCxt.getDataset() instanceof VisibleDatasetGraph view && view.remote() != null
                && filter.getSubOp() instanceof OpQuadPattern quads && RemoteQuadPattern.accepts(quads)) {
            List<Expr> pushed = new ArrayList<>();
            List<Expr> kept = new ArrayList<>();
            filter.getExprs().forEach(e -> (RemoteQuadPattern.pushable(e, quads) ? pushed : kept).add(e));
            if (!pushed.isEmpty()) {
                QueryIterator rows = new RemoteQuadPattern(view.remote(), view, quads, pushed, input,
                        each -> super.execute(OpFilter.filterDirect(new ExprList(pushed), quads), each), execCxt);
                for (Expr e : kept) {
                    rows = new QueryIterFilterExpr(rows, e, execCxt);
                }
                return rows;
            }
        }
        return super.execute(filter, input);
    }

    @Override
    protected QueryIterator execute(OpDatasetNames names, QueryIterator input) {
        DatasetGraph dataset = execCxt.getDataset();
        Node graphNode = names.getGraphNode();
        return new QueryIterRepeatApply(input, execCxt) {
            @Override
            protected QueryIterator nextStage(Binding binding) {
                List<Binding> out = new ArrayList<>();
                Node g = Var.isVar(graphNode) ? binding.get(Var.alloc(graphNode)) : graphNode;
                if (g != null) {
                    if (dataset.containsGraph(g)) {
                        out.add(binding);
                    }
                } else {
                    dataset.listGraphNodes().forEachRemaining(name ->
                            out.add(BindingFactory.binding(binding, Var.alloc(graphNode), name)));
                }
                return QueryIterPlainWrapper.create(out.iterator(), getExecContext());
            }
        };
    }
}
