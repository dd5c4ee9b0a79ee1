package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * Personal data in a field note uploaded as public, with consent, by a member of one organisation:
 * anonymous callers and members of another organisation find none of it on any channel; the owning
 * organisation reads the unmasked text in the document's personal graph and downloads the original.
 * Without consent the same note is refused and nothing of it is stored.
 */
class PersonalDataMaskingTest extends HubTest {

    private static final String BASE = "http://localhost:8080/";
    private static final String PREFIXES = "PREFIX kh: <https://w3id.org/knowledge-hub/ns#>\n";
    static final String NAME = "Fadia Mansour";
    static final String PHONE = "+961 71 234 567";
    static final String EMAIL = "fadia.mansour@example.net";
    static final String CASE = "LEB-40719233";
    /** Every piece of the personal data, down to the parts a search or a snippet could show alone. */
    static final List<String> PERSONAL = List.of(NAME, "Fadia", "Mansour", PHONE, "234 567", "71 234", EMAIL, "example.net",
            CASE, "40719233");

    private static Members.Member owner;
    private static Members.Member other;
    private static String marker;
    private static String id;

    static byte[] note(String marker) {
        return ("""
                # Household visit in Zahle: %s

                Mrs. Fadia Mansour, a widow living in Zahle with four children, asked for help with the rent of her room.
                She can be reached on +961 71 234 567 or fadia.mansour@example.net; her UNHCR case number is LEB-40719233.
                The landlord threatened eviction after the rent rose to LBP 3,000,000 a month (%s).

                ## Follow-up

                Fadia Mansour will be referred to a shelter partner for rent support and legal counselling on the eviction.
                """.formatted(marker, marker)).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> consentGiven() {
        return Map.of("type", "field-note", "sensitivity", "public", "collectedFromPeople", "true", "informedConsent", "true",
                "consentPurpose", "referral for rent support", "personalData", "true");
    }

    @BeforeEach
    void uploadOnce() {
        if (id != null) {
            return;
        }
        owner = Members.contributor(http(), admin(), "Medair");
        other = Members.contributor(http(), admin(), "DRC");
        marker = Members.unique("zqmask").replace("-", "");
        Http.Response r = owner.http().upload("/api/documents", marker + ".md", note(marker), consentGiven());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        id = r.json().get("id").asString();
        assertThat(r.text()).doesNotContain("Mansour");
    }

    private List<Http> othersThanTheOwner() {
        return List.of(http(), other.http());
    }

    private static void assertNoPersonalData(String what, String body) {
        for (String value : PERSONAL) {
            assertThat(body).as(what + " must not contain " + value).doesNotContain(value);
        }
    }

    private static JsonNode sparql(Http as, String query) {
        Http.Response r = as.get("/sparql?query=" + Http.enc(PREFIXES + query), "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(query + " " + r).isEqualTo(200);
        return r.json();
    }

    private static int rows(Http as, String query) {
        return sparql(as, query).get("results").get("bindings").size();
    }

    @Test
    void searchFindsTheNoteButNoneOfItsPersonalData() {
        for (Http as : List.of(http(), other.http(), owner.http(), admin())) {
            Http.Response lexical = as.get("/api/search?q=" + marker);
            assertThat(lexical.json().get("total").asInt()).as(lexical.toString()).isPositive();
            assertNoPersonalData("search", lexical.text());
            assertThat(lexical.text()).contains("[name");
            assertThat(lexical.json().get("results").get(0).get("mentions").get("personalData").asBoolean()).isTrue();
            Http.Response hybrid = as.get("/api/search?mode=hybrid&q=" + Http.enc("widow asked for help with the rent " + marker));
            assertThat(hybrid.text()).contains(id);
            assertNoPersonalData("hybrid search", hybrid.text());
            for (String value : List.of("\"" + NAME + "\"", "Mansour", "40719233", Http.enc("\"" + PHONE + "\""), EMAIL)) {
                assertThat(as.get("/api/search?q=" + Http.enc(value)).json().get("total").asInt()).as(value).isZero();
            }
        }
    }

    @Test
    void answersQuoteTheMaskedText() {
        for (Http as : othersThanTheOwner()) {
            Http.Response r = as.get("/api/ask?k=50&q=" + Http.enc("Why did the landlord in Zahle threaten eviction " + marker + "?"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains(id);
            assertNoPersonalData("answer", r.text());
        }
    }

    @Test
    void documentEndpointsAndLinkedDataShowOnlyTheMaskedText() {
        for (Http as : othersThanTheOwner()) {
            Http.Response summary = as.get("/api/documents/" + id);
            assertThat(summary.status()).isEqualTo(200);
            assertNoPersonalData("summary", summary.text());
            Http.Response text = as.get("/api/documents/" + id + "/text");
            assertNoPersonalData("text", text.text());
            assertThat(text.text()).contains("Mrs. [name███████]", "[phone████████]", "[email", "Zahle", "UNHCR");
            assertThat(as.get("/api/documents?limit=500").text()).contains(id).doesNotContain("Mansour");
            for (String path : List.of("", "/passage/1", "/passage/2", "/section/1", "/mention/1", "/mention/2", "/mention/3")) {
                for (String accept : List.of("text/turtle", "application/ld+json", "application/n-triples", "text/html")) {
                    Http.Response page = as.get("/id/document/" + id + path, "Accept", accept);
                    assertThat(page.status()).as(path + " " + accept).isEqualTo(200);
                    assertNoPersonalData(path + " as " + accept, page.text());
                }
            }
            Http.Response html = as.get("/id/document/" + id, "Accept", "text/html");
            assertThat(html.text()).contains("[name");
        }
    }

    @Test
    void sparqlFindsNoPersonalDataInAnyLiteralOrGraph() {
        String personal = BASE + "graph/document/" + id + "/personal";
        String doc = BASE + "id/document/" + id;
        for (Http as : othersThanTheOwner()) {
            // Every graph the caller can reach that says anything of the document: its own graph only.
            JsonNode graphs = sparql(as, "SELECT DISTINCT ?g { GRAPH ?g { <" + doc + "> ?p ?o } }");
            assertThat(graphs.get("results").get("bindings")).singleElement()
                    .satisfies(b -> assertThat(b.get("g").get("value").asString()).isEqualTo(BASE + "graph/document/" + id));
            for (String value : List.of("Mansour", "40719233", "234 567", "example.net")) {
                String filter = "FILTER(isLiteral(?o) && CONTAINS(STR(?o), \"" + value + "\"))";
                assertThat(rows(as, "SELECT ?g ?s ?p ?o { GRAPH ?g { <" + doc + "> ?p ?o } " + filter + " }"))
                        .as("GRAPH ?g " + value).isZero();
                assertThat(rows(as, "SELECT ?g ?s ?p ?o { GRAPH ?g { ?s kh:inDocument <" + doc + "> ; ?p ?o } " + filter + " }"))
                        .as("GRAPH ?g, the document's parts, " + value).isZero();
                assertThat(rows(as, "SELECT ?g ?s ?p ?o { GRAPH ?g { ?s (kh:inPassage|kh:inSection)/kh:inDocument <" + doc + "> ; ?p ?o } "
                        + filter + " }")).as("GRAPH ?g, mentions, " + value).isZero();
                assertThat(rows(as, "SELECT ?s ?p ?o { { BIND(<" + doc + "> AS ?s) } UNION { ?s kh:inDocument <" + doc + "> } "
                        + "?s ?p ?o " + filter + " }")).as("default graph " + value).isZero();
            }
            assertThat(rows(as, "SELECT * { GRAPH <" + personal + "> { ?s ?p ?o } }")).as("the personal graph").isZero();
            assertThat(rows(as, "SELECT * { ?s kh:unmaskedText ?t }")).as("kh:unmaskedText").isZero();
            JsonNode hits = sparql(as, "SELECT ?p ?score ?snippet { (?p ?score ?snippet) kh:search \"" + marker + "\" }");
            assertThat(hits.get("results").get("bindings").size()).isPositive();
            assertNoPersonalData("kh:search", hits.toString());
            assertThat(rows(as, "SELECT ?p { ?p kh:search \"Mansour\" }")).as("kh:search for the name").isZero();
            for (String construct : List.of("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + BASE + "graph/document/" + id + "> { ?s ?p ?o } }",
                    "CONSTRUCT { ?s ?p ?o } WHERE { { BIND(<" + doc + "> AS ?s) } UNION { ?s kh:inDocument <" + doc + "> } UNION "
                            + "{ ?s (kh:inPassage|kh:inSection)/kh:inDocument <" + doc + "> } GRAPH ?g { ?s ?p ?o } }")) {
                Http.Response constructed = as.get("/sparql?query=" + Http.enc(PREFIXES + construct), "Accept", "application/n-triples");
                assertThat(constructed.status()).as(constructed.toString()).isEqualTo(200);
                assertThat(constructed.text()).contains(doc, "extractedText");
                assertNoPersonalData(construct, constructed.text());
            }
            Http.Response described = as.get("/sparql?query=" + Http.enc("DESCRIBE <" + doc + "/passage/1>"), "Accept", "text/turtle");
            assertNoPersonalData("DESCRIBE", described.text());
        }
    }

    @Test
    void theOwningOrganisationReadsTheUnmaskedTextAndTheOriginal() {
        String doc = BASE + "id/document/" + id;
        JsonNode unmasked = sparql(owner.http(), "SELECT ?t { GRAPH <" + BASE + "graph/document/" + id + "/personal> { <" + doc
                + "> kh:unmaskedText ?t } }");
        String text = unmasked.get("results").get("bindings").get(0).get("t").get("value").asString();
        assertThat(text).contains(NAME, PHONE, EMAIL, CASE);
        String masked = owner.http().get("/api/documents/" + id + "/text").text();
        assertThat(text).as("offsets hold in both").hasSameSizeAs(masked);
        JsonNode withPhone = sparql(owner.http(), "SELECT ?p { GRAPH <" + BASE + "graph/document/" + id + "/personal> { "
                + "?p kh:unmaskedText ?t FILTER(CONTAINS(?t, \"" + PHONE + "\")) } ?p a kh:Passage }");
        String passage = withPhone.get("results").get("bindings").get(0).get("p").get("value").asString().substring(BASE.length() - 1);
        assertThat(passage).startsWith("/id/document/" + id + "/passage/");
        assertThat(owner.http().get(passage, "Accept", "text/turtle").text()).contains("unmaskedText", PHONE, "[phone");
        assertThat(owner.http().get(passage, "Accept", "text/html").text()).contains(EMAIL);
        Http.Response original = owner.http().get("/api/documents/" + id + "/original");
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.bytes()).isEqualTo(note(marker));
        assertThat(admin().get("/api/documents/" + id + "/original").status()).isEqualTo(200);
        assertThat(rows(admin(), "SELECT * { ?s kh:unmaskedText ?t FILTER(?s = <" + doc + ">) }")).isEqualTo(1);
    }

    @Test
    void othersCannotDownloadTheOriginal() {
        for (Http as : othersThanTheOwner()) {
            Http.Response r = as.get("/api/documents/" + id + "/original");
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).contains("personal data", "/api/documents/" + id + "/text");
            assertNoPersonalData("403", r.text());
        }
    }

    /**
     * CoreNLP takes many place names for persons; none of them is masked, nor are agency staff in
     * minutes. Of the demo corpus, only the confidential GBV note has personal data (a case worker's
     * name and phone number, the site focal point's name), and every field note carries a consent record.
     */
    @Test
    void theDemoCorpusKeepsItsPlacesAndStaffAndMasksItsPersonalData() throws Exception {
        for (String place : List.of("\"Bar Elias\"", "\"Bourj Hammoud\"", "\"Mar Mikhael\"", "\"Bab al-Tabbaneh\"",
                "\"Majdel Anjar\"", "Homs", "Bebnine", "\"Abu Samra\"", "\"Al-Safsaf\"", "\"MIRA HADDAD\"", "\"JULIEN MARCHAND\"")) {
            assertThat(admin().get("/api/search?q=" + Http.enc(place)).json().get("total").asInt()).as(place).isPositive();
        }
        String gbv = DocumentIds.forSource("field-notes/2022-11-03-gbv-referral-gap-minieh-confidential.md");
        String text = admin().get("/api/documents/" + gbv + "/text").text();
        assertThat(text).doesNotContain("Rana Khaddour", "Mahmoud Sweid", "123 456").contains("(shawish), [name███████], who");
        Set<String> corpus = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("corpus/catalog.csv")).subList(1, 27)) {
            corpus.add(DocumentIds.forSource(line.substring(0, line.indexOf(','))));
        }
        List<String> withPersonalData = new ArrayList<>();
        sparql(admin(), "SELECT DISTINCT ?g { GRAPH ?g { ?d kh:unmaskedText ?t } }").get("results").get("bindings")
                .forEach(b -> {
                    String g = b.get("g").get("value").asString();
                    String of = g.substring((BASE + "graph/document/").length(), g.length() - "/personal".length());
                    if (corpus.contains(of)) {
                        withPersonalData.add(of);
                    }
                });
        assertThat(withPersonalData).as("demo documents with personal data").containsExactly(gbv);
        assertThat(rows(admin(), "SELECT ?d { ?d a kh:FieldNote FILTER NOT EXISTS { ?d kh:consent ?c } }")).isZero();
        assertThat(rows(admin(), "PREFIX dpv: <https://w3id.org/dpv#> SELECT ?d { ?d a kh:FieldNote ; kh:consent/dpv:hasConsentStatus "
                + "dpv:ConsentGiven ; kh:sourceName ?s FILTER(STRSTARTS(?s, \"field-notes/\")) }")).isEqualTo(8);
    }

    @Test
    void withoutConsentTheNoteIsRefusedAndNothingIsStored() {
        String refused = Members.unique("zqrefused").replace("-", "");
        Map<String, String> fields = new HashMap<>(Map.of("type", "field-note", "sensitivity", "public"));
        List<Map<String, String>> attempts = new ArrayList<>(List.of(fields));
        attempts.add(Map.of("type", "field-note", "collectedFromPeople", "true", "informedConsent", "unknown"));
        attempts.add(Map.of("type", "field-note", "collectedFromPeople", "true", "informedConsent", "false", "personalData", "true"));
        for (Map<String, String> attempt : attempts) {
            Http.Response r = owner.http().upload("/api/documents", refused + ".md", note(refused), attempt);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("informedConsent");
            assertThat(r.json().get("detail").asString()).contains("personal data", "2 names of persons", "phone number",
                    "e-mail address", "ID-like number");
            assertNoPersonalData("the refusal", r.text());
        }
        Http.Response noPurpose = owner.http().upload("/api/documents", refused + ".md", note(refused),
                Map.of("type", "field-note", "informedConsent", "true"));
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().get("field").asString()).isEqualTo("consentPurpose");
        Http.Response badValue = owner.http().upload("/api/documents", refused + ".md", note(refused),
                Map.of("type", "field-note", "informedConsent", "maybe"));
        assertThat(badValue.json().get("field").asString()).isEqualTo("informedConsent");

        String refusedId = DocumentIds.forSource("medair/" + refused + ".md");
        assertThat(admin().get("/api/documents/" + refusedId).status()).isEqualTo(404);
        assertThat(admin().get("/api/search?q=" + refused).json().get("total").asInt()).isZero();
        assertThat(rows(admin(), "SELECT DISTINCT ?g { GRAPH ?g { } FILTER(CONTAINS(STR(?g), \"" + refusedId + "\")) }")).isZero();
        String hash = DocumentIds.sha256(note(refused));
        assertThat(dataDir().resolve("originals").resolve(hash.substring(0, 2)).resolve(hash)).as("no original kept").doesNotExist();
    }

    @Test
    void aReportNeedsNoConsentAndIsMaskedAlike() {
        String report = Members.unique("zqreport").replace("-", "");
        Http.Response r = owner.http().upload("/api/documents", report + ".md", note(report), Map.of("type", "assessment"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String reportId = r.json().get("id").asString();
        try {
            assertNoPersonalData("report text", http().get("/api/documents/" + reportId + "/text").text());
            assertThat(rows(admin(), "SELECT * { GRAPH <" + BASE + "graph/document/" + reportId + "> { ?d kh:consent ?c } }")).isZero();
        } finally {
            assertThat(admin().delete("/api/documents/" + reportId).status()).isEqualTo(204);
        }
    }

    @Test
    void aNewVersionWithoutPersonalDataOrADeletionTakesThePersonalGraphAway() {
        String source = Members.unique("zqversion").replace("-", "") + ".md";
        Http.Response first = owner.http().upload("/api/documents", source, note(source), consentGiven());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String versionId = first.json().get("id").asString();
        String personal = "ASK { GRAPH <" + BASE + "graph/document/" + versionId + "/personal> { ?s ?p ?o } }";
        assertThat(sparql(admin(), personal).get("boolean").asBoolean()).isTrue();
        assertThat(other.http().get("/api/documents/" + versionId + "/original").status()).isEqualTo(403);

        byte[] clean = "# Household visits in Zahle\n\nRents rose again; three families were threatened with eviction.\n"
                .getBytes(StandardCharsets.UTF_8);
        Http.Response second = owner.http().upload("/api/documents", source, clean, consentGiven());
        assertThat(second.json().get("status").asString()).isEqualTo("replaced");
        assertThat(sparql(admin(), personal).get("boolean").asBoolean()).as("no personal graph left").isFalse();
        assertThat(other.http().get("/api/documents/" + versionId + "/original").status()).isEqualTo(200);

        owner.http().upload("/api/documents", source, note(source), consentGiven());
        assertThat(sparql(admin(), personal).get("boolean").asBoolean()).isTrue();
        assertThat(admin().delete("/api/documents/" + versionId).status()).isEqualTo(204);
        assertThat(sparql(admin(), personal).get("boolean").asBoolean()).as("deleted with its document").isFalse();
        assertThat(rows(admin(), "SELECT DISTINCT ?g { GRAPH ?g { } FILTER(CONTAINS(STR(?g), \"" + versionId + "\")) }")).isZero();
    }

    @Test
    void droppingTheDocumentGraphWithSparqlUpdateDropsItsPersonalGraph() {
        String source = Members.unique("zqupdate").replace("-", "") + ".md";
        Http.Response up = owner.http().upload("/api/documents", source, note(source), consentGiven());
        String updateId = up.json().get("id").asString();
        String personal = BASE + "graph/document/" + updateId + "/personal";
        Http.Response edit = admin().post("/update", "application/sparql-update", (PREFIXES + "INSERT DATA { GRAPH <" + personal
                + "> { <" + BASE + "id/document/" + updateId + "> kh:unmaskedTitle \"edited\" } }").getBytes(StandardCharsets.UTF_8));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
        assertThat(edit.json().get("reindexedDocuments").size()).as("a personal graph is no document to re-index").isZero();
        assertThat(edit.json().get("removedDocuments").size()).isZero();
        assertThat(sparql(admin(), "ASK { GRAPH <" + personal + "> { ?d kh:indexStamp ?s } }").get("boolean").asBoolean()).isFalse();
        assertThat(other.http().get("/api/documents/" + updateId + "/original").status()).as("still the owner's only").isEqualTo(403);
        Http.Response drop = admin().post("/update", "application/sparql-update",
                ("DROP GRAPH <" + BASE + "graph/document/" + updateId + ">").getBytes(StandardCharsets.UTF_8));
        assertThat(drop.status()).as(drop.toString()).isEqualTo(200);
        assertThat(drop.json().get("removedDocuments").toString()).contains(updateId);
        assertThat(drop.json().get("graphs").toString()).contains(personal);
        assertThat(sparql(admin(), "ASK { GRAPH <" + personal + "> { ?s ?p ?o } }").get("boolean").asBoolean()).isFalse();
        assertThat(admin().get("/api/documents?limit=500").text()).doesNotContain(updateId);
    }
}
