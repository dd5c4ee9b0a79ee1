package org.knowledgehub.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.knowledgehub.Problems;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.SearchService;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.ServiceCalls;
import org.knowledgehub.store.Uris;
import org.knowledgehub.store.VisibleDatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs SPARQL queries for a caller over exactly the graphs the access decision allows, with a
 * time limit, a size limit and no federated SERVICE calls.
 */
@Service
public class SparqlService {

    private static final Logger log = LoggerFactory.getLogger(SparqlService.class);

    private final KnowledgeStore store;
    private final PassageIndex index;
    private final AccessPolicy access;
    private final SparqlProperties properties;
    private final Uris uris;
    private final AuditTrail audit;
    private final SparqlPool pool;
    private final SearchService search;
    private final ConceptLabels labels;
    private final RewriteFactory optimizer;

    SparqlService(KnowledgeStore store, PassageIndex index, SearchService search, AccessPolicy access, SparqlProperties properties,
                  Uris uris, AuditTrail audit, SparqlPool pool, ConceptLabels labels) {
        this.search = search;
        this.labels = labels;
        this.optimizer = SearchFilterPushdown.afterStandard(this::searchFilterOf);
        this.pool = pool;
        this.uris = uris;
        this.audit = audit;
        this.store = store;
        this.index = index;
        this.access = access;
        this.properties = properties;
        TextSearchFunction.register();
        VisibleDescribeHandler.install();
    }

    /**
     * Parses a query, answering a 400 problem (with line and column) when it is not SPARQL 1.1.
     * Relative IRIs resolve against the hub's base, so queries need not name the deployment. A query
     * nested deeper than {@code kh.sparql.max-depth} is refused before it runs.
     */
    public Query parse(String queryString) {
        if (queryString == null || queryString.isBlank()) {
            throw Problems.invalid("query", "the query is empty");
        }
        Query query;
        try {
            query = QueryFactory.create(queryString, uris.base(), Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            if (e.getCause() instanceof StackOverflowError) {
                // Jena's parser wraps it.
                throw tooDeep("more than the parser can follow");
            }
            throw Problems.badQuery("query", "the query is not valid SPARQL 1.1: " + e.getMessage());
        } catch (QueryException e) {
            throw Problems.badQuery("query", "the query is not valid SPARQL 1.1: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw tooDeep("more than the parser can follow");
        }
        int depth;
        try {
            depth = QueryDepth.of(Algebra.compile(query), properties.maxDepth());
        } catch (StackOverflowError e) {
            depth = Integer.MAX_VALUE;
        }
        if (depth > properties.maxDepth()) {
            throw tooDeep(depth == Integer.MAX_VALUE ? "more than the compiler can follow" : "more than " + properties.maxDepth());
        }
        // After the depth check: the SERVICE check walks the algebra recursively.
        rejectService(query);
        return query;
    }

    /**
     * Runs on the SPARQL pool ({@link SparqlPool}), for {@code caller} calling from {@code address}.
     *
     * @param defaultGraphs protocol {@code default-graph-uri}s; with {@code namedGraphs}, they
     *                      replace the query's FROM and FROM NAMED
     */
    public SparqlResult execute(Query query, List<String> defaultGraphs, List<String> namedGraphs, Caller caller, String address) {
        if (!defaultGraphs.isEmpty() || !namedGraphs.isEmpty()) {
            query.getGraphURIs().clear();
            query.getNamedGraphURIs().clear();
            defaultGraphs.forEach(query::addGraphURI);
            namedGraphs.forEach(query::addNamedGraphURI);
        }
        VisibleGraphs visible = access.visibleTo(caller);
        // Watching the restricted and confidential graphs: the audit trail records those the query read.
        VisibleDatasetGraph dataset = store.view(visible.graphs(), audit.protectedGraphs(visible));
        long t0 = System.nanoTime();
        try {
            SparqlResult result = pool.run(caller, address, () -> Txn.calculateRead(dataset, () -> {
                try (QueryExec exec = QueryExec.dataset(dataset)
                        .query(query)
                        .timeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .set(ARQ.httpServiceAllowed, false)
                        .set(ARQConstants.sysOptimizerFactory, optimizer)
                        .set(TextSearchFunction.INDEX, index)
                        .set(TextSearchFunction.SEARCH, search)
                        .set(TextSearchFunction.VISIBLE, visible)
                        .build()) {
                    return run(query, exec);
                }
            }));
            log.debug("SPARQL {} for {} in {} ms", query.queryType(), caller.name(), (System.nanoTime() - t0) / 1_000_000);
            audit.recordRead(caller, "sparql", query.queryType() + " " + AuditTrail.digest(query.serialize()),
                    dataset.watchedGraphsRead());
            return result;
        } catch (QueryCancelledException e) {
            log.info("SPARQL query cancelled after {} ms (limit {})", (System.nanoTime() - t0) / 1_000_000, properties.timeout());
            throw Problems.timeout("the query did not finish within " + properties.timeout().toSeconds()
                    + " s; narrow it down or add a LIMIT");
        } catch (QueryException e) {
            throw Problems.badQuery("query", "the query failed: " + e.getMessage());
        }
    }

    /** The kh:search filter that takes a concept as its value: its scheme's (areas, sectors, groups, indicators); else null. */
    private String searchFilterOf(Node concept) {
        if (!concept.isURI()) {
            return null;
        }
        String base = uris.base();
        return labels.schemeOf(concept.getURI()).map(scheme -> scheme.equals(Schemes.areas(base)) ? "area"
                : scheme.equals(Schemes.sectors(base)) ? "sector"
                : scheme.equals(Schemes.populations(base)) ? "population"
                : scheme.equals(Schemes.indicators(base)) ? "indicator" : null).orElse(null);
    }

    private SparqlResult run(Query query, QueryExec exec) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            List<Binding> list = new ArrayList<>();
            while (rows.hasNext()) {
                if (list.size() >= properties.maxResults()) {
                    throw tooLarge();
                }
                list.add(rows.next());
            }
            return new SparqlResult.Rows(new ArrayList<Var>(rows.getResultVars()), list);
        }
        if (query.isAskType()) {
            return new SparqlResult.Bool(exec.ask());
        }
        if (query.isConstructType() || query.isDescribeType()) {
            Graph graph = GraphFactory.createDefaultGraph();
            var triples = query.isConstructType() ? exec.constructTriples() : exec.describeTriples();
            while (triples.hasNext()) {
                if (graph.size() >= properties.maxResults()) {
                    throw tooLarge();
                }
                graph.add(triples.next());
            }
            return new SparqlResult.Triples(graph);
        }
        throw Problems.badQuery("query", "only SELECT, ASK, CONSTRUCT and DESCRIBE queries are answered here");
    }

    private RuntimeException tooDeep(String levels) {
        return Problems.badQuery("query", "the query nests operators, expressions or paths " + levels
                + " levels deep; at most kh.sparql.max-depth (" + properties.maxDepth() + ") are allowed");
    }

    private RuntimeException tooLarge() {
        return Problems.badQuery("query", "the result has more than " + properties.maxResults()
                + " rows or triples; add a LIMIT or page with OFFSET");
    }

    /** SERVICE would let a query reach other servers (and carry data there); it is refused outright. */
    private static void rejectService(Query query) {
        if (ServiceCalls.in(query)) {
            throw Problems.badQuery("query", "SERVICE (federated query) is not allowed on this endpoint");
        }
    }
}
