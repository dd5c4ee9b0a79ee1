package org.knowledgehub.observations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.security.Members;
import tools.jackson.databind.JsonNode;

/**
 * Field observations through the real service: contributed as JSON and JSON-LD, validated by the
 * SHACL shapes with every violation reported, searchable and visible on the area page at once for
 * those allowed (widened to the organisations and sectors they are shared with), reviewed by
 * coordinators of their sectors, withdrawn by their organisation from every channel.
 */
class ObservationsApiTest extends HubTest {

    /** A valid observation of a Zahle (LB25) water point, with a word no other text has. */
    private static Map<String, Object> observation(String marker) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("text", "Water trucking to the informal settlement near the " + marker + " spring stopped in March; "
                + "households now buy water from private tankers and cut spending on food to pay for it.");
        o.put("observedFrom", "2023-03-14");
        o.put("observedTo", "2023-03-16");
        o.put("area", "LB25");
        o.put("locality", "Bar Elias");
        o.put("sectors", List.of("wash", "food-security"));
        o.put("population", "syrian-refugees");
        o.put("method", "focus-group-discussion");
        o.put("sensitivity", "restricted");
        o.put("consent", Map.of("collectedFromPeople", true, "informedConsent", "true",
                "purpose", "inform the WASH and food security sectors' response", "personalData", false));
        return o;
    }

    private static String marker() {
        return Members.marker("Qobb");
    }

    private static JsonNode submit(Http as, Map<String, Object> body, int expected) {
        Http.Response r = as.json("POST", "/api/observations", Members.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
        return r.json();
    }

    @Test
    void aContributedObservationIsStoredWithItsConsentAndSearchableAtOnceByThoseAllowed() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        String marker = marker();

        JsonNode created = submit(oxfam.http(), observation(marker), 201);
        String id = created.get("id").asString();
        assertThat(created.get("area").get("code").asString()).isEqualTo("LB25");
        assertThat(created.get("organisation").get("code").asString()).isEqualTo("Oxfam");
        assertThat(created.get("method").asString()).isEqualTo("focus-group-discussion");
        assertThat(created.get("status").asString()).isEqualTo("submitted");
        assertThat(created.get("sensitivity").asString()).isEqualTo("restricted");
        assertThat(created.get("consent").get("informedConsent").asString()).isEqualTo("given");
        assertThat(created.get("consent").get("personalData").asBoolean()).isFalse();
        assertThat(created.get("title").asString()).isEqualTo("Field observation, Zahle (Bar Elias), 2023-03-14");

        // Searchable for signed-in members at once (restricted), with the declared area and sectors as filters.
        JsonNode hits = wfp.http().get("/api/search?q=" + marker + "&area=LB2&sector=wash&type=observation").json();
        assertThat(hits.get("total").asLong()).isEqualTo(1);
        assertThat(hits.get("results").get(0).get("document").get("id").asString()).isEqualTo(id);
        assertThat(http().get("/api/search?q=" + marker).json().get("total").asLong()).as("anonymous").isZero();
        assertThat(http().get("/api/observations/" + id).status()).isEqualTo(404);

        // The governorate's page lists it among the observations; anonymous callers do not see it.
        JsonNode area = wfp.http().get("/api/areas/LB2").json();
        assertThat(ids(area.get("observations"))).contains(id);
        assertThat(ids(http().get("/api/areas/LB2").json().get("observations"))).doesNotContain(id);
        assertThat(ids(wfp.http().get("/api/observations?area=LB2&sector=wash").json())).contains(id);
        assertThat(ids(wfp.http().get("/api/observations?area=LB3").json())).doesNotContain(id);
        // Filters that name nothing the hub knows are reported, not answered with an empty list.
        assertThat(wfp.http().get("/api/observations?area=ZZ").json().get("field").asString()).isEqualTo("area");
        assertThat(wfp.http().get("/api/observations?sector=nope").json().get("field").asString()).isEqualTo("sector");
        assertThat(wfp.http().get("/api/observations?organisation=NoSuchOrg").json().get("field").asString()).isEqualTo("organisation");

        // It answers a research question like any passage.
        JsonNode answers = wfp.http().get("/api/ask?q=" + Http.enc("Why did households near the " + marker
                + " spring cut spending on food?")).json();
        assertThat(answers.get("answers").get(0).get("provenance").get("document").get("id").asString()).isEqualTo(id);

        // The graph holds the DPV consent record.
        Http.Response turtle = wfp.http().get("/id/document/" + id, "Accept", "text/turtle");
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle.text(), Lang.TURTLE).parse(m);
        assertThat(m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, KH.FieldObservation).toList()).hasSize(1);
        org.apache.jena.rdf.model.Resource doc = m.getResource("http://localhost:8080/id/document/" + id);
        assertThat(doc.getPropertyResourceValue(KH.method).getURI()).isEqualTo(KH.NS + "FocusGroupDiscussion");
        String consentIri = doc.getPropertyResourceValue(KH.consent).getURI();
        Http.Response consentTurtle = wfp.http().get(consentIri.substring("http://localhost:8080".length()), "Accept", "text/turtle");
        RDFParser.fromString(consentTurtle.text(), Lang.TURTLE).parse(m);
        org.apache.jena.rdf.model.Resource consent = m.getResource(consentIri);
        assertThat(consent.getPropertyResourceValue(org.knowledgehub.ontology.Dpv.hasConsentStatus).getURI())
                .isEqualTo(org.knowledgehub.ontology.Dpv.ConsentGiven.getURI());
        assertThat(consent.hasLiteral(KH.collectedFromPeople, true)).isTrue();
    }

    @Test
    void theDemoObservationsAreThereForThoseEachLevelAllows() {
        List<String> everyone = localities(http().get("/api/observations?limit=1000").json());
        assertThat(everyone).contains("Dreib", "Bab al-Tabbaneh");
        assertThat(texts(http().get("/api/observations?limit=1000").json())).noneMatch(t -> t.contains("Baalbek")
                || t.contains("municipal meeting about unregistered residents"));
        Members.Member drc = Members.contributor(http(), admin(), "DRC");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        assertThat(texts(drc.http().get("/api/observations?area=LB3&sector=protection").json()))
                .anyMatch(t -> t.contains("municipal meeting about unregistered residents"));
        assertThat(texts(wfp.http().get("/api/observations?area=LB3&sector=protection").json()))
                .noneMatch(t -> t.contains("municipal meeting about unregistered residents"));
        assertThat(texts(wfp.http().get("/api/observations?area=LB8").json())).anyMatch(t -> t.contains("east of Baalbek"));
        JsonNode dreib = http().get("/api/search?q=Dreib&type=observation").json();
        assertThat(dreib.get("total").asLong()).isEqualTo(1);
        assertThat(dreib.get("results").get(0).get("mentions").get("areas").toString()).contains("LB51");
    }

    @Test
    void anInvalidObservationIsRefusedWithEveryViolationNamed() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Map<String, Object> bad = observation(marker());
        bad.put("text", "too short");
        bad.put("observedFrom", "2023-02-30");
        bad.put("area", "LB99");
        bad.put("sectors", List.of("wash", "astrology"));
        bad.put("method", "rumour");
        bad.put("consent", Map.of("collectedFromPeople", true, "informedConsent", "false", "personalData", true));
        JsonNode problem = submit(oxfam.http(), bad, 400);
        assertThat(problem.get("type").asString()).endsWith("/invalid-parameter");
        Map<String, String> byField = new LinkedHashMap<>();
        problem.get("violations").forEach(v -> byField.put(v.get("field").asString(),
                v.get("value").isNull() ? null : v.get("value").asString()));
        assertThat(byField).containsKeys("text", "observedFrom", "area", "sectors", "method", "consent");
        assertThat(byField.get("observedFrom")).isEqualTo("2023-02-30");
        assertThat(byField.get("area")).isEqualTo("LB99");
        assertThat(byField.get("sectors")).isEqualTo("astrology");
        assertThat(byField.get("method")).isEqualTo("method-rumour");
        problem.get("violations").forEach(v -> assertThat(v.get("message").asString()).isNotBlank());
        assertThat(problem.get("shapes").asString()).isEqualTo("/shapes/observations");
        JsonNode consent = find(problem.get("violations"), "consent");
        assertThat(consent.get("message").asString()).contains("Personal data without informed consent");

        Map<String, Object> noConsent = observation(marker());
        noConsent.remove("consent");
        assertThat(find(submit(oxfam.http(), noConsent, 400).get("violations"), "consent").get("message").asString())
                .contains("consent record");
        Map<String, Object> period = observation(marker());
        period.put("observedTo", "2023-01-01");
        assertThat(submit(oxfam.http(), period, 400).get("field").asString()).isEqualTo("observedFrom");

        // A dry run says whether it would be accepted and stores nothing.
        String marker = marker();
        Http.Response dry = oxfam.http().json("POST", "/api/observations?dryRun=true", Members.json(observation(marker)));
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(oxfam.http().get("/api/search?q=" + marker).json().get("total").asLong()).isZero();

        // Not JSON at all, or no body.
        Http.Response garbage = oxfam.http().post("/api/observations", "application/json", "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.contentType()).contains("application/problem+json");
        Http.Response badJsonLd = oxfam.http().post("/api/observations", "application/ld+json", "{\"@context\": 5".getBytes(StandardCharsets.UTF_8));
        assertThat(badJsonLd.status()).isEqualTo(400);
        assertThat(badJsonLd.json().get("field").asString()).isEqualTo("body");
        Http.Response remote = oxfam.http().post("/api/observations", "application/ld+json",
                "{\"@context\": \"http://127.0.0.1:9/context.jsonld\", \"@type\": \"FieldObservation\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(remote.status()).as("a remote context is not fetched").isEqualTo(400);
        assertThat(remote.json().get("detail").asString()).contains("remote documents are not fetched");
        Http.Response noNode = oxfam.http().post("/api/observations", "application/ld+json", "{\"@id\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(noNode.json().get("field").asString()).isEqualTo("@type");
        for (String type : List.of("application/json", "application/ld+json")) {
            Http.Response empty = oxfam.http().post("/api/observations", type, new byte[0]);
            assertThat(empty.status()).as(type).isEqualTo(400);
            assertThat(empty.json().get("field").asString()).isEqualTo("body");
            assertThat(empty.json().get("detail").asString()).isEqualTo("the request body is missing");
        }
        Http.Response text = oxfam.http().post("/api/observations", "text/plain", "an observation".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).contains("application/problem+json");
        assertThat(text.json().get("field").asString()).isEqualTo("Content-Type");
        assertThat(text.json().get("detail").asString()).contains("application/json").contains("application/ld+json");
        assertThat(oxfam.http().get("/api/observations/no-such-observation-00000000").json().get("type").asString()).endsWith("/not-found");
        assertThat(oxfam.http().get("/api/observations?status=lost").json().get("field").asString()).isEqualTo("status");
        assertThat(oxfam.http().get("/api/observations?limit=0").json().get("field").asString()).isEqualTo("limit");
    }

    @Test
    void personalDataInTheTextNeedsConsentAndIsMaskedForOthers() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        String marker = marker();
        Map<String, Object> body = observation(marker);
        body.put("text", "The " + marker + " settlement focal point can be reached on +961 3 123 456; he says the "
                + "water trucking stopped in March and families now buy from private tankers.");
        body.put("consent", Map.of("collectedFromPeople", true, "informedConsent", "false", "personalData", false));
        JsonNode refused = submit(oxfam.http(), body, 400);
        JsonNode violation = find(refused.get("violations"), "consent.informedConsent");
        assertThat(violation.get("message").asString()).contains("phone").doesNotContain("123 456");
        assertThat(oxfam.http().get("/api/search?q=" + marker).json().get("total").asLong()).as("nothing stored").isZero();

        body.put("consent", CONSENT_TO_KEEP_A_PHONE_NUMBER);
        body.put("sensitivity", "public");
        String id = submit(oxfam.http(), body, 201).get("id").asString();
        for (Http as : List.of(http(), wfp.http(), oxfam.http())) {
            assertThat(as.get("/api/observations/" + id).json().get("text").asString()).contains(marker).doesNotContain("123 456");
            assertThat(as.get("/api/search?q=" + marker).text()).doesNotContain("123 456");
        }
        String personal = "SELECT ?t WHERE { GRAPH <http://localhost:8080/graph/document/" + id + "/personal> { ?s ?p ?t } }";
        assertThat(oxfam.http().get("/sparql?query=" + Http.enc(personal), "Accept", "application/sparql-results+json").text())
                .as("its organisation's confidential view").contains("123 456");
        assertThat(wfp.http().get("/sparql?query=" + Http.enc(personal), "Accept", "application/sparql-results+json").text())
                .doesNotContain("123 456");
    }

    @Test
    void contributorsContributeForTheirOwnOrganisationOnlyAndAnonymousCallersNotAtAll() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Map<String, Object> forOther = observation(marker());
        forOther.put("organisation", "WFP");
        assertThat(submit(oxfam.http(), forOther, 403).get("field").asString()).isEqualTo("organisation");
        assertThat(http().json("POST", "/api/observations", Members.json(observation(marker()))).status()).isEqualTo(401);
        Members.Member analyst = Members.create(http(), admin(), "Oxfam", List.of("analyst"), List.of());
        assertThat(analyst.http().json("POST", "/api/observations", Members.json(observation(marker()))).status()).isEqualTo(403);
    }

    @Test
    void jsonLdIsAcceptedAndTheShapesAreServed() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        String marker = marker();
        String base = "http://localhost:8080/";
        String jsonLd = """
                {
                  "@context": {"kh": "https://w3id.org/knowledge-hub/ns#", "dpv": "https://w3id.org/dpv#",
                               "xsd": "http://www.w3.org/2001/XMLSchema#"},
                  "@type": "kh:FieldObservation",
                  "kh:extractedText": "Families in the %s quarter report landlords raising rents after the currency fell again.",
                  "kh:observedFrom": {"@value": "2022-11-02", "@type": "xsd:date"},
                  "kh:aboutArea": {"@id": "%sid/area/LB11"},
                  "kh:aboutSector": [{"@id": "%sid/sector/shelter"}],
                  "kh:method": {"@id": "kh:KeyInformantInterview"},
                  "kh:sensitivity": {"@id": "kh:Public"},
                  "kh:consent": {"kh:collectedFromPeople": true, "dpv:hasConsentStatus": {"@id": "dpv:ConsentGiven"},
                                 "dpv:hasPurpose": "shelter sector monitoring", "kh:containsPersonalData": false}
                }
                """.formatted(marker, base, base);
        Http.Response r = oxfam.http().post("/api/observations", "application/ld+json", jsonLd.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("method").asString()).isEqualTo("key-informant-interview");
        assertThat(http().get("/api/search?q=" + marker).json().get("total").asLong()).as("public").isEqualTo(1);

        Http.Response shapes = http().get("/shapes/observations");
        assertThat(shapes.status()).isEqualTo(200);
        assertThat(shapes.contentType()).startsWith("text/turtle");
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(shapes.text(), Lang.TURTLE).parse(m);
        assertThat(m.containsResource(m.createResource(KH.NS + "FieldObservationShape"))).isTrue();
    }

    @Test
    void coordinatorsOfItsSectorsReviewItAndItsOrganisationWithdrawsIt() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member oxfamColleague = Members.contributor(http(), admin(), "Oxfam");
        Members.Member washCoordinator = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("wash"));
        Members.Member educationCoordinator = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("education"));
        String marker = marker();
        String id = submit(oxfam.http(), observation(marker), 201).get("id").asString();

        assertThat(oxfam.http().json("POST", "/api/observations/" + id + "/reviews", "{\"verdict\":\"verified\"}").status())
                .as("a contributor").isEqualTo(403);
        assertThat(educationCoordinator.http().json("POST", "/api/observations/" + id + "/reviews", "{\"verdict\":\"verified\"}")
                .status()).as("a coordinator of another sector").isEqualTo(403);
        assertThat(washCoordinator.http().json("POST", "/api/observations/" + id + "/reviews", "{\"verdict\":\"maybe\"}")
                .json().get("field").asString()).isEqualTo("verdict");
        JsonNode disputed = washCoordinator.http().json("POST", "/api/observations/" + id + "/reviews",
                "{\"verdict\":\"disputed\",\"note\":\"trucking resumed on 15 March per the WASH sector\"}").json();
        assertThat(disputed.get("status").asString()).isEqualTo("disputed");
        JsonNode verified = washCoordinator.http().json("POST", "/api/observations/" + id + "/reviews",
                "{\"verdict\":\"verified\"}").json();
        assertThat(verified.get("status").asString()).isEqualTo("verified");
        assertThat(verified.get("reviews")).hasSize(2);
        assertThat(verified.get("reviews").get(0).get("by").asString()).isEqualTo(washCoordinator.username());
        assertThat(verified.get("reviews").get(0).get("at").asString()).isNotBlank();
        assertThat(ids(washCoordinator.http().get("/api/observations?status=verified").json())).contains(id);

        assertThat(washCoordinator.http().delete("/api/observations/" + id).status()).as("another organisation").isEqualTo(403);
        assertThat(http().delete("/api/observations/" + id).status()).as("anonymous").isEqualTo(401);
        assertThat(oxfamColleague.http().delete("/api/observations/" + id).status()).isEqualTo(204);
        assertThat(oxfam.http().get("/api/observations/" + id).status()).isEqualTo(404);
        assertThat(oxfam.http().get("/api/search?q=" + marker).json().get("total").asLong()).isZero();
        assertThat(oxfam.http().get("/id/document/" + id, "Accept", "text/turtle").status()).isEqualTo(404);
        String reviews = "ASK { GRAPH <http://localhost:8080/graph/document/" + id + "/review> { ?s ?p ?o } }";
        assertThat(admin().get("/sparql?query=" + Http.enc(reviews), "Accept", "application/sparql-results+json").json()
                .get("boolean").asBoolean()).as("reviews go with it").isFalse();

        // Every step is in the audit trail, the withdrawal included, with who and which graph.
        String graph = "http://localhost:8080/graph/document/" + id;
        Map<String, String> actions = new LinkedHashMap<>();
        admin().get("/api/audit?graph=" + Http.enc(graph) + "&limit=1000").json()
                .forEach(e -> actions.putIfAbsent(e.get("action").asString(), e.get("actor").asString()));
        assertThat(actions).containsEntry("observation.submit", oxfam.username())
                .containsEntry("observation.withdraw", oxfamColleague.username())
                .containsKey("read");
        Map<String, String> reviewActions = new LinkedHashMap<>();
        admin().get("/api/audit?graph=" + Http.enc(graph + "/review") + "&limit=1000").json()
                .forEach(e -> reviewActions.putIfAbsent(e.get("action").asString(), e.get("actor").asString()));
        assertThat(reviewActions).containsEntry("observation.verify", washCoordinator.username())
                .containsEntry("observation.dispute", washCoordinator.username());
    }

    /**
     * An observation of El Nabatieh district (LB44), where no other test puts one, so the area page's
     * short list (the most recently observed) always has room for it.
     */
    /** The consent record of an observation that keeps a focal point's phone number. */
    private static final Map<String, Object> CONSENT_TO_KEEP_A_PHONE_NUMBER = Map.of("collectedFromPeople", true,
            "informedConsent", "true", "purpose", "follow-up by the WASH partner", "personalData", true);

    private static Map<String, Object> inNabatieh(String marker) {
        Map<String, Object> o = observation(marker);
        o.put("area", "LB44");
        o.put("locality", "Kfar Roummane");
        return o;
    }

    /** What one caller sees of an observation of El Nabatieh, on each channel. */
    private record Seen(boolean observation, boolean listed, boolean onAreaPage, boolean page, boolean sparql, long searchHits) {

        static Seen nothing() {
            return new Seen(false, false, false, false, false, 0);
        }

        static Seen everything() {
            return new Seen(true, true, true, true, true, 1);
        }
    }

    private static Seen seen(Http as, String id, String marker) {
        return new Seen(as.get("/api/observations/" + id).status() == 200,
                ids(as.get("/api/observations?area=LB4&limit=1000").json()).contains(id),
                ids(as.get("/api/areas/LB4").json().get("observations")).contains(id),
                as.get("/id/document/" + id, "Accept", "text/turtle").status() == 200,
                ask(as, "ASK { GRAPH <http://localhost:8080/graph/document/" + id + "> { ?s ?p ?o } }"),
                as.get("/api/search?q=" + marker + "&type=observation").json().get("total").asLong());
    }

    private static boolean ask(Http as, String query) {
        Http.Response r = as.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(query + " " + r).isEqualTo(200);
        return r.json().get("boolean").asBoolean();
    }

    @Test
    void aConfidentialObservationSharedWithAnOrganisationIsReadByItsMembersButNotItsPersonalData() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member unicef = Members.contributor(http(), admin(), "UNICEF");
        Members.Member nrc = Members.contributor(http(), admin(), "NRC");
        Members.Member washCoordinator = Members.create(http(), admin(), "WFP", List.of("coordinator"), List.of("wash"));
        String marker = marker();
        Map<String, Object> body = inNabatieh(marker);
        body.put("text", "The " + marker + " settlement focal point can be reached on +961 3 123 456; he says the "
                + "water trucking stopped in March and families now buy from private tankers.");
        body.put("consent", CONSENT_TO_KEEP_A_PHONE_NUMBER);
        body.put("sensitivity", "confidential");
        body.put("sharedWith", List.of("UNICEF"));
        JsonNode created = submit(oxfam.http(), body, 201);
        String id = created.get("id").asString();
        assertThat(created.get("sensitivity").asString()).isEqualTo("confidential");

        assertThat(seen(oxfam.http(), id, marker)).as("its organisation").isEqualTo(Seen.everything());
        assertThat(seen(unicef.http(), id, marker)).as("the organisation it is shared with").isEqualTo(Seen.everything());
        assertThat(seen(nrc.http(), id, marker)).as("another organisation").isEqualTo(Seen.nothing());
        assertThat(seen(washCoordinator.http(), id, marker)).as("a coordinator of its sector").isEqualTo(Seen.nothing());
        assertThat(seen(http(), id, marker)).as("anonymous").isEqualTo(Seen.nothing());
        assertThat(washCoordinator.http().json("POST", "/api/observations/" + id + "/reviews", "{\"verdict\":\"verified\"}")
                .status()).as("a coordinator who cannot read it cannot review it").isEqualTo(404);

        // The page says with whom it is shared.
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(unicef.http().get("/id/document/" + id, "Accept", "text/turtle").text(), Lang.TURTLE).parse(m);
        assertThat(m.getResource("http://localhost:8080/id/document/" + id).getPropertyResourceValue(KH.sharedWith))
                .as("kh:sharedWith").isNotNull();

        // Sharing widens the observation, not its personal data: that stays with the contributing organisation.
        assertThat(unicef.http().get("/api/observations/" + id).json().get("text").asString())
                .contains(marker).doesNotContain("123 456");
        String personal = "SELECT ?t WHERE { GRAPH <http://localhost:8080/graph/document/" + id + "/personal> { ?s ?p ?t } }";
        assertThat(oxfam.http().get("/sparql?query=" + Http.enc(personal), "Accept", "application/sparql-results+json").text())
                .contains("123 456");
        assertThat(unicef.http().get("/sparql?query=" + Http.enc(personal), "Accept", "application/sparql-results+json").text())
                .doesNotContain("123 456");
        assertThat(unicef.http().get("/api/search?q=" + marker).text()).doesNotContain("123 456");
        assertThat(unicef.http().delete("/api/observations/" + id).status()).as("only its organisation withdraws it").isEqualTo(403);
    }

    @Test
    void aRestrictedObservationSharedWithOrganisationsAndSectorsIsReadByThoseOnly() {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        Members.Member protectionWorker = Members.create(http(), admin(), "DRC", List.of("contributor"), List.of("protection"));
        Members.Member protectionCoordinator = Members.create(http(), admin(), "UNHCR", List.of("coordinator"), List.of("protection"));
        // The observation's own sectors (wash, food security) do not open it: only the sectors it is shared with.
        Members.Member washCoordinator = Members.create(http(), admin(), "UNICEF", List.of("coordinator"), List.of("wash"));
        Members.Member nrc = Members.contributor(http(), admin(), "NRC");
        String marker = marker();
        Map<String, Object> body = inNabatieh(marker);
        body.put("sharedWith", List.of("WFP"));
        body.put("sharedWithSector", List.of("protection"));
        String id = submit(oxfam.http(), body, 201).get("id").asString();

        assertThat(seen(oxfam.http(), id, marker)).as("its organisation").isEqualTo(Seen.everything());
        assertThat(seen(wfp.http(), id, marker)).as("an organisation it is shared with").isEqualTo(Seen.everything());
        assertThat(seen(protectionWorker.http(), id, marker)).as("a member working in a sector it is shared with")
                .isEqualTo(Seen.everything());
        assertThat(seen(protectionCoordinator.http(), id, marker)).as("a coordinator of a sector it is shared with")
                .isEqualTo(Seen.everything());
        assertThat(seen(washCoordinator.http(), id, marker)).as("a coordinator of its own sector").isEqualTo(Seen.nothing());
        assertThat(seen(nrc.http(), id, marker)).as("another organisation").isEqualTo(Seen.nothing());
        assertThat(seen(http(), id, marker)).as("anonymous").isEqualTo(Seen.nothing());

        // Sharing that cannot apply is refused, and names the field.
        Map<String, Object> publicShared = observation(marker());
        publicShared.put("sensitivity", "public");
        publicShared.put("sharedWith", List.of("WFP"));
        assertThat(submit(oxfam.http(), publicShared, 400).get("field").asString()).isEqualTo("sharedWith");
        Map<String, Object> confidentialToSector = observation(marker());
        confidentialToSector.put("sensitivity", "confidential");
        confidentialToSector.put("sharedWithSector", List.of("protection"));
        assertThat(submit(oxfam.http(), confidentialToSector, 400).get("field").asString()).isEqualTo("sharedWithSector");
        Map<String, Object> unknown = observation(marker());
        unknown.put("sharedWith", List.of("Nowhere Aid"));
        assertThat(submit(oxfam.http(), unknown, 400).get("field").asString()).isEqualTo("sharedWith");
        Map<String, Object> unknownSector = observation(marker());
        unknownSector.put("sharedWithSector", List.of("astrology"));
        assertThat(submit(oxfam.http(), unknownSector, 400).get("field").asString()).isEqualTo("sharedWithSector");

        // Like every other problem, unknown names are violations with their values, all reported at once.
        Map<String, Object> everythingWrong = observation(marker());
        everythingWrong.put("text", "too short");
        everythingWrong.put("sharedWith", List.of("WFP", "Nowhere Aid"));
        everythingWrong.put("sharedWithSector", List.of("astrology", "protection"));
        JsonNode problem = submit(oxfam.http(), everythingWrong, 400);
        assertThat(problem.get("violations")).as(problem.toString()).hasSize(3);
        assertThat(find(problem.get("violations"), "text").get("value").asString()).isEqualTo("too short");
        assertThat(find(problem.get("violations"), "sharedWith").get("value").asString()).isEqualTo("Nowhere Aid");
        assertThat(find(problem.get("violations"), "sharedWithSector").get("value").asString()).isEqualTo("astrology");
        problem.get("violations").forEach(v -> assertThat(v.get("message").asString()).isNotBlank());
    }

    @Test
    void aWithdrawnObservationLeavesAnswersQuestionsSparqlAndTheAreaWhileTheAuditTrailKeepsTheWithdrawal()
            throws InterruptedException {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Members.Member wfp = Members.contributor(http(), admin(), "WFP");
        Http.Response question = oxfam.http().json("POST", "/api/questions", Members.json(Map.of(
                "text", "Why are households in El Nabatieh buying water from private tankers?", "sectors", List.of("wash"))));
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
        String questionId = question.json().get("id").asString();
        String marker = marker();
        Map<String, Object> body = inNabatieh(marker);
        // With a phone number and consent to keep it: the observation also has a personal graph.
        body.put("text", "Households near the " + marker + " spring buy water from private tankers since the trucking "
                + "stopped in March; the spring committee's focal point can be reached on +961 3 123 456.");
        body.put("consent", CONSENT_TO_KEEP_A_PHONE_NUMBER);
        body.put("question", questionId);
        String id = submit(oxfam.http(), body, 201).get("id").asString();
        String askUrl = "/api/ask?q=" + Http.enc("Why do households near the " + marker + " spring buy water from private tankers?");
        String graph = "http://localhost:8080/graph/document/" + id;
        String documentGraph = "ASK { GRAPH <" + graph + "> { ?s ?p ?o } }";
        String personalGraph = "ASK { GRAPH <" + graph + "/personal> { ?s ?p ?o } }";
        String questionSourceGraph = "ASK { GRAPH <http://localhost:8080/graph/question/" + questionId + "/source/" + id
                + "> { ?s ?p ?o } }";
        String aboutIt = "ASK { GRAPH ?g { <http://localhost:8080/id/document/" + id + "> ?p ?o } }";
        String textSearch = "SELECT ?p { ?p <https://w3id.org/knowledge-hub/ns#search> \"" + marker + "\" }";

        // Every channel has it first, or its absence afterwards would prove nothing.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && !candidates(oxfam.http(), questionId).contains(id)) {
            Thread.sleep(200);
        }
        assertThat(candidates(oxfam.http(), questionId)).as("the declared answer is a candidate").contains(id);
        assertThat(seen(wfp.http(), id, marker)).isEqualTo(Seen.everything());
        // Among the answers, not necessarily first: other tests' notes of El Nabatieh say much the same.
        assertThat(answers(wfp.http().get(askUrl).json())).contains(id);
        assertThat(ask(admin(), documentGraph)).isTrue();
        assertThat(ask(admin(), personalGraph)).isTrue();
        assertThat(ask(admin(), questionSourceGraph)).isTrue();
        assertThat(sparqlRows(wfp.http(), textSearch)).isPositive();
        assertThat(admin().get("/api/areas/LB44").text()).contains(id);

        assertThat(oxfam.http().delete("/api/observations/" + id).status()).isEqualTo(204);

        for (Http as : List.of(wfp.http(), oxfam.http(), admin())) {
            assertThat(seen(as, id, marker)).isEqualTo(Seen.nothing());
            assertThat(answers(as.get(askUrl).json())).as("/api/ask").doesNotContain(id);
            assertThat(candidates(as, questionId)).as("the question's candidates").doesNotContain(id);
            assertThat(as.get("/api/areas/LB44").text()).as("the area API").doesNotContain(id);
            assertThat(as.get("/api/areas/LB4").text()).as("the governorate's area API").doesNotContain(id);
            assertThat(sparqlRows(as, textSearch)).as("SPARQL text search").isZero();
        }
        assertThat(ask(admin(), documentGraph)).as("its graph").isFalse();
        assertThat(ask(admin(), personalGraph)).as("its personal graph").isFalse();
        assertThat(ask(admin(), questionSourceGraph)).as("what the question said of it").isFalse();
        assertThat(ask(admin(), aboutIt)).as("any statement about it in any graph").isFalse();
        assertThat(admin().get("/sparql?query=" + Http.enc("SELECT DISTINCT ?g { GRAPH ?g { } }"),
                "Accept", "application/sparql-results+json").text()).as("graph names").doesNotContain(id);
        assertThat(admin().get("/api/documents/" + id).status()).isEqualTo(404);

        // The audit trail keeps the withdrawal, with who and which graph.
        Map<String, String> actions = new LinkedHashMap<>();
        admin().get("/api/audit?graph=" + Http.enc(graph) + "&limit=1000").json()
                .forEach(e -> actions.putIfAbsent(e.get("action").asString(), e.get("actor").asString()));
        assertThat(actions).containsEntry("observation.submit", oxfam.username())
                .containsEntry("observation.withdraw", oxfam.username());
    }

    /** The documents of a question's candidate answers, as {@code as} sees them. */
    private static List<String> candidates(Http as, String questionId) {
        Http.Response r = as.get("/api/questions/" + questionId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return answers(r.json().get("answers"));
    }

    /** The documents of ranked answers, best first. */
    private static List<String> answers(JsonNode answers) {
        List<String> out = new ArrayList<>();
        answers.get("answers").forEach(a -> out.add(a.get("provenance").get("document").get("id").asString()));
        return out;
    }

    private static int sparqlRows(Http as, String query) {
        Http.Response r = as.get("/sparql?query=" + Http.enc(query), "Accept", "application/sparql-results+json");
        assertThat(r.status()).as(query + " " + r).isEqualTo(200);
        return r.json().get("results").get("bindings").size();
    }

    @Test
    void anObservationThatNamesTheQuestionItAnswersBecomesItsCandidate() throws InterruptedException {
        Members.Member oxfam = Members.contributor(http(), admin(), "Oxfam");
        Http.Response question = oxfam.http().json("POST", "/api/questions", Members.json(Map.of(
                "text", "Why are households in Zahle buying water from private tankers?", "sectors", List.of("wash"))));
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
        String questionId = question.json().get("id").asString();
        Map<String, Object> body = observation(marker());
        body.put("question", questionId);
        body.put("sensitivity", "public");
        String id = submit(oxfam.http(), body, 201).get("id").asString();
        assertThat(submit(oxfam.http(), Map.of("question", "no-such-question"), 400).get("violations").toString())
                .contains("question");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && !candidates(http(), questionId).contains(id)) {
            Thread.sleep(200);
        }
        assertThat(candidates(http(), questionId)).contains(id);
    }

    @Test
    void anObservationIsEvidenceWhenATrendOfItsAreaIsExplained() {
        Members.Member nrc = Members.contributor(http(), admin(), "NRC");
        String marker = marker();
        Map<String, Object> body = observation(marker);
        body.put("text", "Households in the " + marker + " settlement told us they fell below the survival minimum expenditure "
                + "basket (SMEB) in 2022 because cash assistance was not adjusted to the collapse of the lira while rents rose.");
        body.put("observedFrom", "2022-05-10");
        body.remove("observedTo");
        body.put("sectors", List.of("basic-assistance", "food-security"));
        String id = submit(nrc.http(), body, 201).get("id").asString();

        String explain = "/api/trends/explain?indicator=below-smeb&area=LB2&population=syrian-refugees&from=2020&to=2022";
        List<String> documents = new ArrayList<>();
        nrc.http().get(explain).json().get("evidence").get("answers")
                .forEach(a -> documents.add(a.get("provenance").get("document").get("id").asString()));
        assertThat(documents).as("a member sees the restricted observation among the evidence").contains(id);
        List<String> anonymous = new ArrayList<>();
        http().get(explain).json().get("evidence").get("answers")
                .forEach(a -> anonymous.add(a.get("provenance").get("document").get("id").asString()));
        assertThat(anonymous).doesNotContain(id);
    }

    private static JsonNode find(JsonNode violations, String field) {
        for (JsonNode v : violations) {
            if (v.get("field").asString().equals(field)) {
                return v;
            }
        }
        throw new AssertionError("no violation of " + field + " in " + violations);
    }

    private static List<String> localities(JsonNode observations) {
        List<String> out = new ArrayList<>();
        observations.forEach(o -> out.add(o.get("locality").isNull() ? "" : o.get("locality").asString()));
        return out;
    }

    private static List<String> texts(JsonNode observations) {
        List<String> out = new ArrayList<>();
        observations.forEach(o -> out.add(o.get("text").asString()));
        return out;
    }

    private static List<String> ids(JsonNode observations) {
        List<String> out = new ArrayList<>();
        observations.forEach(o -> out.add(o.get("id").asString()));
        return out;
    }
}
