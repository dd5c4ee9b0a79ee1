package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DocumentIds;

/** Every minted IRI dereferences: RDF by content negotiation, a readable page for browsers. */
class LinkedDataTest extends HubTest {

    static final String MINUTES = DocumentIds.forSource("minutes/imwg-beirut-2019-06-13.md");

    private static final List<String> PATHS = List.of(
            "/id/document/" + MINUTES,
            "/id/document/" + MINUTES + "/section/2",
            "/id/document/" + MINUTES + "/passage/1",
            "/id/document/" + MINUTES + "/meeting",
            "/id/document/" + MINUTES + "/action/1",
            "/id/document/" + MINUTES + "/agenda/1",
            "/id/organisation/unhcr",
            "/id/area/LB2",
            "/id/sector/wash");

    @Test
    void everyKindOfResourceDereferencesToRdfInEveryFormat() {
        Map<String, Lang> formats = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
                "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
        for (String path : PATHS) {
            String iri = "http://localhost:8080" + path;
            formats.forEach((accept, lang) -> {
                Http.Response r = http().get(path, "Accept", accept);
                assertThat(r.status()).as(path + " " + accept + " " + r).isEqualTo(200);
                assertThat(r.contentType()).startsWith(accept);
                assertThat(r.header("Vary")).contains("Accept");
                Graph g = GraphFactory.createDefaultGraph();
                RDFParser.fromString(r.text(), lang).parse(g);
                assertThat(g.contains(NodeFactory.createURI(iri), null, null)).as(path + " " + accept).isTrue();
            });
            assertThat(http().get(path).contentType()).as("no Accept: Turtle").startsWith("text/turtle");
            assertThat(http().get(path, "Accept", "*/*").contentType()).as("curl: Turtle").startsWith("text/turtle");
        }
    }

    @Test
    void browsersGetAPage() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : PATHS) {
            Http.Response r = http().get(path, "Accept", browser);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.text()).contains("<h1");
        }
        String page = http().get("/id/document/" + MINUTES, "Accept", browser).text();
        assertThat(page).contains("Minutes of IM Working Group Meeting - Beirut, 13 June 2019")
                .contains("Provenance").contains("Action points").contains("Sections and passages")
                .contains("/api/documents/" + MINUTES + "/original");
    }

    @Test
    void unknownResourcesAre404() {
        Http.Response rdf = http().get("/id/document/nothing-here-00000000", "Accept", "text/turtle");
        assertThat(rdf.status()).isEqualTo(404);
        assertThat(rdf.contentType()).startsWith("application/problem+json");
        // A browser is told on a page of the hub.
        Http.Response page = http().get("/id/document/nothing-here-00000000", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("nothing-here-00000000");
        assertThat(http().get("/id/organisation/no-such-agency", "Accept", "text/turtle").status()).isEqualTo(404);
        assertThat(http().get("/id/document/" + MINUTES, "Accept", "image/png").status()).isEqualTo(406);
    }
}
