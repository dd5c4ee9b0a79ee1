package org.knowledgehub.sparql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpExtendAssign;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;

/**
 * How deeply a query's algebra nests: operators, expressions and property paths together. Jena
 * evaluates each level with recursion, so depth (3,000 UNION branches compile to 3,000 nested
 * unions) is what overflows a worker's stack. The walk itself keeps its own stack.
 */
final class QueryDepth {

    private record Node(Object item, int depth) {
    }

    private QueryDepth() {
    }

    /** The deepest level reached, or the first level beyond {@code limit} (the walk stops there). */
    static int of(Op op, int limit) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(new Node(op, 1));
        int max = 0;
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            max = Math.max(max, n.depth);
            if (max > limit) {
                return max;
            }
            int next = n.depth + 1;
            switch (n.item) {
                case Op1 op1 -> {
                    todo.push(new Node(op1.getSubOp(), next));
                    expressions(op1).forEach(e -> todo.push(new Node(e, next)));
                }
                case Op2 op2 -> {
                    todo.push(new Node(op2.getLeft(), next));
                    todo.push(new Node(op2.getRight(), next));
                    if (op2 instanceof OpLeftJoin join && join.getExprs() != null) {
                        join.getExprs().forEach(e -> todo.push(new Node(e, next)));
                    }
                }
                case OpN opN -> opN.getElements().forEach(o -> todo.push(new Node(o, next)));
                case OpPath path -> todo.push(new Node(path.getTriplePath().getPath(), next));
                case ExprFunctionOp exists -> todo.push(new Node(exists.getGraphPattern(), next));
                case ExprAggregator agg -> {
                    ExprList args = agg.getAggregator().getExprList();
                    if (args != null) {
                        args.forEach(e -> todo.push(new Node(e, next)));
                    }
                }
                case ExprFunction f -> f.getArgs().forEach(e -> todo.push(new Node(e, next)));
                case P_Path1 p -> todo.push(new Node(p.getSubPath(), next));
                case P_Path2 p -> {
                    todo.push(new Node(p.getLeft(), next));
                    todo.push(new Node(p.getRight(), next));
                }
                default -> {
                    // Leaves: triples, variables, constants, VALUES tables.
                }
            }
        }
        return max;
    }

    private static List<Expr> expressions(Op1 op) {
        return switch (op) {
            case OpFilter f -> f.getExprs().getList();
            case OpExtendAssign e -> exprs(e.getVarExprList());
            case OpGroup g -> {
                List<Expr> all = new ArrayList<>(exprs(g.getGroupVars()));
                all.addAll(g.getAggregators());
                yield all;
            }
            case OpOrder o -> o.getConditions().stream().map(SortCondition::getExpression).toList();
            case OpTopN t -> t.getConditions().stream().map(SortCondition::getExpression).toList();
            default -> List.of();
        };
    }

    private static List<Expr> exprs(VarExprList list) {
        return list.getExprs().values().stream().toList();
    }
}
