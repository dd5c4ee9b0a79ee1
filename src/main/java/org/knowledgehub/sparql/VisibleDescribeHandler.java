package org.knowledgehub.sparql;

import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.describe.DescribeHandler;
import org.apache.jena.sparql.core.describe.DescribeHandlerRegistry;
import org.apache.jena.sparql.util.Context;
import org.knowledgehub.store.Descriptions;

/**
 * DESCRIBE that reads only the dataset the query ran on. Jena's default handler runs a query of
 * its own over the dataset's named graphs, outside the query's context; this one describes through
 * the same access-filtered view as the rest of the query, so DESCRIBE cannot see more.
 */
final class VisibleDescribeHandler implements DescribeHandler {

    private Model accumulator;
    private DatasetGraph dataset;

    /** Replaces every registered DESCRIBE handler (they are global in ARQ) with this one. */
    static synchronized void install() {
        DescribeHandlerRegistry registry = DescribeHandlerRegistry.get();
        registry.clear();
        registry.add(VisibleDescribeHandler::new);
    }

    @Override
    public void start(Model accumulateResultModel, Context context) {
        this.accumulator = accumulateResultModel;
        Object current = context.get(ARQConstants.sysCurrentDataset);
        if (current instanceof Dataset ds) {
            dataset = ds.asDatasetGraph();
        } else if (current instanceof DatasetGraph dsg) {
            dataset = dsg;
        }
    }

    @Override
    public void describe(Resource resource) {
        if (dataset != null && !resource.isLiteral()) {
            Descriptions.describe(dataset, resource.asNode()).find().forEachRemaining(accumulator.getGraph()::add);
        }
    }

    @Override
    public void finish() {
        dataset = null;
    }
}
