package org.knowledgehub.store;

import java.util.function.Supplier;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.QueryEngineMainQuad;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Evaluates queries over a {@link VisibleDatasetGraph} in quad form, so {@code GRAPH ?g} becomes
 * one quad lookup instead of a loop over every visible graph.
 */
final class VisibleQueryEngine {

    private static final QueryEngineFactory FACTORY = new QueryEngineFactory() {
        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return dataset instanceof VisibleDatasetGraph;
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            prepare(() -> Algebra.compile(query), dataset, context);
            return new QueryEngineMainQuad(query, dataset, input, context).getPlan();
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return dataset instanceof VisibleDatasetGraph;
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            prepare(() -> op, dataset, context);
            return new QueryEngineMainQuad(op, dataset, input, context).getPlan();
        }
    };

    /**
     * On a remote store, joins are not made by substituting each row of one side into the other: each
     * side's patterns then go to the service once ({@link RemoteQuadPattern}) rather than once per row.
     * Except with a property function (kh:search), which takes values bound before it from its input rows.
     */
    private static void prepare(Supplier<Op> op, DatasetGraph dataset, Context context) {
        QC.setFactory(context, VisibleOpExecutor::new);
        if (((VisibleDatasetGraph) dataset).remote() != null && !usesPropertyFunction(op.get())) {
            context.set(ARQ.optIndexJoinStrategy, false);
        }
    }

    private static boolean usesPropertyFunction(Op op) {
        PropertyFunctionRegistry registry = PropertyFunctionRegistry.get();
        boolean[] found = {false};
        OpWalker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(t -> found[0] |= t.getPredicate().isURI() && registry.isRegistered(t.getPredicate().getURI()));
            }

            @Override
            public void visit(OpPropFunc propFunc) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private VisibleQueryEngine() {
    }

    static synchronized void register() {
        if (!QueryEngineRegistry.containsFactory(FACTORY)) {
            QueryEngineRegistry.addFactory(FACTORY);
        }
    }
}
