package org.knowledgehub.sparql;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/** A query's complete answer, held in memory so errors and timeouts still get a proper status. */
sealed interface SparqlResult {

    record Rows(List<Var> vars, List<Binding> rows) implements SparqlResult {
    }

    record Bool(boolean value) implements SparqlResult {
    }

    record Triples(Graph graph) implements SparqlResult {
    }
}
