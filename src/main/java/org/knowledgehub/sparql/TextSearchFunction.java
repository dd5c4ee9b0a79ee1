package org.knowledgehub.sparql;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
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
import org.knowledgehub.search.SearchService;
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
 * (?passage ?score) kh:search ("water trucking" 50 "sector" "wash" "year" 2023 "document" ?doc) .
 * </pre>
 *
 * The subject list binds the passage IRI, its BM25 score and a highlighted fragment (highlighted
 * only when asked for); the object is the query text, optionally with a hit limit (default 100,
 * at most 10,000), then filters as name and value pairs, the names and values of
 * {@code /api/search}'s filters ({@link #FILTERS}; concepts and documents also by IRI, values also
 * from variables bound before). The filters are part of the index query, so the limit counts
 * passages that pass them. Outside a request of the hub (no caller in the query context) it
 * finds nothing.
 */
final class TextSearchFunction extends PropertyFunctionBase {

    static final String IRI = KH.NS + "search";
    static final Symbol INDEX = Symbol.create(KH.NS + "symbol/passageIndex");
    static final Symbol SEARCH = Symbol.create(KH.NS + "symbol/searchService");
    static final Symbol VISIBLE = Symbol.create(KH.NS + "symbol/visibleGraphs");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final List<String> FILTERS = List.of("type", "organisation", "from", "to", "sensitivity", "area", "sector",
            "population", "indicator", "year", "document");

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
        List<Node> args = object.isList() ? object.getArgList() : List.of(object.getArg());
        if (args.isEmpty()) {
            throw new QueryBuildException(USAGE);
        }
        if (args.size() % 2 == 0 && args.get(1).isLiteral() && !(args.get(1).getLiteralValue() instanceof Number)) {
            throw new QueryBuildException("kh:search: a filter needs a name and a value; " + USAGE);
        }
        List<Node> filters = filterArgs(args);
        for (int i = 0; i < filters.size(); i += 2) {
            Node name = filters.get(i);
            if (!name.isLiteral() || !FILTERS.contains(name.getLiteralLexicalForm())) {
                throw new QueryBuildException("kh:search: no filter named " + name + "; filters are " + String.join(", ", FILTERS));
            }
        }
    }

    private static final String USAGE = "kh:search takes \"query text\" or (\"query text\" [limit] [\"filter\" value]...)";

    /** The name and value pairs after the text, and after the limit if there is one (an even count of arguments). */
    static List<Node> filterArgs(List<Node> args) {
        return args.subList(args.size() % 2 == 0 ? 2 : 1, args.size());
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object,
                              ExecutionContext execCxt) {
        PassageIndex index = execCxt.getContext().get(INDEX);
        SearchService search = execCxt.getContext().get(SEARCH);
        VisibleGraphs visible = execCxt.getContext().get(VISIBLE);
        if (index == null || search == null || visible == null) {
            return QueryIterPlainWrapper.create(List.<Binding>of().iterator(), execCxt);
        }
        List<Node> args = object.isList() ? object.getArgList() : List.of(object.getArg());
        Node text = resolve(args.get(0), binding);
        if (text == null || !text.isLiteral()) {
            throw new QueryExecException("kh:search needs the query text as a string");
        }
        List<Node> filters = filterArgs(args);
        int limit = DEFAULT_LIMIT;
        if (args.size() - filters.size() == 2) {
            Node l = resolve(args.get(1), binding);
            if (l == null || !l.isLiteral() || !(l.getLiteralValue() instanceof Number n)) {
                throw new QueryExecException("kh:search limit must be a number");
            }
            limit = Math.max(1, Math.min(MAX_LIMIT, n.intValue()));
        }
        List<Node> subjects = subject.isList() ? subject.getArgList() : List.of(subject.getArg());
        PassageIndex.TextHits hits;
        try {
            var query = new UserQueryParser(index.queryAnalyzers()).parse(text.getLiteralLexicalForm(), "query");
            hits = index.searchAll(search.query(request(filters, binding), query), visible, limit, subjects.size() == 3);
        } catch (ErrorResponseException e) {
            throw new QueryExecException("kh:search: " + e.getBody().getDetail());
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryExecException("kh:search: the text expands to too many terms (fuzzy~ or prefix* terms)");
        }
        // Bindings made as the query takes them (a join that stops at LIMIT 10 reads only those hits); closing
        // the query iterator gives the index searcher back.
        Iterator<Binding> bindings = Iter.removeNulls(Iter.map(hits, hit -> bind(hit, binding, subjects, execCxt)));
        return QueryIterPlainWrapper.create(Iter.onClose(bindings, hits::close), execCxt);
    }

    /** A hit as a binding of the subject list, or null when the subjects bound before do not match it. */
    private static Binding bind(PassageIndex.TextHit hit, Binding binding, List<Node> subjects, ExecutionContext execCxt) {
        if (execCxt.getDataset() instanceof VisibleDatasetGraph view) {
            view.noteRead(NodeFactory.createURI(hit.graph())); // for the audit trail: hits are reads too
        }
        BindingBuilder b = BindingBuilder.create(binding);
        for (int i = 0; i < subjects.size(); i++) {
            Node value = switch (i) {
                case 0 -> NodeFactory.createURI(hit.passageUri());
                case 1 -> NodeFactory.createLiteralDT(Float.toString(hit.score()), XSDDatatype.XSDfloat);
                default -> NodeFactory.createLiteralString(hit.fragment());
            };
            Node s = subjects.get(i);
            if (Var.isVar(s)) {
                Var v = Var.alloc(s);
                Node bound = binding.get(v);
                if (bound == null) {
                    b.add(v, value);
                } else if (!bound.equals(value)) {
                    return null;
                }
            } else if (!s.equals(value)) {
                return null;
            }
        }
        return b.build();
    }

    /** The filters as /api/search takes them; an unbound variable filters nothing. */
    private static SearchService.Request request(List<Node> filters, Binding binding) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < filters.size(); i += 2) {
            Node value = resolve(filters.get(i + 1), binding);
            String name = filters.get(i).getLiteralLexicalForm();
            if (value != null) {
                if (!value.isURI() && !value.isLiteral()) {
                    throw new QueryExecException("kh:search: the filter " + name + " needs an IRI or a literal");
                }
                if (values.put(name, value.isURI() ? value.getURI() : value.getLiteralLexicalForm()) != null) {
                    throw new QueryExecException("kh:search: the filter " + name + " is given twice");
                }
            }
        }
        return new SearchService.Request(null, values.get("type"), values.get("organisation"), values.get("from"),
                values.get("to"), values.get("sensitivity"), values.get("area"), values.get("sector"), values.get("population"),
                values.get("indicator"), values.get("year"), values.get("document"), null, null, null, null);
    }

    private static Node resolve(Node n, Binding binding) {
        return Var.isVar(n) ? binding.get(Var.alloc(n)) : n;
    }
}
