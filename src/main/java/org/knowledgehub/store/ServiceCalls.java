package org.knowledgehub.store;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.update.UpdateRequest;

/**
 * Finds SERVICE (a call to another SPARQL endpoint) anywhere in a query or an update: in a
 * subquery, inside FILTER EXISTS, BIND or ORDER BY too, which a walk of the query's syntax does not
 * reach. Such calls would make the server send requests to addresses a caller picks.
 */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    public static boolean in(Query query) {
        // The whole query, not only its pattern: ORDER BY, HAVING and SELECT expressions can hold EXISTS too.
        return query.getQueryPattern() != null && in(Algebra.compile(query));
    }

    public static boolean in(UpdateRequest request) {
        return request.getOperations().stream()
                .anyMatch(op -> op instanceof UpdateModify modify && modify.getWherePattern() != null && in(modify.getWherePattern()));
    }

    private static boolean in(Element pattern) {
        return in(Algebra.compile(pattern));
    }

    private static boolean in(Op op) {
        Finder finder = new Finder();
        // With an expression visitor, the walk also enters the patterns of EXISTS and NOT EXISTS.
        Walker.walk(op, finder, new ExprVisitorBase());
        return finder.found;
    }

    private static final class Finder extends OpVisitorBase {
        boolean found;

        @Override
        public void visit(OpService service) {
            found = true;
        }

        /** The walk leaves out the expressions of ORDER BY. */
        @Override
        public void visit(OpOrder order) {
            order.getConditions().forEach(c -> Walker.walk(c.getExpression(), this, new ExprVisitorBase()));
        }
    }
}
