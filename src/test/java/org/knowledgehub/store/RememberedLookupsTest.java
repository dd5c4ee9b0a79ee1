package org.knowledgehub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic graph patterns over a caller's view remember the lookups that repeat within a run
 * ({@link RememberedLookups}). The answers are those of ARQ's reference engine over the visible
 * graphs alone: with more distinct lookups than are kept, with lookups too long to keep, and with a
 * type that only a hidden graph gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RememberedLookupsTest {

    private static final int CONCEPTS = RememberedLookups.MOST_LOOKUPS + 500;
    private static final int PASSAGES = 6000;
    private static final int VALUES_OF_THE_FIRST_CONCEPT = RememberedLookups.MOST_ROWS + 8;
    private static final String PREFIX = "PREFIX : <urn:x:> ";

    @TempDir
    static Path dir;
    private PinnedStorage store;
    private VisibleDatasetGraph view;
    /** The visible graphs' triples as one default graph, for the reference engine. */
    private final DatasetGraph reference = DatasetGraphFactory.createTxnMem();

    @BeforeAll
    void load() {
        VisibleQueryEngine.register();
        store = new PinnedStorage(KnowledgeStore.open(dir));
        Node hidden = uri("hidden");
        List<Quad> quads = new ArrayList<>();
        for (int c = 0; c < CONCEPTS; c++) {
            if (c % 10 == 0) {
                quads.add(Quad.create(uri("g0"), concept(c), RDF.type.asNode(), uri("Sector")));
            } else if (c % 10 == 5) {
                quads.add(Quad.create(hidden, concept(c), RDF.type.asNode(), uri("Sector")));
            }
        }
        for (int v = 0; v < VALUES_OF_THE_FIRST_CONCEPT; v++) {
            quads.add(Quad.create(uri("g1"), concept(0), uri("value"), NodeFactory.createLiteralString("v" + v)));
        }
        for (int p = 0; p < PASSAGES; p++) {
            Node graph = p % 4 == 3 ? hidden : uri("g" + p % 3);
            quads.add(Quad.create(graph, uri("p" + p), uri("mentions"), concept(p % CONCEPTS)));
            quads.add(Quad.create(graph, uri("p" + p), uri("mentions"), concept(p * 7 % 50)));
        }
        Txn.executeWrite(store, () -> quads.forEach(store::add));
        Txn.executeWrite(reference, () -> quads.stream().filter(q -> !q.getGraph().equals(hidden))
                .forEach(q -> reference.getDefaultGraph().add(q.asTriple())));
        view = new VisibleDatasetGraph(store, Set.of(uri("g0"), uri("g1"), uri("g2")), Set.of(), new GraphIds());
    }

    @AfterAll
    void close() {
        TDBInternal.expel(store.container());
    }

    @Test
    void countsByATypeCheckedOnceForEveryRowAreTheReferenceCounts() {
        String counts = PREFIX + "SELECT ?c (COUNT(DISTINCT ?p) AS ?n) { ?p :mentions ?c . ?c a :Sector } GROUP BY ?c";
        List<String> answers = viewed(counts);
        assertThat(answers).hasSizeGreaterThan(RememberedLookups.MOST_LOOKUPS / 10).isEqualTo(referenced(counts));
        assertThat(answers).as("a type only a hidden graph gives").noneMatch(row -> row.contains("<urn:x:c5>"));
    }

    @Test
    void lookupsTooLongToKeepAndMoreLookupsThanAreKeptGiveEveryRow() {
        String values = PREFIX + "SELECT ?p ?v { ?p :mentions ?c . ?c :value ?v }";
        assertThat(viewed(values)).hasSizeGreaterThan(VALUES_OF_THE_FIRST_CONCEPT * 10).isEqualTo(referenced(values));
        String all = PREFIX + "SELECT ?p ?c ?t { ?p :mentions ?c . OPTIONAL { ?c a ?t } }";
        assertThat(viewed(all)).hasSizeGreaterThan(PASSAGES).isEqualTo(referenced(all));
    }

    private List<String> viewed(String query) {
        view.begin(TxnType.READ);
        try {
            return rows(QueryExec.dataset(view).query(query).select());
        } finally {
            view.end();
        }
    }

    private List<String> referenced(String query) {
        return Txn.calculateRead(reference, () -> rows(QueryExec.dataset(reference).query(query).select()));
    }

    /** Each row as its variables and values in the order of the variables' names, the rows sorted. */
    private static List<String> rows(RowSet rows) {
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(b -> out.add(rows.getResultVars().stream().sorted(Comparator.comparing(Var::getVarName))
                .map(v -> v + "=" + b.get(v)).collect(Collectors.joining(" "))));
        return out.stream().sorted().toList();
    }

    private static Node concept(int c) {
        return uri("c" + c);
    }

    private static Node uri(String local) {
        return NodeFactory.createURI("urn:x:" + local);
    }
}
