package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.MentionSpans;
import org.knowledgehub.security.Members;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * French and Arabic documents go through CoreNLP's French and Arabic pipelines, each loaded the
 * first time a document in its language comes, once per JVM; English ones through the English
 * pipeline only. Prints what loading each pipeline cost when this class is the one that loads it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguagePipelinesTest extends HubTest {

    static final String FRENCH_NOTE = """
            # Visite de terrain

            Visite à Zahlé le 14 mars 2023. L'équipe a rencontré Sophie Lambert, coordinatrice de la Fondation Mérieux, au centre communautaire de Bar Elias.
            Selon elle, 40 %% des familles syriennes ne paient plus leur loyer depuis janvier 2023 (%s). Plusieurs familles
            envisagent de partir vers Damas ou vers Marseille. L'Agence française de développement finance une distribution d'eau.
            """;
    static final String ARABIC_NOTE = """
            # زيارة ميدانية

            زار الفريق زحلة وبعلبك في آذار ٢٠٢٣. هل تلقت العائلات المساعدات؟ قالت المنظمة إن ٤٠٪ من الأسر لا تدفع الإيجار (%s).
            """;

    @Autowired
    CoreNlpEngine engine;

    private static final Set<String> LOADED_BEFORE = new HashSet<>();

    @Test
    @Order(1)
    void englishTextsLoadNeitherTheFrenchNorTheArabicPipeline() {
        LOADED_BEFORE.addAll(CoreNlpEngine.loadedLanguages());
        Http.Response r = Members.contributor(http(), admin(), "Medair").http().upload("/api/documents",
                Members.unique("en-note") + ".md", ("# Field visit in Zahle\n\nThe team met the municipality of Zahle about water "
                        + "trucking for 40 households in March 2023.\n").getBytes(StandardCharsets.UTF_8), Map.of("type", "field-note"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(programs(r.json().get("id").asString())).contains("corenlp").doesNotContain("corenlp-fr", "corenlp-ar");
        // Whatever other test classes loaded before, English annotation added no pipeline but English's.
        Set<String> added = new HashSet<>(CoreNlpEngine.loadedLanguages());
        added.removeAll(LOADED_BEFORE);
        assertThat(added).isSubsetOf("en");
    }

    @Test
    @Order(2)
    void aFrenchFieldNoteGetsTheFrenchNerAndKeepsItsGazetteerLinks() {
        measureFirstLoad("fr", "Réunion à Beyrouth avec le Haut-Commissariat des Nations unies pour les réfugiés.");
        String marker = Members.unique("zqfr").replace("-", "");
        Http.Response r = uploadNote("French", marker, FRENCH_NOTE.formatted(marker), Map.of("type", "field-note",
                "sensitivity", "public", "collectedFromPeople", "true", "informedConsent", "true",
                "consentPurpose", "suivi des loyers", "personalData", "true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(CoreNlpEngine.loadedLanguages()).contains("fr");
        assertThat(programs(id)).contains("corenlp-fr").doesNotContain("corenlp", "corenlp-ar");
        List<String> mentions = mentions(id);
        // The French NER's: an organisation for review, places abroad the gazetteer does not hold
        // (the English NER took Marseille for an organisation), a date SUTime would have read as a year only.
        assertThat(mentions).contains("organisation Agence française de développement - corenlp-fr",
                "place Damas - corenlp-fr", "place Marseille - corenlp-fr", "date 14 mars 2023 =2023-03-14 corenlp-fr",
                "quantity 40 % =40% corenlp-fr");
        // The gazetteer still links the French names of places.
        assertThat(mentions).anyMatch(m -> m.startsWith("place Bar Elias <id/area/") && m.endsWith(" gazetteer"))
                .contains("place Zahlé <id/area/LB25> gazetteer");
        // The person the French NER found is masked like any other.
        assertThat(mentions).contains("person [name████████] - corenlp-fr");
        assertThat(admin().get("/api/search?q=" + Http.enc("\"Sophie Lambert\"")).json().get("total").asInt()).isZero();
    }

    @Test
    @Order(3)
    void anArabicNoteGetsArabicSentencesAndItsPlacesLinked() {
        measureFirstLoad("ar", "زار الفريق صور.");
        String marker = Members.unique("zqar").replace("-", "");
        String text = ARABIC_NOTE.formatted(marker);
        Http.Response r = uploadNote("Arabic", marker, text, Map.of("type", "field-note"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(programs(id)).contains("corenlp-ar").doesNotContain("corenlp", "corenlp-fr");
        assertThat(admin().get("/actuator/health").json().get("components").get("nlp").get("details").get("pipelines").toString())
                .isEqualTo("[\"ar\",\"en\",\"fr\"]");
        List<String> mentions = mentions(id);
        assertThat(mentions).anyMatch(m -> m.startsWith("place زحلة <id/area/LB25> gazetteer"))
                .anyMatch(m -> m.startsWith("place بعلبك <id/area/LB21> gazetteer"))
                .contains("quantity ٤٠٪ =40% corenlp-ar");

        // Sentences end at the Arabic question mark too; offsets are the original text's, clitics split off.
        CoreDocument annotated = engine.annotate(text, "ar", null);
        List<String> sentences = annotated.sentences().stream().map(CoreSentence::text).toList();
        assertThat(sentences).contains("زار الفريق زحلة وبعلبك في آذار ٢٠٢٣.", "هل تلقت العائلات المساعدات؟");
        List<String> tokens = annotated.tokens().stream().map(t -> text.substring(t.beginPosition(), t.endPosition())).toList();
        assertThat(tokens).containsSubsequence("زحلة", "و", "بعلبك", "٢٠٢٣");
        CoreLabel year = annotated.tokens().stream().filter(t -> text.substring(t.beginPosition(), t.endPosition()).equals("٢٠٢٣"))
                .findFirst().orElseThrow();
        assertThat(year.word()).isEqualTo("2023");
    }

    /** Prints the time and heap the first annotation in a language cost, when it loaded the pipeline. */
    /** Uploads a note as {@code marker}.md by a contributor of Medair, printing how long its upload and ingest took. */
    private Http.Response uploadNote(String language, String marker, String text, Map<String, String> fields) {
        Http contributor = Members.contributor(http(), admin(), "Medair").http();
        long t0 = System.nanoTime();
        Http.Response r = contributor.upload("/api/documents", marker + ".md", text.getBytes(StandardCharsets.UTF_8), fields);
        System.out.printf("%s field note uploaded and ingested in %d ms%n", language, (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    private void measureFirstLoad(String language, String sample) {
        boolean loaded = CoreNlpEngine.loadedLanguages().contains(language);
        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        engine.annotate(sample, language, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("CoreNLP %s pipeline: %s; first annotation %.1f s; heap used after GC %d -> %d MB (max %d MB)%n",
                language, loaded ? "already loaded by an earlier test" : "loaded by this one", seconds, heapBefore,
                usedHeapAfterGc(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    /** The programs of the document's ingestion, by their keys (corenlp, corenlp-fr, gazetteer...). */
    private List<String> programs(String id) {
        Http.Response r = http().get("/sparql?query=" + Http.enc("""
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?program WHERE { GRAPH <http://localhost:8080/graph/document/%s> {
                  ?doc prov:wasGeneratedBy/prov:wasAssociatedWith ?program } }""".formatted(id)), "Accept", "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("results").get("bindings").forEach(b -> {
            String iri = b.get("program").get("value").asString();
            out.add(iri.substring(iri.lastIndexOf('/') + 1));
        });
        return out;
    }

    /** The document's mentions as "type surface target-or-value program", read from its passages' kh:mentionSpans. */
    private List<String> mentions(String id) {
        Http.Response r = admin().get("/sparql?query=" + Http.enc("""
                PREFIX kh: <https://w3id.org/knowledge-hub/ns#>
                SELECT ?spans ?text ?start WHERE { GRAPH <http://localhost:8080/graph/document/%s> {
                  ?p kh:mentionSpans ?spans ; kh:text ?text ; kh:startOffset ?start } }""".formatted(id)), "Accept", "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("results").get("bindings").forEach(b -> {
            String text = b.get("text").get("value").asString();
            int start = b.get("start").get("value").asInt();
            for (MentionSpans.Span x : MentionSpans.read(b.get("spans").get("value").asString(), "http://localhost:8080/")) {
                String target = x.target() != null ? "<" + x.target().replace("http://localhost:8080/", "") + ">"
                        : x.value() != null ? "=" + x.value() : "-";
                out.add(x.type() + " " + text.substring(x.start() - start, x.end() - start) + " " + target + " " + x.agent());
            }
        });
        return out;
    }
}
