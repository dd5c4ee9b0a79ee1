package org.knowledgehub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.knowledgehub.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kh migrate}: an embedded store is copied into an empty dataset of a real Fuseki and back
 * into the empty store of another data folder, every graph with all its quads (a blank node and
 * language-tagged and typed literals among them); a target that already holds graphs is refused.
 */
class StoreMigrationTest {

    @TempDir
    Path work;

    @Test
    void anEmbeddedStoreGoesToTheServiceAndBackWithEveryQuad() throws Exception {
        Path hub = work.resolve("hub");
        DatasetGraph source = KnowledgeStore.open(Files.createDirectories(hub.resolve("tdb2")));
        try {
            Txn.executeWrite(source, () -> {
                for (int g = 0; g < 30; g++) {
                    for (int i = 0; i < 40; i++) {
                        source.add(SSE.parseQuad("(quad <urn:g" + g + "> <urn:s" + i + "> <urn:p> 'passage " + i + " of " + g + "'@en)"));
                    }
                    source.add(SSE.parseQuad("(quad <urn:g" + g + "> <urn:s0> <urn:year> '" + (2000 + g) + "'^^<http://www.w3.org/2001/XMLSchema#gYear>)"));
                }
                Node list = NodeFactory.createBlankNode();
                source.add(Quad.create(SSE.parseNode("<urn:ontology>"), list, SSE.parseNode("<urn:first>"), SSE.parseNode("'a'")));
                source.add(Quad.create(SSE.parseNode("<urn:ontology>"), SSE.parseNode("<urn:list>"), SSE.parseNode("<urn:head>"), list));
            });
        } finally {
            TDBInternal.expel(source);
        }

        try (FusekiServer fuseki = new FusekiServer(Files.createDirectories(work.resolve("fuseki")))) {
            URI service = URI.create(fuseki.dataset());
            StoreMigration.Copied there = StoreMigration.toService(hub, service);
            assertThat(there.graphs()).isEqualTo(31);
            assertThat(there.quads()).isEqualTo(30 * 41 + 2);
            assertThat(fuseki.count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")).isEqualTo(30 * 41 + 2);
            assertThat(fuseki.count("SELECT (COUNT(*) AS ?n) { GRAPH <urn:ontology> { <urn:list> <urn:head> ?b . ?b <urn:first> 'a' } }"))
                    .as("the blank node still joins its two quads").isEqualTo(1);
            assertThatThrownBy(() -> StoreMigration.toService(hub, service)).hasMessageContaining("already holds 31 graphs");

            Path back = work.resolve("back");
            StoreMigration.Copied returned = StoreMigration.fromService(service, back);
            assertThat(returned).isEqualTo(there);
            DatasetGraph copy = KnowledgeStore.open(back.resolve("tdb2"));
            try {
                Txn.executeRead(copy, () -> {
                    assertThat(Iter.count(copy.find())).isEqualTo(30 * 41 + 2);
                    assertThat(copy.contains(SSE.parseQuad("(quad <urn:g7> <urn:s3> <urn:p> 'passage 3 of 7'@en)"))).isTrue();
                    assertThat(copy.contains(Quad.create(SSE.parseNode("<urn:g7>"), SSE.parseNode("<urn:s0>"), SSE.parseNode("<urn:year>"),
                            SSE.parseNode("'2007'^^<http://www.w3.org/2001/XMLSchema#gYear>")))).isTrue();
                });
            } finally {
                TDBInternal.expel(copy);
            }
            assertThatThrownBy(() -> StoreMigration.fromService(service, back)).hasMessageContaining("already holds 31 graphs");
            assertThatThrownBy(() -> StoreMigration.toService(work.resolve("no-hub"), service)).hasMessageContaining("no embedded store");
            assertThat(work.resolve("no-hub")).doesNotExist();
        }
    }
}
