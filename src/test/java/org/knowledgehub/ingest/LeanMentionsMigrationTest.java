package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A data folder written before mentions were folded into kh:mentionSpans: its document graphs are
 * rewritten on start, and the document page highlights the same spans as before.
 */
class LeanMentionsMigrationTest extends HubTest {

    private static final String TITLE = "Water in Zahle";
    private static final String BODY = "In June 2020 WFP and the Akkar Network for Development met [name███████] in Zahle.";
    private static final String TEXT = "# " + TITLE + "\n\n" + BODY + "\n";

    @Autowired
    KnowledgeStore store;
    @Autowired
    Uris uris;
    @Autowired
    LeanMentionsMigration migration;

    private int n;

    @Test
    void oldStyleMentionsBecomeOneLiteralPerPassageAndOnlyTheKeptKindsStayResources() {
        String id = "old-shape-" + UUID.randomUUID().toString().substring(0, 8);
        Model old = oldShape(id);
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            tx.replaceGraph(uris.documentGraph(id), old.getGraph());
            tx.replaceGraph(uris.personalGraph(id), personal(id).getGraph());
            tx.commit();
        }

        LeanMentionsMigration.Report report = migration.migrate();

        assertThat(report).isEqualTo(new LeanMentionsMigration.Report(1, 4, 2));
        assertThat(migration.migrate()).as("a second start has nothing to do").isEqualTo(new LeanMentionsMigration.Report(0, 0, 0));
        Model m = ModelFactory.createModelForGraph(store.copyOf(uris.documentGraph(id)));
        int at = TEXT.indexOf(BODY);
        Resource passage = m.getResource(uris.passage(id, 1));
        assertThat(passage.getProperty(KH.mentionSpans).getString()).isEqualTo(String.join("\n",
                span("June 2020", 0) + " date 0.90 corenlp =2020-06",
                span("WFP", 0) + " organisation 0.95 gazetteer <id/organisation/wfp>",
                span("Akkar Network for Development", 0) + " organisation 0.50 corenlp",
                span("[name███████]", 0) + " person 0.80 corenlp",
                span("Zahle", at) + " place 0.95 gazetteer <id/area/LB25>"));
        assertThat(m.getResource(uris.section(id, 1)).getProperty(KH.mentionSpans).getString())
                .isEqualTo(span("Zahle", 0) + " place 0.95 gazetteer <id/area/LB25>");
        // What search and SPARQL analysts use is left as it was.
        assertThat(passage.listProperties(KH.mentions).mapWith(st -> st.getResource().getURI()).toList())
                .containsExactlyInAnyOrder(uris.base() + "id/area/LB25", uris.base() + "id/organisation/wfp");
        assertThat(passage.hasLiteral(KH.containsPersonalData, true)).isTrue();

        assertThat(m.listSubjectsWithProperty(RDF.type, KH.Mention).mapWith(Resource::getURI).toList())
                .as("only the proposed organisation and the person stay resources")
                .containsExactlyInAnyOrder(uris.mention(id, 3), uris.mention(id, 4));
        for (int gone : List.of(1, 2, 5, 6)) {
            assertThat(m.listStatements(m.getResource(uris.mention(id, gone)), null, (org.apache.jena.rdf.model.RDFNode) null).toList())
                    .as("mention " + gone).isEmpty();
        }
        assertThat(m.getResource(uris.mention(id, 4)).getProperty(KH.exact).getString()).isEqualTo("[name███████]");
        Resource ingestion = m.getResource(uris.ingestion(id, "s1"));
        assertThat(ingestion.listProperties(Prov.wasAssociatedWith).mapWith(st -> st.getResource().getURI()).toList())
                .contains(uris.agent("corenlp"), uris.agent("gazetteer"));

        Http.Response page = admin().get("/id/document/" + id, "Accept", "text/html");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(highlighted(page.text())).as(page.text()).containsExactly(
                "date June 2020 (2020-06)",
                "organisation WFP -> /id/organisation/wfp (World Food Programme)",
                "organisation Akkar Network for Development",
                "person [name███████]",
                "place Zahle -> /id/area/LB25 (Zahle)");
        // The owner's unmasked name is still keyed by the person mention.
        assertThat(store.copyOf(uris.personalGraph(id)).find().toList()).anySatisfy(t ->
                assertThat(t.getSubject().getURI()).isEqualTo(uris.mention(id, 4)));
    }

    private static String span(String words, int from) {
        int start = TEXT.indexOf(words, from);
        return start + "-" + (start + words.length());
    }

    /** The mentions the page highlights, in order: type, text, where it links and its title. */
    private static List<String> highlighted(String html) {
        Matcher m = Pattern.compile("<(a|span)\\s([^>]*class=\"mention [^>]*)>([^<]*)</\\1>").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            String attributes = m.group(2);
            String href = attribute(attributes, "href");
            String title = attribute(attributes, "title");
            out.add(attribute(attributes, "class").substring("mention ".length()) + " " + m.group(3)
                    + (href.isEmpty() ? "" : " -> " + href.replaceFirst("^https?://[^/]+", ""))
                    + (title.isEmpty() ? "" : " (" + title + ")"));
        }
        return out;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : "";
    }

    /** A document graph as ingest wrote it before: every mention a kh:Mention resource. */
    private Model oldShape(String id) {
        Model m = ModelFactory.createDefaultModel();
        Resource gazetteer = m.createResource(uris.agent("gazetteer")).addProperty(RDF.type, Prov.SoftwareAgent)
                .addProperty(RDFS.label, "Knowledge Hub test gazetteer (link stage)");
        Resource corenlp = m.createResource(uris.agent("corenlp")).addProperty(RDF.type, Prov.SoftwareAgent)
                .addProperty(RDFS.label, "Stanford CoreNLP test");
        Resource doc = m.createResource(uris.document(id)).addProperty(RDF.type, KH.Document)
                .addProperty(DCTerms.title, TITLE).addProperty(KH.sensitivity, KH.Public).addProperty(KH.extractedText, TEXT)
                .addProperty(KH.indexStamp, "s1");
        Resource ingestion = m.createResource(uris.ingestion(id, "s1")).addProperty(RDF.type, KH.Ingestion)
                .addLiteral(Prov.endedAtTime, m.createTypedLiteral("2024-01-01T00:00:00Z", XSDDatatype.XSDdateTime))
                .addProperty(Prov.wasAssociatedWith, m.createResource(uris.softwareAgent())).addProperty(KH.stage, "graph");
        doc.addProperty(Prov.wasGeneratedBy, ingestion);
        Resource section = m.createResource(uris.section(id, 1)).addProperty(RDF.type, KH.Section)
                .addLiteral(KH.order, integer(1)).addLiteral(KH.headingLevel, integer(1)).addLiteral(KH.startOffset, integer(0))
                .addLiteral(KH.endOffset, integer(TEXT.length())).addProperty(KH.inDocument, doc).addProperty(DCTerms.isPartOf, doc)
                .addProperty(DCTerms.title, TITLE);
        int at = TEXT.indexOf(BODY);
        Resource passage = m.createResource(uris.passage(id, 1)).addProperty(RDF.type, KH.Passage).addProperty(KH.text, BODY)
                .addLiteral(KH.order, integer(1)).addLiteral(KH.startOffset, integer(at)).addLiteral(KH.endOffset, integer(at + BODY.length()))
                .addProperty(KH.inSection, section).addProperty(KH.inDocument, doc)
                .addProperty(KH.mentions, m.createResource(uris.base() + "id/area/LB25"))
                .addProperty(KH.mentions, m.createResource(uris.base() + "id/organisation/wfp"))
                .addLiteral(KH.mentionsYear, ResourceFactory.createTypedLiteral("2020", XSDDatatype.XSDgYear))
                .addLiteral(KH.containsPersonalData, true);
        section.addProperty(KH.mentions, m.createResource(uris.base() + "id/area/LB25"));
        mention(m, id, "Zahle", 0, "place", "0.95", gazetteer, section, "id/area/LB25", null);
        mention(m, id, "WFP", 0, "organisation", "0.95", gazetteer, passage, "id/organisation/wfp", null);
        mention(m, id, "Akkar Network for Development", 0, "organisation", "0.50", corenlp, passage, null, null)
                .addLiteral(KH.unreviewed, true);
        mention(m, id, "[name███████]", 0, "person", "0.80", corenlp, passage, null, null);
        mention(m, id, "June 2020", 0, "date", "0.90", corenlp, passage, null, "2020-06");
        mention(m, id, "Zahle", at, "place", "0.95", gazetteer, passage, "id/area/LB25", null);
        return m;
    }

    private Model personal(String id) {
        Model m = ModelFactory.createDefaultModel();
        m.createResource(uris.mention(id, 4)).addProperty(KH.unmaskedText, "Rana Khaddour");
        return m;
    }

    private Resource mention(Model m, String id, String exact, int from, String type, String confidence, Resource agent,
                             Resource container, String target, String value) {
        int start = TEXT.indexOf(exact, from);
        Resource x = m.createResource(uris.mention(id, ++n)).addProperty(RDF.type, KH.Mention).addProperty(KH.mentionType, type)
                .addProperty(KH.exact, exact).addLiteral(KH.startOffset, integer(start))
                .addLiteral(KH.endOffset, integer(start + exact.length()))
                .addLiteral(KH.confidence, ResourceFactory.createTypedLiteral(confidence, XSDDatatype.XSDdecimal))
                .addProperty(Prov.wasAttributedTo, agent)
                .addProperty(container.hasProperty(RDF.type, KH.Passage) ? KH.inPassage : KH.inSection, container);
        if (target != null) {
            x.addProperty(KH.refersTo, m.createResource(uris.base() + target));
        }
        if (value != null) {
            x.addProperty(KH.value, value);
        }
        return x;
    }

    private static org.apache.jena.rdf.model.Literal integer(int i) {
        return ResourceFactory.createTypedLiteral(Integer.toString(i), XSDDatatype.XSDinteger);
    }
}
