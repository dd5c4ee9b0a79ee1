package org.knowledgehub.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpDatasetNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.main.solver.OpExecutorQuads;

/**
 * Quad-form execution over a {@link VisibleDatasetGraph}, plus {@code GRAPH ?g {}} (graph names),
 * which ARQ's generic executor does not implement: names come from the view, so only visible
 * graphs are listed.
 */
final class VisibleOpExecutor extends OpExecutorQuads {

    VisibleOpExecutor(ExecutionContext execCxt) {
        super(execCxt);
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
