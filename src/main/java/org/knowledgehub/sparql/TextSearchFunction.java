package org.knowledgehub.sparql;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Symbol;
import org.apache.lucene.search.IndexSearcher;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.search.PassageIndex;
import org.knowledgehub.search.SearchHit;
import org.knowledgehub.search.UserQueryParser;
import org.knowledgehub.security.VisibleGraphs;
import org.knowledgehub.store.VisibleDatasetGraph;
import org.springframework.web.ErrorResponseException;

/**
 * {@code kh:search}, full-text search inside SPARQL over the same index and with the same access
 * decision as {@code /api/search}:
 *
 * <pre>
 * (?passage ?score ?snippet) kh:search "water trucking" .
 * (?passage ?score) kh:search ("water trucking" 50) .
 * </pre>
 *
 * The subject list binds the passage IRI, its BM25 score and a highlighted fragment; the object is
 * the query text, optionally with a hit limit (default 100, at most 10,000). Outside a request of
 * the hub (no caller in the query context) it finds nothing.
 */
final class TextSearchFunction extends PropertyFunctionBase {

    static final String IRI = KH.NS + "search";
    static final Symbol INDEX = Symbol.create(KH.NS + "symbol/passageIndex");
    static final Symbol VISIBLE = Symbol.create(KH.NS + "symbol/visibleGraphs");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    static void register() {
        PropertyFunctionRegistry.get().put(IRI, uri -> new TextSearchFunction());
    }

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        super.build(subject, predicate, object, execCxt);
        int subjects = subject.isList() ? subject.getArgListSize() : 1;
        if (subjects < 1 || subjects > 3) {
            throw new QueryBuildException("kh:search binds (?passage [?score [?snippet]])");
        }
        if (object.isList() && (object.getArgListSize() < 1 || object.getArgListSize() > 2)) {
            throw new QueryBuildException("kh:search takes \"query text\" or (\"query text\" limit)");
        }
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object,
                              ExecutionContext execCxt) {
        PassageIndex index = execCxt.getContext().get(INDEX);
        VisibleGraphs visible = execCxt.getContext().get(VISIBLE);
        if (index == null || visible == null) {
            return QueryIterPlainWrapper.create(List.<Binding>of().iterator(), execCxt);
        }
        Node text = resolve(object.isList() ? object.getArg(0) : object.getArg(), binding);
        if (text == null || !text.isLiteral()) {
            throw new QueryExecException("kh:search needs the query text as a string");
        }
        int limit = DEFAULT_LIMIT;
        if (object.isList() && object.getArgListSize() == 2) {
            Node l = resolve(object.getArg(1), binding);
            if (l == null || !l.isLiteral() || !(l.getLiteralValue() instanceof Number n)) {
                throw new QueryExecException("kh:search limit must be a number");
            }
            limit = Math.max(1, Math.min(MAX_LIMIT, n.intValue()));
        }
        List<Node> subjects = subject.isList() ? subject.getArgList() : List.of(subject.getArg());
        List<SearchHit> hits;
        try {
            var query = new UserQueryParser(index.queryAnalyzer()).parse(text.getLiteralLexicalForm(), "query");
            hits = index.searchAll(query, visible, limit);
        } catch (ErrorResponseException e) {
            throw new QueryExecException("kh:search: " + e.getBody().getDetail());
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryExecException("kh:search: the text expands to too many terms (fuzzy~ or prefix* terms)");
        }
        List<Binding> out = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            if (execCxt.getDataset() instanceof VisibleDatasetGraph view) {
                view.noteRead(NodeFactory.createURI(hit.passage().graph())); // for the audit trail: hits are reads too
            }
            List<Node> values = List.of(
                    NodeFactory.createURI(hit.passage().passageUri()),
                    NodeFactory.createLiteralDT(Float.toString(hit.score()), XSDDatatype.XSDfloat),
                    NodeFactory.createLiteralString(hit.fragment()));
            BindingBuilder b = BindingBuilder.create(binding);
            boolean matches = true;
            for (int i = 0; i < subjects.size() && matches; i++) {
                Node s = subjects.get(i);
                if (Var.isVar(s)) {
                    Var v = Var.alloc(s);
                    Node bound = binding.get(v);
                    if (bound == null) {
                        b.add(v, values.get(i));
                    } else {
                        matches = bound.equals(values.get(i));
                    }
                } else {
                    matches = s.equals(values.get(i));
                }
            }
            if (matches) {
                out.add(b.build());
            }
        }
        return QueryIterPlainWrapper.create(out.iterator(), execCxt);
    }

    private static Node resolve(Node n, Binding binding) {
        return Var.isVar(n) ? binding.get(Var.alloc(n)) : n;
    }
}
