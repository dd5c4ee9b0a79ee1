package org.knowledgehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import org.knowledgehub.ingest.DocumentIds;
import org.knowledgehub.search.PassageVectors;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The adversarial battery (issue 5): crafted requests on every read and write channel, sent by
 * four attackers (anonymous, a contributor and an analyst of another organisation, a coordinator
 * of an unrelated sector), that try to read restricted and confidential items or learn that they
 * exist. Every attack must fail, and fail invisibly:
 * <ul>
 *   <li>a <em>probe</em> names a secret (its marker word, id, IRI, graph, title, indicator code):
 *       the answer must be byte for byte the answer to the same request naming a decoy of the same
 *       shape that matches nothing, once both are normalised (the token itself replaced by a
 *       placeholder), so "not permitted" looks exactly like "does not exist", counts included;</li>
 *   <li>an <em>invariant</em> names no secret (aggregates, counts, facets, area pages, named
 *       queries): its answer must be the same before and after the secrets were created;</li>
 *   <li>no answer may contain a secret word, id or hash.</li>
 * </ul>
 * Each read attack is also sent by an insider (the owner's member, a coordinator of the sector the
 * document is shared with, or the admin), whose answers must differ: a probe that even an insider
 * cannot tell apart would prove nothing. The secrets are created once through the real API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdversarialAccessTest extends HubTest {

    @Autowired
    PassageVectors vectors;

    private static final String BASE = "http://localhost:8080/";
    private static final String PREFIXES = "PREFIX kh: <https://w3id.org/knowledge-hub/ns#>\n"
            + "PREFIX dcterms: <http://purl.org/dc/terms/>\n";
    private static final String OWNER = "UN Women";
    /** The name search results and filters give the owner (it has no acronym). */
    private static final String OWNER_NAME = "United Nations Entity for Gender Equality and the Empowerment of Women";
    private static final String OWNER_SOURCES = "un-women/";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who sends a request. */
    private record Who(String name, Http http) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A secret and its decoy: the same placeholders, in the order they are replaced (ids before
     * the words they contain), with the secret's values and with values that name nothing.
     */
    private record Secret(String name, Map<String, String> values, Map<String, String> decoy) {

        String get(String key) {
            return values.get(key);
        }
    }

    private enum Insider { OWNER_MEMBER, SECTOR_COORDINATOR, ADMIN, NONE }

    /** A request that names a secret; sent again naming the decoy. */
    private record Probe(String name, String secret, Insider insider, boolean refusal,
                         BiFunction<Http, Map<String, String>, Http.Response> send) {
    }

    /**
     * What of an invariant's answer is compared. Lucene merges segments as documents come and go,
     * which reorders passages of equal score and rebuilds the vector graphs whose nearest-neighbour
     * search is approximate: that is index upkeep, not access, so answers ranked that way are
     * compared without their ranked lists, which must then name only documents the caller could
     * list before the secrets existed.
     */
    private enum View { EXACT, UNORDERED_RESULTS, WITHOUT_RANKED_LISTS }

    /**
     * A request that names no secret; its answer must not change when the secrets come to exist.
     *
     * @param echo a secret word the request carries (chosen before the secret existed), replaced by a placeholder
     */
    private record Invariant(String name, Insider insider, View view, String echo, Function<Http, Http.Response> send) {
    }

    private Who contributorB;
    private Who unrelatedCoordinator;
    private List<Who> attackers;
    private Members.Member ownerMember;
    private Members.Member ownerCoordinator;
    private Members.Member sectorCoordinator;
    private Members.Member contributorMember;

    /** The words of each secret and its decoy, chosen before the secrets exist (invariants use them). */
    private final Map<String, Map<String, String>> words = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    /** Every secret value and hash: no answer to an attacker may contain one. */
    private final List<String> leakWords = new ArrayList<>();
    private String questionId;
    private final Map<String, Http.Response> before = new HashMap<>();
    private final List<String> documentsToDelete = new ArrayList<>();
    private String tableGraph;
    private final List<Probe> probes = new ArrayList<>();
    private final List<Invariant> invariants = new ArrayList<>();

    // ---------------------------------------------------------------- fixtures

    @BeforeAll
    void createAttackersAndSecrets() throws Exception {
        Http anon = http();
        contributorMember = Members.contributor(anon, admin(), "IOM");
        Members.Member analyst = Members.create(anon, admin(), "IOM", List.of("analyst"), List.of());
        Members.Member coordinator = Members.create(anon, admin(), "ILO", List.of("coordinator"), List.of("education"));
        contributorB = new Who("contributor of another organisation", contributorMember.http());
        unrelatedCoordinator = new Who("coordinator of an unrelated sector", coordinator.http());
        attackers = List.of(new Who("anonymous", anon), contributorB, new Who("analyst of another organisation", analyst.http()),
                unrelatedCoordinator);
        ownerMember = Members.contributor(anon, admin(), OWNER);
        ownerCoordinator = Members.create(anon, admin(), OWNER, List.of("coordinator"), List.of("shelter"));
        sectorCoordinator = Members.create(anon, admin(), "UNHCR", List.of("coordinator"), List.of("protection"));

        // The question is public, as its existence is: it exists before the secrets do.
        Http.Response question = ownerCoordinator.http().json("POST", "/api/questions", """
                {"text": "Why were more refugee households evicted in Hasbaya in 2021?",
                 "sectors": ["shelter"], "areas": ["LB42"], "period": "2021"}""");
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
        questionId = question.json().get("id").asString();

        for (String s : List.of("confidential", "organisation", "sector", "table", "observation")) {
            words.put(s, words());
        }
        Map<String, String> conf = words.get("confidential");
        Map<String, String> org = words.get("organisation");
        Map<String, String> sector = words.get("sector");
        Map<String, String> table = words.get("table");

        defineAttacks();
        // Passages of earlier tests' uploads get their vectors in the background: one arriving between
        // the two answers would move a ranking as a secret would.
        vectors.awaitIdle();
        for (Invariant attack : invariants) {
            for (Who who : attackers) {
                before.put(key(attack.name(), who.name()), attack.send().apply(who.http()));
            }
            Who insider = insider(attack.insider());
            if (insider != null) {
                before.put(key(attack.name(), "insider"), attack.send().apply(insider.http()));
            }
        }

        secrets.put("confidential", document("confidential", conf, ownerMember.http(), "note.md", Map.of(
                "sensitivity", "confidential", "type", "field-note", "date", "2021-10-05"), confidentialNote(conf)));
        secrets.put("organisation", document("organisation", org, ownerMember.http(), "minutes.md", Map.of(
                "sensitivity", "restricted", "sharedWith", OWNER, "type", "minutes"), restrictedMinutes(org)));
        secrets.put("sector", document("sector", sector, ownerMember.http(), "flash.md", Map.of(
                "sensitivity", "restricted", "sharedWithSector", "protection", "type", "field-note"), sectorFlash(sector)));
        secrets.put("table", indicatorTable(table));
        secrets.put("observation", observation(words.get("observation")));

        // The owner's coordinator accepts the confidential passage as an answer: a statement only its readers may see.
        String passage = BASE + "id/document/" + secrets.get("confidential").get("id") + "/passage/1";
        Http.Response review = ownerCoordinator.http().json("POST", "/api/questions/" + questionId + "/reviews",
                "{\"passage\": \"" + passage + "\", \"verdict\": \"accept\"}");
        assertThat(review.status()).as(review.toString()).isEqualTo(200);
        vectors.awaitIdle();
    }

    @AfterAll
    void removeSecrets() {
        for (String id : documentsToDelete) {
            admin().delete("/api/documents/" + id);
        }
        if (tableGraph != null) {
            Http.Response dropped = admin().post("/update", "application/sparql-update",
                    ("DROP GRAPH <" + tableGraph + ">").getBytes(StandardCharsets.UTF_8));
            assertThat(dropped.status()).as(dropped.toString()).isEqualTo(200);
            JsonNode series = admin().get("/api/trends?indicator=below-smeb&area=LB42&population=syrian-refugees").json().get("series");
            series.forEach(one -> assertThat(one.get("role").asString())
                    .as("the table's values are gone for the tests after these").isNotEqualTo("area"));
        }
        if (questionId != null) {
            admin().json("POST", "/api/questions/" + questionId + "/status", "{\"status\": \"closed\"}");
        }
    }

    /** Unique words for a secret (marker, title, source) and for its decoy. */
    private static Map<String, String> words() {
        Map<String, String> w = new LinkedHashMap<>();
        for (String k : List.of("marker", "title", "source", "decoy-marker", "decoy-title", "decoy-source")) {
            w.put(k, word());
        }
        return w;
    }

    /** "zq", eight letters, "x": one token, no stemming, found nowhere else. */
    private static String word() {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.append('x').toString();
    }

    private Secret document(String name, Map<String, String> w, Http owner, String file, Map<String, String> fields, String text) {
        Map<String, String> f = new HashMap<>(fields);
        f.put("title", "Note " + w.get("title"));
        Http.Response r = owner.upload("/api/documents", w.get("source") + "-" + file, text.getBytes(StandardCharsets.UTF_8), f);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asString();
        documentsToDelete.add(id);
        assertThat(id).isEqualTo(DocumentIds.forSource(OWNER_SOURCES + w.get("source") + "-" + file));
        String turtle = owner.get("/id/document/" + id, "Accept", "text/turtle").text();
        Matcher stamp = Pattern.compile(Pattern.quote(id) + "/ingestion/([A-Za-z0-9-]+)").matcher(turtle);
        assertThat(stamp.find()).as("the ingestion activity of " + name).isTrue();
        JsonNode summary = owner.get("/api/documents/" + id).json();

        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> decoy = new LinkedHashMap<>();
        values.put("id", id);
        decoy.put("id", DocumentIds.forSource(OWNER_SOURCES + w.get("decoy-source") + "-" + file));
        values.put("stamp", stamp.group(1));
        decoy.put("stamp", UUID.randomUUID().toString());
        for (String k : List.of("marker", "title", "source")) {
            values.put(k, w.get(k));
            decoy.put(k, w.get("decoy-" + k));
        }
        leakWords.addAll(values.values());
        values.put("prefix", w.get("marker").substring(0, 9));
        decoy.put("prefix", w.get("decoy-marker").substring(0, 9));
        values.put("hash", summary.get("contentHash").asString());
        decoy.put("hash", DocumentIds.forSource(w.get("decoy-marker")).replaceAll(".*-", "").repeat(8));
        leakWords.add(summary.get("contentHash").asString());
        return new Secret(name, values, decoy);
    }

    /** A confidential field observation of the owner, in the secrets' district. */
    private Secret observation(Map<String, String> w) {
        String body = Members.json(Map.of(
                "text", "Families in the " + w.get("marker") + " building said the landlord gave them two weeks to leave after "
                        + "the municipality listed unregistered residents.",
                "title", "Observation " + w.get("title"), "observedFrom", "2021-06-01", "area", "LB42",
                "sectors", List.of("shelter", "protection"), "method", "key-informant-interview", "sensitivity", "confidential",
                "consent", Map.of("collectedFromPeople", true, "informedConsent", "true", "purpose", "protection monitoring",
                        "personalData", false)));
        Http.Response r = ownerMember.http().json("POST", "/api/observations", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asString();
        documentsToDelete.add(id);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> decoy = new LinkedHashMap<>();
        values.put("id", id);
        decoy.put("id", DocumentIds.forSource(OWNER_SOURCES + "observations/2021-06-01-lb42-" + w.get("decoy-source") + ".txt"));
        for (String k : List.of("marker", "title", "source")) {
            values.put(k, w.get(k));
            decoy.put(k, w.get("decoy-" + k));
        }
        leakWords.addAll(List.of(id, w.get("marker"), w.get("title")));
        return new Secret("observation", values, decoy);
    }

    private Secret indicatorTable(Map<String, String> w) {
        String csv = "indicator,area,year,value,unit,population\n"
                + w.get("marker") + " eviction rate,LB42,2020,12,%,\n"
                + w.get("marker") + " eviction rate,LB42,2021,19,%,\n"
                + w.get("marker") + " eviction rate,LB4,2021,23,%,\n"
                + w.get("marker") + " eviction rate,LB,2021,17,%,\n"
                // A value of an ontology indicator too, for a district the demo tables do not give.
                + "below-smeb,LB42,2021,61,%,syrian-refugees\n";
        Http.Response r = admin().upload("/api/indicators/import", w.get("source") + ".csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("format", "long", "source", "Survey " + w.get("title"), "sensitivity", "confidential"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("observations").asInt()).as(r.toString()).isEqualTo(5);
        tableGraph = report.get("tables").get(0).get("graph").asString();
        assertThat(tableGraph).contains(w.get("title"));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> decoy = new LinkedHashMap<>();
        values.put("code", w.get("marker") + "-eviction-rate");
        decoy.put("code", w.get("decoy-marker") + "-eviction-rate");
        for (String k : List.of("marker", "title", "source")) {
            values.put(k, w.get(k));
            decoy.put(k, w.get("decoy-" + k));
        }
        assertThat(report.toString()).contains(values.get("code"));
        leakWords.addAll(List.of(w.get("marker"), w.get("title"), w.get("source")));
        return new Secret("table", values, decoy);
    }

    private static String confidentialNote(Map<String, String> w) {
        String m = w.get("marker");
        return "# Protection referral note\n\n"
                + "## Evictions in Hasbaya\n\n"
                + "In September 2021 the " + m + " outreach volunteers in Hasbaya recorded 41 Syrian refugee households "
                + "evicted because landlords doubled the rent after the currency collapse. Evictions in Hasbaya rose in 2021 "
                + "because rents were raised in US dollars and households could no longer pay.\n\n"
                + "## Referrals\n\n"
                + "Survivors referred by the " + m + " group could not reach a safe shelter; the referral pathway to the "
                + "case management partner was interrupted for three weeks.\n";
    }

    private static String restrictedMinutes(Map<String, String> w) {
        String m = w.get("marker");
        return "## Minutes of Shelter Sector Working Group Meeting (Hasbaya) - Hasbaya, 14 October 2021\n\n"
                + "<b>Meeting Location</b>\tUN Women office, Hasbaya\t<b>Meeting Time</b>\t10:00am\n"
                + "<b>Chair persons</b>\tHiba Sleiman (UN Women), Karim Aoun (NRC)\t<b>Meeting Duration</b>\t1 Hr.\n"
                + "<b>Minutes by</b>\tLina Saad (UN Women)\t\t\n"
                + "<b>Represented Agencies</b>\tUN Women, NRC, IOM, UNHCR\t\t\n"
                + "<b>Agenda</b>\t<ul style=\"list-style-type: none\"> <li>• Evictions in Hasbaya</li> <li>• AOB</li> </ul>\t\t\n\n"
                + "## Evictions in Hasbaya\n\n"
                + "The " + m + " referral list shows 14 eviction notices served to Syrian refugee households in Hasbaya "
                + "in September 2021.\n\n"
                + "**Action points:**\n\n"
                + "- NRC to follow up the " + m + " eviction cases in Hasbaya by 30 October 2021.\n"
                + "- UNHCR to share the list of collective shelters with the sector.\n\n"
                + "## AOB\n\nNone.\n";
    }

    private static String sectorFlash(Map<String, String> w) {
        String m = w.get("marker");
        return "# Protection flash update\n\n"
                + "## Hasbaya\n\n"
                + "Checkpoints near Hasbaya stopped refugees without legal residency; the " + m + " hotline received "
                + "23 calls about arrests and evictions in October 2021.\n";
    }

    private Who insider(Insider insider) {
        return switch (insider) {
            case OWNER_MEMBER -> new Who("the owner's member", ownerMember.http());
            case SECTOR_COORDINATOR -> new Who("a coordinator of the sector it is shared with", sectorCoordinator.http());
            case ADMIN -> new Who("the admin", admin());
            case NONE -> null;
        };
    }

    private static String key(String attack, String who) {
        return attack + "\u0000" + who;
    }

    // ---------------------------------------------------------------- the attacks

    private void probe(String name, String secret, Insider insider, BiFunction<Http, Map<String, String>, Http.Response> send) {
        probes.add(new Probe(name, secret, insider, false, send));
    }

    private void invariant(String name, Insider insider, Function<Http, Http.Response> send) {
        invariants.add(new Invariant(name, insider, View.EXACT, null, send));
    }

    private void invariant(String name, Insider insider, View view, String echo, Function<Http, Http.Response> send) {
        invariants.add(new Invariant(name, insider, view, echo, send));
    }

    private static Http.Response get(Http as, String path, String accept) {
        return as.get(path, "Accept", accept);
    }

    private static Http.Response json(Http as, String path) {
        return as.get(path, "Accept", "application/json");
    }

    private static Http.Response html(Http as, String path) {
        return as.get(path, "Accept", "text/html");
    }

    private static Http.Response sparql(Http as, String query) {
        return as.get("/sparql?query=" + Http.enc(PREFIXES + query), "Accept", "application/sparql-results+json");
    }

    private static Http.Response graphQuery(Http as, String query) {
        return as.get("/sparql?query=" + Http.enc(PREFIXES + query), "Accept", "application/n-triples");
    }

    private static String graph(Map<String, String> s) {
        return BASE + "graph/document/" + s.get("id");
    }

    private static String doc(Map<String, String> s) {
        return BASE + "id/document/" + s.get("id");
    }

    private static String q(String text) {
        return Http.enc(text);
    }

    private void defineAttacks() throws Exception {
        observationAttacks();
        // ---- search: text, fields, operators, filters, facets, counts, hybrid
        for (String s : List.of("confidential", "organisation", "sector")) {
            probe("search for the marker word of the " + s + " document", s, insiderOf(s),
                    (as, v) -> json(as, "/api/search?q=" + v.get("marker")));
        }
        probe("search the title field", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?q=" + q("title:" + v.get("title"))));
        probe("search a phrase with the marker", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?q=" + q("\"" + v.get("marker") + " outreach volunteers\"")));
        probe("search the marker OR a common word (counts and facets)", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?q=" + q(v.get("marker") + " OR nonexistentzzword")));
        probe("search a prefix of the marker", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?q=" + q(v.get("prefix") + "*")));
        probe("search the marker fuzzily", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?q=" + q(v.get("marker") + "~1")));
        probe("search the marker among confidential documents of the owner", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?q=" + v.get("marker") + "&sensitivity=confidential&organisation=" + q(OWNER_NAME)));
        probe("search the text field with AND", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> json(as, "/api/search?q=" + q("text:" + v.get("marker") + " AND hotline")));
        // Hybrid search and questions embed the whole text, and a decoy embeds differently: they are invariants.
        String marker = words.get("confidential").get("marker");
        invariant("search the marker in hybrid mode", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, marker,
                as -> json(as, "/api/search?mode=hybrid&k=5&q=" + q(words.get("confidential").get("marker") + " outreach volunteers")));
        probe("search page of the web UI for the marker", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> html(as, "/?q=" + v.get("marker")));
        invariant("search in hybrid mode with an area filter", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, null,
                as -> json(as, "/api/search?mode=hybrid&area=LB42&k=10&q=" + q("households evicted")));
        invariant("search the owner's documents by its name", Insider.OWNER_MEMBER, View.UNORDERED_RESULTS, null,
                as -> json(as, "/api/search?q=Hasbaya&k=100&organisation=" + q(OWNER_NAME)));
        invariant("search by area, no words (counts and facets)", Insider.OWNER_MEMBER, View.UNORDERED_RESULTS, null,
                as -> json(as, "/api/search?area=LB42&k=100"));
        invariant("search by governorate and year", Insider.OWNER_MEMBER, View.UNORDERED_RESULTS, null,
                as -> json(as, "/api/search?area=LB4&year=2021&k=100"));
        invariant("search minutes of a month, no words", Insider.OWNER_MEMBER, View.UNORDERED_RESULTS, null,
                as -> json(as, "/api/search?type=minutes&from=2021-10&to=2021-10&k=100"));
        invariant("search a place among restricted documents", Insider.OWNER_MEMBER, View.UNORDERED_RESULTS, null,
                as -> json(as, "/api/search?q=Hasbaya&sensitivity=restricted&k=100"));
        invariant("search common words of the secrets (scores, totals, facets)", Insider.OWNER_MEMBER,
                as -> json(as, "/api/search?q=" + q("Hasbaya evictions") + "&k=100"));
        invariant("search in hybrid mode with the secrets' words", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, null,
                as -> json(as, "/api/search?mode=hybrid&k=10&q=" + q("evictions in Hasbaya")));
        invariant("search page of the web UI by area", Insider.OWNER_MEMBER, as -> html(as, "/?q=Hasbaya&area=LB42"));

        // ---- questions and answers
        invariant("ask why households were evicted in Hasbaya", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, null,
                as -> json(as, "/api/ask?q=" + q("Why were refugee households evicted in Hasbaya in 2021?") + "&area=LB42"));
        invariant("ask with the marker word", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, marker,
                as -> json(as, "/api/ask?k=3&q=" + q("What did the " + marker + " volunteers record?")));
        invariant("ask with sector, area and period filters", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, null,
                as -> json(as, "/api/ask?q=" + q("What do we know about arrests at checkpoints?") + "&sector=protection&area=LB42&period=2021"));
        invariant("a research question's ranked candidates and reviews", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, null,
                as -> json(as, "/api/questions/" + questionId));
        invariant("the list of research questions", Insider.NONE, as -> json(as, "/api/questions?area=LB42"));

        // ---- document API: description, original, text, list; 404 exactly as for an unknown id
        for (String s : List.of("confidential", "organisation", "sector")) {
            probe("document description of the " + s + " document", s, insiderOf(s), (as, v) -> json(as, "/api/documents/" + v.get("id")));
        }
        probe("original file", "confidential", Insider.OWNER_MEMBER, (as, v) -> as.get("/api/documents/" + v.get("id") + "/original"));
        probe("original file with a Range header", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> as.get("/api/documents/" + v.get("id") + "/original", "Range", "bytes=0-20"));
        probe("extracted text", "organisation", Insider.OWNER_MEMBER, (as, v) -> as.get("/api/documents/" + v.get("id") + "/text"));
        probe("original file of the sector document", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> as.get("/api/documents/" + v.get("id") + "/original"));
        probe("document path with a dot segment", "confidential", Insider.NONE,
                (as, v) -> json(as, "/api/documents/x/../" + v.get("id")));
        invariant("the document list", Insider.OWNER_MEMBER, as -> json(as, "/api/documents?limit=500"));

        // ---- Linked Data and content negotiation
        probe("document as Turtle", "confidential", Insider.OWNER_MEMBER, (as, v) -> get(as, "/id/document/" + v.get("id"), "text/turtle"));
        probe("document as JSON-LD", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id"), "application/ld+json"));
        probe("document page (HTML)", "confidential", Insider.OWNER_MEMBER, (as, v) -> html(as, "/id/document/" + v.get("id")));
        probe("document as N-Triples", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> get(as, "/id/document/" + v.get("id"), "application/n-triples"));
        probe("document as RDF/XML", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id"), "application/rdf+xml"));
        probe("document without an Accept header", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> as.get("/id/document/" + v.get("id")));
        probe("document with Accept */*", "organisation", Insider.OWNER_MEMBER, (as, v) -> get(as, "/id/document/" + v.get("id"), "*/*"));
        probe("section page (HTML)", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> html(as, "/id/document/" + v.get("id") + "/section/1"));
        probe("agenda item as Turtle", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id") + "/agenda/1", "text/turtle"));
        probe("a chair of the meeting as Turtle", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id") + "/person/hiba-sleiman", "text/turtle"));
        probe("section as Turtle", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id") + "/section/1", "text/turtle"));
        probe("passage page (HTML)", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> html(as, "/id/document/" + v.get("id") + "/passage/1"));
        probe("passage with its mention spans as JSON-LD", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id") + "/passage/1", "application/ld+json"));
        probe("ingestion activity as Turtle", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id") + "/ingestion/" + v.get("stamp"), "text/turtle"));
        probe("meeting as Turtle", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id") + "/meeting", "text/turtle"));
        probe("meeting page (HTML)", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> html(as, "/id/document/" + v.get("id") + "/meeting"));
        probe("action point as Turtle", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id") + "/action/1", "text/turtle"));
        probe("the graph IRI dereferenced", "confidential", Insider.NONE, (as, v) -> get(as, "/graph/document/" + v.get("id"), "text/turtle"));
        invariant("an organisation's page lists what refers to it", Insider.OWNER_MEMBER, as -> html(as, "/id/organisation/iom"));
        invariant("an area's page lists what refers to it", Insider.OWNER_MEMBER, as -> html(as, "/id/area/LB42"));
        invariant("an area as Turtle", Insider.NONE, as -> get(as, "/id/area/LB42", "text/turtle"));

        // ---- areas, trends, explanations, indicators
        invariant("area API (passages, counts, organisations, indicators)", Insider.OWNER_MEMBER, as -> json(as, "/api/areas/LB42"));
        invariant("area API of the governorate", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, null, as -> json(as, "/api/areas/LB4"));
        invariant("area page (HTML)", Insider.OWNER_MEMBER, as -> html(as, "/areas/LB42"));
        invariant("area API: indicator values of a confidential table", Insider.ADMIN, View.WITHOUT_RANKED_LISTS, null, as -> json(as, "/api/areas/LB"));
        invariant("the indicator list", Insider.ADMIN, as -> json(as, "/api/indicators"));
        invariant("the trends page", Insider.ADMIN, as -> html(as, "/trends"));
        invariant("trend of a public indicator where a confidential table adds a district", Insider.ADMIN,
                as -> json(as, "/api/trends?indicator=below-smeb&area=LB42&population=syrian-refugees"));
        invariant("districts compared on a public indicator", Insider.ADMIN,
                as -> json(as, "/api/trends/compare?indicator=below-smeb&year=2021&level=district&population=syrian-refugees"));
        invariant("explanation of a public indicator's change in the district", Insider.ADMIN, View.WITHOUT_RANKED_LISTS, null,
                as -> json(as, "/api/trends/explain?indicator=below-smeb&area=LB42&population=syrian-refugees&from=2020&to=2021"));
        invariant("trends page of the district", Insider.ADMIN,
                as -> html(as, "/trends?indicator=below-smeb&area=LB42&year=2021&level=district&population=syrian-refugees"));
        invariant("explanation of a trend: evidence from the secrets' area", Insider.OWNER_MEMBER, View.WITHOUT_RANKED_LISTS, null,
                as -> json(as, "/api/trends/explain?indicator=below-smeb&area=LB4&from=2020&to=2021"));
        invariant("explanation page (HTML)", Insider.OWNER_MEMBER,
                as -> html(as, "/trends/explain?indicator=below-smeb&area=LB42&population=syrian-refugees&from=2020&to=2021"));
        probe("trend of the confidential table's indicator", "table", Insider.ADMIN,
                (as, v) -> json(as, "/api/trends?indicator=" + v.get("code") + "&area=LB42"));
        probe("trend by the indicator's label", "table", Insider.ADMIN,
                (as, v) -> json(as, "/api/trends?indicator=" + q(v.get("marker") + " eviction rate")));
        probe("comparison of areas for the confidential indicator", "table", Insider.ADMIN,
                (as, v) -> json(as, "/api/trends/compare?indicator=" + v.get("code") + "&year=2021&level=district"));
        probe("explanation of the confidential indicator", "table", Insider.ADMIN,
                (as, v) -> json(as, "/api/trends/explain?indicator=" + v.get("code") + "&area=LB42&from=2020&to=2021"));
        probe("trends page for the confidential indicator", "table", Insider.ADMIN,
                (as, v) -> html(as, "/trends?indicator=" + v.get("code")));
        probe("the confidential indicator as Linked Data", "table", Insider.ADMIN,
                (as, v) -> get(as, "/id/indicator/" + v.get("code"), "text/turtle"));
        probe("observations of the confidential table in SPARQL", "table", Insider.ADMIN,
                (as, v) -> sparql(as, "SELECT ?o ?v { ?o kh:indicator ?i . ?i ?p ?l FILTER(CONTAINS(STR(?l), \"" + v.get("marker")
                        + "\")) OPTIONAL { ?o ?q ?v } }"));
        probe("the confidential table's graph by name", "table", Insider.ADMIN,
                (as, v) -> sparql(as, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), \"" + v.get("title") + "\")) }"));

        // ---- named queries, run by the attacker at /sparql
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                String text = Files.readString(file);
                String name = file.getFileName().toString().replace(".rq", "");
                invariant("named query " + name, NAMED_QUERIES_UNTOUCHED.contains(name) ? Insider.NONE : Insider.ADMIN, as -> as.post("/sparql", "application/sparql-query",
                        text.getBytes(StandardCharsets.UTF_8), "Accept", "application/sparql-results+json"));
            }
        }

        // ---- SPARQL: every way to name, reach or count a graph
        probe("SPARQL GRAPH <g>", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT * { GRAPH <" + graph(v) + "> { ?s ?p ?o } }"));
        probe("SPARQL GRAPH ?g filtered to the graph", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } FILTER(?g = <" + graph(v) + ">) }"));
        probe("SPARQL FROM <g>", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT * FROM <" + graph(v) + "> { ?s ?p ?o }"));
        probe("SPARQL FROM NAMED <g>", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT * FROM NAMED <" + graph(v) + "> { GRAPH ?g { ?s ?p ?o } }"));
        probe("SPARQL default-graph-uri", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> as.get("/sparql?query=" + q("SELECT * { ?s ?p ?o }") + "&default-graph-uri=" + q(graph(v)),
                        "Accept", "application/sparql-results+json"));
        probe("SPARQL named-graph-uri", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> as.get("/sparql?query=" + q("SELECT * { GRAPH ?g { ?s ?p ?o } }") + "&named-graph-uri=" + q(graph(v)),
                        "Accept", "application/sparql-results+json"));
        probe("SPARQL ASK about the document", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "ASK { <" + doc(v) + "> ?p ?o }"));
        probe("SPARQL ASK the empty graph pattern", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> sparql(as, "ASK { GRAPH <" + graph(v) + "> { } }"));
        probe("SPARQL DESCRIBE", "confidential", Insider.OWNER_MEMBER, (as, v) -> graphQuery(as, "DESCRIBE <" + doc(v) + ">"));
        probe("SPARQL DESCRIBE of what mentions the marker", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> graphQuery(as, "DESCRIBE ?p { ?p kh:text ?t FILTER(CONTAINS(?t, \"" + v.get("marker") + "\")) }"));
        probe("SPARQL ASK by the original file's hash", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "ASK { ?d kh:contentHash \"" + v.get("hash") + "\" }"));
        probe("SPARQL DESCRIBE the graph's name", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> graphQuery(as, "DESCRIBE ?x { GRAPH <" + graph(v) + "> { ?x a kh:Document } }"));
        probe("SPARQL CONSTRUCT as JSON-LD", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> as.get("/sparql?query=" + q("CONSTRUCT WHERE { ?p <https://w3id.org/knowledge-hub/ns#inDocument> <" + doc(v)
                        + "> }"), "Accept", "application/ld+json"));
        probe("SPARQL kh:search for a prefix of the marker", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?p { ?p kh:search \"" + v.get("prefix") + "*\" }"));
        probe("SPARQL kh:search in the title field", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?p { ?p kh:search \"title:" + v.get("title") + "\" }"));
        probe("SPARQL CONSTRUCT from the graph", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> graphQuery(as, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graph(v) + "> { ?s ?p ?o } }"));
        probe("SPARQL CONSTRUCT WHERE as Turtle", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> as.get("/sparql?query=" + q("CONSTRUCT WHERE { <" + doc(v) + "> ?p ?o }"), "Accept", "text/turtle"));
        probe("SPARQL COUNT(*) of the graph", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT (COUNT(*) AS ?n) { GRAPH <" + graph(v) + "> { ?s ?p ?o } }"));
        probe("SPARQL kh:search for the marker", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT * { (?p ?score ?snippet) kh:search \"" + v.get("marker") + "\" }"));
        probe("SPARQL kh:search count with a limit", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> sparql(as, "SELECT (COUNT(?p) AS ?n) { ?p kh:search (\"" + v.get("marker") + "\" 10000) }"));
        probe("SPARQL kh:search inside GRAPH ?g", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?g ?p { GRAPH ?g { (?p) kh:search \"" + v.get("marker") + "\" } }"));
        probe("SPARQL VALUES with the graph IRI", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?g (COUNT(*) AS ?n) { VALUES ?g { <" + graph(v) + "> } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"));
        probe("SPARQL BIND of the graph IRI", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?s { BIND(<" + graph(v) + "> AS ?g) GRAPH ?g { ?s a kh:Meeting } }"));
        probe("SPARQL STRSTARTS over graph names", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT DISTINCT ?g { GRAPH ?g { } FILTER(STRSTARTS(STR(?g), \"" + BASE + "graph/document/"
                        + v.get("source") + "\")) }"));
        probe("SPARQL regex over graph names", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> sparql(as, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } FILTER(REGEX(STR(?g), \"" + v.get("source") + "\", \"i\")) }"));
        probe("SPARQL regex over every literal", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?s ?o { ?s ?p ?o FILTER(isLiteral(?o) && REGEX(STR(?o), \"" + v.get("marker") + "\")) }"));
        probe("SPARQL sub-select counting per graph", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT * { { SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g } "
                        + "FILTER(CONTAINS(STR(?g), \"" + v.get("source") + "\")) }"));
        probe("SPARQL OPTIONAL with BOUND", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?seen { OPTIONAL { GRAPH <" + graph(v) + "> { ?s ?p ?o } } BIND(BOUND(?s) AS ?seen) } LIMIT 1"));
        probe("SPARQL FILTER EXISTS", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "ASK { FILTER EXISTS { GRAPH <" + graph(v) + "> { ?s ?p ?o } } }"));
        probe("SPARQL FILTER NOT EXISTS in a count", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT (COUNT(*) AS ?n) { ?d a kh:Document FILTER NOT EXISTS { ?d kh:sensitivity kh:Public } "
                        + "FILTER(CONTAINS(STR(?d), \"" + v.get("source") + "\")) }"));
        probe("SPARQL property path with a negated property set", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT DISTINCT ?x { <" + doc(v) + "> (!<urn:nothing>)+ ?x }"));
        probe("SPARQL inverse property path to the passages' text", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> sparql(as, "SELECT ?t { <" + doc(v) + "> ^kh:inDocument/kh:text ?t }"));
        probe("SPARQL Jena's union graph", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?s { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + v.get("marker")
                        + "\")) } }"));
        probe("SPARQL FROM Jena's union graph", "organisation", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?s FROM <urn:x-arq:UnionGraph> { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + v.get("marker")
                        + "\")) }"));
        probe("SPARQL Jena's default graph by name", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "SELECT ?s { GRAPH <urn:x-arq:DefaultGraph> { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + v.get("marker")
                        + "\")) } }"));
        probe("SPARQL relative graph IRI", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "ASK { GRAPH <graph/document/" + v.get("id") + "> { ?s ?p ?o } }"));
        probe("SPARQL by POST form", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> as.postForm("/sparql", Map.of("query", "ASK { GRAPH <" + graph(v) + "> { ?s ?p ?o } }"),
                        "Accept", "application/sparql-results+json"));
        probe("SPARQL by POST body, as CSV", "confidential", Insider.OWNER_MEMBER,
                (as, v) -> as.post("/sparql", "application/sparql-query",
                        (PREFIXES + "SELECT ?p ?snippet { (?p ?s ?snippet) kh:search \"" + v.get("marker") + "\" }").getBytes(StandardCharsets.UTF_8),
                        "Accept", "text/csv"));
        probe("SPARQL as XML results", "sector", Insider.SECTOR_COORDINATOR,
                (as, v) -> as.get("/sparql?query=" + q(PREFIXES + "SELECT ?t { ?p kh:inDocument <" + doc(v) + "> ; kh:text ?t }"),
                        "Accept", "application/sparql-results+xml"));
        probe("SPARQL SERVICE to the hub itself", "confidential", Insider.NONE,
                (as, v) -> sparql(as, "SELECT * { SERVICE <http://127.0.0.1:" + port + "/sparql> { GRAPH <" + graph(v) + "> { ?s ?p ?o } } }"));
        probe("SPARQL SERVICE SILENT with a variable endpoint", "confidential", Insider.NONE,
                (as, v) -> sparql(as, "SELECT * { BIND(<http://127.0.0.1:" + port + "/sparql> AS ?e) SERVICE SILENT ?e { GRAPH <"
                        + graph(v) + "> { ?s ?p ?o } } }"));
        invariant("SPARQL COUNT(*) of every quad", Insider.OWNER_MEMBER, as -> sparql(as, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
        invariant("SPARQL COUNT(DISTINCT ?g)", Insider.OWNER_MEMBER,
                as -> sparql(as, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { } }"));
        invariant("SPARQL documents per sensitivity level", Insider.OWNER_MEMBER,
                as -> sparql(as, "SELECT ?level (COUNT(?d) AS ?n) { ?d kh:sensitivity ?level } GROUP BY ?level ORDER BY ?level"));
        invariant("SPARQL aggregates over documents (SUM, MAX, GROUP_CONCAT)", Insider.OWNER_MEMBER,
                as -> sparql(as, "SELECT (SUM(?b) AS ?bytes) (MAX(?date) AS ?last) (GROUP_CONCAT(?t; separator=\"|\") AS ?titles) "
                        + "{ ?d a kh:Document ; kh:byteSize ?b ; dcterms:title ?t OPTIONAL { ?d dcterms:date ?date } }"));
        invariant("SPARQL default graph triple count", Insider.OWNER_MEMBER, as -> sparql(as, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
        invariant("SPARQL passages that mention the secrets' district", Insider.OWNER_MEMBER,
                as -> sparql(as, "SELECT (COUNT(?p) AS ?n) { ?p kh:mentions <" + BASE + "id/area/LB42> }"));
        invariant("SPARQL kh:search count of a common word", Insider.OWNER_MEMBER,
                as -> sparql(as, "SELECT (COUNT(?p) AS ?n) (SUM(?s) AS ?scores) { (?p ?s) kh:search (\"Hasbaya\" 10000) }"));
    }

    /** Named queries about what the secrets do not touch (an ontology indicator's values, organisations new to the hub). */
    private static final Set<String> NAMED_QUERIES_UNTOUCHED = Set.of("indicator-series-by-governorate",
            "largest-changes-between-rounds", "unreviewed-organisations");

    private void observationAttacks() {
        probe("read the observation by its id", "observation", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/observations/" + v.get("id")));
        probe("the observation's Linked Data description", "observation", Insider.OWNER_MEMBER,
                (as, v) -> get(as, "/id/document/" + v.get("id"), "text/turtle"));
        probe("the observation's page", "observation", Insider.OWNER_MEMBER,
                (as, v) -> html(as, "/id/document/" + v.get("id")));
        probe("search observations for the marker", "observation", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?type=observation&q=" + v.get("marker")));
        probe("search the observation's title", "observation", Insider.OWNER_MEMBER,
                (as, v) -> json(as, "/api/search?q=" + q("title:" + v.get("title"))));
        probe("SPARQL: the observation's graph", "observation", Insider.OWNER_MEMBER,
                (as, v) -> sparql(as, "ASK { GRAPH <" + graph(v) + "> { ?s ?p ?o } }"));
        probe("SPARQL: the observation's review graph", "observation", Insider.NONE,
                (as, v) -> sparql(as, "ASK { GRAPH <" + graph(v) + "/review> { ?s ?p ?o } }"));
        invariant("list the observations of the secrets' district", Insider.OWNER_MEMBER,
                as -> json(as, "/api/observations?area=LB42&limit=1000"));
        invariant("list the owner's observations", Insider.OWNER_MEMBER,
                as -> json(as, "/api/observations?limit=1000&organisation=" + q(OWNER)));
        invariant("list protection observations", Insider.OWNER_MEMBER,
                as -> json(as, "/api/observations?sector=protection&limit=1000"));
        invariant("count field observations in SPARQL", Insider.OWNER_MEMBER,
                as -> sparql(as, "SELECT (COUNT(?o) AS ?n) { ?o a kh:FieldObservation }"));
        invariant("the district's page lists its observations", Insider.OWNER_MEMBER,
                as -> json(as, "/api/areas/LB42"));
    }

    private static Insider insiderOf(String secret) {
        return secret.equals("sector") ? Insider.SECTOR_COORDINATOR : secret.equals("table") ? Insider.ADMIN : Insider.OWNER_MEMBER;
    }

    // ---------------------------------------------------------------- running them

    @Test
    @Order(1)
    void insidersSeeTheSecrets() {
        Secret conf = secrets.get("confidential");
        Secret org = secrets.get("organisation");
        Secret sector = secrets.get("sector");
        assertThat(ownerMember.http().get("/api/documents/" + conf.get("id") + "/text").text()).contains(conf.get("marker"));
        assertThat(ownerMember.http().get("/api/search?q=" + conf.get("marker")).json().get("total").asInt()).isPositive();
        assertThat(ownerMember.http().get("/api/documents/" + org.get("id")).status()).isEqualTo(200);
        assertThat(ownerMember.http().get("/id/document/" + org.get("id") + "/meeting", "Accept", "text/turtle").status()).isEqualTo(200);
        assertThat(sectorCoordinator.http().get("/api/search?q=" + sector.get("marker")).json().get("total").asInt()).isPositive();
        assertThat(sectorCoordinator.http().get("/api/documents/" + conf.get("id")).status()).isEqualTo(404);
        assertThat(admin().get("/api/trends?indicator=" + secrets.get("table").get("code") + "&area=LB42").status()).isEqualTo(200);
        JsonNode observation = ownerMember.http().get("/api/observations/" + secrets.get("observation").get("id")).json();
        assertThat(observation.get("status").asString()).as("the observation stands, unreviewed").isEqualTo("submitted");
        assertThat(observation.get("text").asString()).contains(secrets.get("observation").get("marker"));
        JsonNode question = ownerCoordinator.http().get("/api/questions/" + questionId).json();
        assertThat(question.toString()).as("the accepted confidential answer").contains(conf.get("id"));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> readAttacks() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Probe p : probes) {
            List<DynamicNode> cases = new ArrayList<>();
            for (Who who : attackers) {
                cases.add(DynamicTest.dynamicTest(who + ": " + p.name(), () -> assertProbeFails(p, who)));
            }
            Who insider = insider(p.insider());
            if (insider != null) {
                cases.add(DynamicTest.dynamicTest("control, " + insider + " can tell: " + p.name(), () -> assertInsiderTells(p, insider)));
            }
            nodes.add(DynamicContainer.dynamicContainer(p.name() + " (" + p.secret() + ")", cases));
        }
        for (Invariant inv : invariants) {
            List<DynamicNode> cases = new ArrayList<>();
            for (Who who : attackers) {
                cases.add(DynamicTest.dynamicTest(who + ": " + inv.name(), () -> assertUnchanged(inv, who)));
            }
            Who insider = insider(inv.insider());
            if (insider != null) {
                cases.add(DynamicTest.dynamicTest("control, " + insider + " sees a change: " + inv.name(),
                        () -> assertThat(normalised(inv.send().apply(insider.http()), List.of()))
                                .as(inv.name() + ": the insider's answer changed").isNotEqualTo(normalised(before.get(key(inv.name(), "insider")), List.of()))));
            }
            nodes.add(DynamicContainer.dynamicContainer(inv.name(), cases));
        }
        return nodes.stream();
    }

    /** Attacks that try to change or replace the secrets, or learn of them from what an upload answers. */
    @TestFactory
    @Order(3)
    Stream<DynamicNode> writeAttacks() {
        List<Probe> writes = new ArrayList<>();
        writes.add(new Probe("delete the document by its id", "confidential", Insider.NONE, true,
                (as, v) -> as.delete("/api/documents/" + v.get("id"))));
        writes.add(new Probe("SPARQL Update: DROP GRAPH", "confidential", Insider.NONE, true,
                (as, v) -> as.post("/update", "application/sparql-update", ("DROP GRAPH <" + graph(v) + ">").getBytes(StandardCharsets.UTF_8))));
        writes.add(new Probe("SPARQL Update: INSERT DATA into the graph, as a form", "organisation", Insider.NONE, true,
                (as, v) -> as.postForm("/update", Map.of("update", "INSERT DATA { GRAPH <" + graph(v) + "> { <" + doc(v)
                        + "> <http://purl.org/dc/terms/title> \"defaced\" } }"))));
        writes.add(new Probe("SPARQL Update: DELETE WHERE in the graph", "sector", Insider.NONE, true,
                (as, v) -> as.post("/update", "application/sparql-update", ("DELETE WHERE { GRAPH <" + graph(v) + "> { ?s ?p ?o } }")
                        .getBytes(StandardCharsets.UTF_8))));
        writes.add(new Probe("SPARQL Update: CLEAR ALL, naming the graph in a comment", "confidential", Insider.NONE, true,
                (as, v) -> as.post("/update", "application/sparql-update", ("# " + graph(v) + "\nCLEAR ALL").getBytes(StandardCharsets.UTF_8))));
        writes.add(new Probe("SPARQL Update: LOAD into the graph", "confidential", Insider.NONE, true,
                (as, v) -> as.post("/update", "application/sparql-update", ("LOAD <" + BASE + "sparql> INTO GRAPH <" + graph(v) + ">")
                        .getBytes(StandardCharsets.UTF_8))));
        writes.add(new Probe("SPARQL Update sent to the query endpoint as a form", "confidential", Insider.NONE, true,
                (as, v) -> as.postForm("/sparql", Map.of("update", "DROP GRAPH <" + graph(v) + ">"))));
        writes.add(new Probe("SPARQL Update sent to the query endpoint as a body", "confidential", Insider.NONE, true,
                (as, v) -> as.post("/sparql", "application/sparql-update", ("DROP GRAPH <" + graph(v) + ">").getBytes(StandardCharsets.UTF_8))));
        writes.add(new Probe("import an indicator table over the confidential one", "table", Insider.NONE, true,
                (as, v) -> as.upload("/api/indicators/import", v.get("source") + ".csv",
                        "indicator,area,year,value,unit\nbelow-smeb,LB42,2021,1,%\n".getBytes(StandardCharsets.UTF_8),
                        Map.of("format", "long", "source", "Survey " + v.get("title")))));
        writes.add(new Probe("mark the observation disputed", "observation", Insider.NONE, true,
                (as, v) -> as.json("POST", "/api/observations/" + v.get("id") + "/reviews", "{\"verdict\": \"disputed\"}")));
        writes.add(new Probe("withdraw the observation", "observation", Insider.NONE, true,
                (as, v) -> as.delete("/api/observations/" + v.get("id"))));
        writes.add(new Probe("review the confidential passage as an answer", "confidential", Insider.NONE, true,
                (as, v) -> as.json("POST", "/api/questions/" + questionId + "/reviews",
                        "{\"passage\": \"" + doc(v) + "/passage/1\", \"verdict\": \"reject\"}")));
        List<DynamicNode> nodes = new ArrayList<>();
        for (Probe p : writes) {
            nodes.add(DynamicContainer.dynamicContainer(p.name() + " (" + p.secret() + ")", attackers.stream()
                    .map(who -> (DynamicNode) DynamicTest.dynamicTest(who + ": " + p.name(), () -> assertProbeFails(p, who)))));
        }
        for (Who who : attackers) {
            nodes.add(DynamicTest.dynamicTest(who + ": upload the confidential document's bytes again", () -> uploadTheSameBytes(who)));
            nodes.add(DynamicTest.dynamicTest(who + ": upload under the confidential document's source name", () -> uploadUnderItsSource(who)));
        }
        nodes.add(DynamicTest.dynamicTest("the secrets are intact after the attacks", this::secretsAreIntact));
        return nodes.stream();
    }

    private boolean mayUpload(Who who) {
        return who == contributorB || who == unrelatedCoordinator;
    }

    /**
     * The same bytes as a document the uploader cannot read: the answer must not be that document
     * (its id would tell that it exists, and who holds it); the uploader gets a document of its own,
     * as for bytes no one sent before.
     */
    private void uploadTheSameBytes(Who who) {
        Secret conf = secrets.get("confidential");
        byte[] bytes = ownerMember.http().get("/api/documents/" + conf.get("id") + "/original").bytes();
        Http.Response same = who.http().upload("/api/documents", "copy-" + conf.get("source") + ".md", bytes, Map.of("type", "field-note"));
        Http.Response fresh = who.http().upload("/api/documents", "copy-" + conf.decoy().get("source") + ".md",
                confidentialNote(Map.of("marker", conf.decoy().get("marker"))).getBytes(StandardCharsets.UTF_8), Map.of("type", "field-note"));
        assertNoLeak("upload of the same bytes", normalised(same, List.of(conf.values(), conf.decoy())), same);
        assertThat(same.status()).as(same.toString()).isEqualTo(fresh.status());
        if (!mayUpload(who)) {
            assertThat(same.status()).as(same.toString()).isIn(401, 403);
            return;
        }
        String copy = same.json().get("id").asString();
        try {
            assertThat(same.status()).as(same.toString()).isEqualTo(201);
            assertThat(same.json().get("status").asString()).isEqualTo("created");
            assertThat(copy).isNotEqualTo(conf.get("id"));
            for (String field : List.of("status", "type", "sections", "passages")) {
                assertThat(same.json().get(field)).as(field).isEqualTo(fresh.json().get(field));
            }
            JsonNode mine = who.http().get("/api/documents/" + copy).json();
            assertThat(mine.get("organisations").toString()).as("the uploader's organisation owns its copy").doesNotContain("Women");
            assertThat(mine.get("sensitivity").asString()).isEqualTo("public");
            assertThat(who.http().get("/api/documents/" + conf.get("id")).status()).isEqualTo(404);
        } finally {
            if (!copy.equals(conf.get("id"))) {
                assertThat(admin().delete("/api/documents/" + copy).status()).isEqualTo(204);
            }
            admin().delete("/api/documents/" + fresh.json().get("id").asString());
        }
        // The copy shared the original file with the secret: deleting the copy must leave the secret's.
        Http.Response original = ownerMember.http().get("/api/documents/" + conf.get("id") + "/original");
        assertThat(original.status()).as(original.toString()).isEqualTo(200);
        assertThat(original.bytes()).isEqualTo(bytes);
    }

    /** A member's sources live under their organisation: naming the owner's source makes a new document. */
    private void uploadUnderItsSource(Who who) {
        Secret conf = secrets.get("confidential");
        for (String source : List.of(OWNER_SOURCES + conf.get("source") + "-note.md", conf.get("source") + "-note.md",
                "../" + OWNER_SOURCES + conf.get("source") + "-note.md")) {
            Http.Response r = who.http().upload("/api/documents", "note.md",
                    ("# Replaced\n\nNothing to see here, says the " + who + ".\n").getBytes(StandardCharsets.UTF_8), Map.of("source", source));
            if (!mayUpload(who)) {
                assertNoLeak("upload under the source name", normalised(r, List.of()), r);
                assertThat(r.status()).as(r.toString()).isIn(401, 403);
                continue;
            }
            String id = r.json().get("id").asString();
            try {
                // The uploader named the source, so its own document's id carries the word; nothing else may.
                assertNoLeak("upload under the source name", normalised(r, List.of(Map.of("source", conf.get("source")))), r);
                assertThat(r.status()).as(source + ": " + r).isEqualTo(201);
                assertThat(id).isNotEqualTo(conf.get("id"));
                assertThat(who.http().get("/api/documents/" + id).json().get("sourceName").asString())
                        .doesNotStartWith(OWNER_SOURCES);
            } finally {
                assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204);
            }
        }
    }

    private void secretsAreIntact() {
        Secret conf = secrets.get("confidential");
        assertThat(ownerMember.http().get("/api/documents/" + conf.get("id") + "/text").text()).contains(conf.get("marker"));
        assertThat(ownerMember.http().get("/api/documents/" + conf.get("id")).json().get("title").asString()).contains(conf.get("title"));
        for (String s : List.of("organisation", "sector")) {
            Http.Response r = ownerMember.http().get("/api/documents/" + secrets.get(s).get("id") + "/text");
            assertThat(r.text()).as(s).contains(secrets.get(s).get("marker"));
        }
        assertThat(admin().get("/api/trends?indicator=" + secrets.get("table").get("code") + "&area=LB42").json().toString())
                .contains("19");
        JsonNode observation = ownerMember.http().get("/api/observations/" + secrets.get("observation").get("id")).json();
        assertThat(observation.get("status").asString()).as("the observation stands, unreviewed").isEqualTo("submitted");
        assertThat(observation.get("text").asString()).contains(secrets.get("observation").get("marker"));
        JsonNode question = ownerCoordinator.http().get("/api/questions/" + questionId).json();
        assertThat(question.toString()).as("the owner's accepted answer stands").contains("\"preferred\"").contains(conf.get("id"));
    }

    /**
     * Scores: a passage of the attacker's own that holds the confidential marker and a fresh word,
     * once each, must score the same for either word. Were the marker's document frequency counted
     * over the whole index, the confidential document would lower its score, and tell that it exists.
     */
    @TestFactory
    @Order(4)
    Stream<DynamicNode> scoresCountOnlyWhatTheCallerMaySee() {
        Secret conf = secrets.get("confidential");
        String fresh = word();
        Http.Response probe = contributorMember.http().upload("/api/documents", "score-probe-" + fresh + ".md",
                ("# Score probe\n\nThe " + conf.get("marker") + " and " + fresh + " volunteers met in Hasbaya.\n").getBytes(StandardCharsets.UTF_8),
                Map.of("type", "field-note"));
        assertThat(probe.status()).as(probe.toString()).isEqualTo(201);
        String id = probe.json().get("id").asString();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Who who : attackers) {
            nodes.add(DynamicTest.dynamicTest(who + ": search scores of the marker and a fresh word", () -> {
                JsonNode secret = who.http().get("/api/search?q=" + conf.get("marker")).json();
                JsonNode other = who.http().get("/api/search?q=" + fresh).json();
                assertThat(secret.get("total").asInt()).as("only the attacker's own passage").isEqualTo(1);
                assertThat(secret.get("results").get(0).get("score").asDouble())
                        .isEqualTo(other.get("results").get(0).get("score").asDouble());
            }));
            nodes.add(DynamicTest.dynamicTest(who + ": kh:search scores of the marker and a fresh word", () -> {
                String a = sparql(who.http(), "SELECT ?s { (?p ?s) kh:search \"" + conf.get("marker") + "\" }").json()
                        .get("results").get("bindings").toString();
                String b = sparql(who.http(), "SELECT ?s { (?p ?s) kh:search \"" + fresh + "\" }").json()
                        .get("results").get("bindings").toString();
                assertThat(a).isEqualTo(b).contains("value");
            }));
        }
        nodes.add(DynamicTest.dynamicTest("control, the owner's member, who reads both documents, scores them apart", () -> {
            JsonNode secret = ownerMember.http().get("/api/search?q=" + conf.get("marker")).json();
            JsonNode other = ownerMember.http().get("/api/search?q=" + fresh).json();
            assertThat(secret.get("total").asInt()).isGreaterThan(1);
            double probeScore = 0;
            for (JsonNode r : secret.get("results")) {
                if (r.get("document").get("id").asString().equals(id)) {
                    probeScore = r.get("score").asDouble();
                }
            }
            assertThat(probeScore).isPositive().isLessThan(other.get("results").get(0).get("score").asDouble());
        }));
        nodes.add(DynamicTest.dynamicTest("the probe is removed", () ->
                assertThat(admin().delete("/api/documents/" + id).status()).isEqualTo(204)));
        return nodes.stream();
    }

    private void assertProbeFails(Probe p, Who who) {
        Secret s = secrets.get(p.secret());
        Http.Response secret = p.send().apply(who.http(), s.values());
        Http.Response decoy = p.send().apply(who.http(), s.decoy());
        String a = normalised(secret, List.of(s.values(), s.decoy()));
        String b = normalised(decoy, List.of(s.values(), s.decoy()));
        assertNoLeak(p.name(), a, secret);
        assertThat(secret.status()).as(p.name() + ": the status names no secret: " + secret).isEqualTo(decoy.status());
        assertThat(secret.contentType()).as(p.name()).isEqualTo(decoy.contentType());
        assertThat(a).as(p.name() + ": the answer is the answer to a decoy that names nothing").isEqualTo(b);
        if (p.refusal()) {
            assertThat(secret.status()).as(secret.toString()).isBetween(400, 499);
        }
    }

    private void assertInsiderTells(Probe p, Who insider) {
        Secret s = secrets.get(p.secret());
        String a = normalised(p.send().apply(insider.http(), s.values()), List.of(s.values(), s.decoy()));
        String b = normalised(p.send().apply(insider.http(), s.decoy()), List.of(s.values(), s.decoy()));
        assertThat(a).as(p.name() + ": an insider's answer about the secret differs from the decoy's").isNotEqualTo(b);
    }

    private void assertUnchanged(Invariant inv, Who who) {
        Http.Response after = inv.send().apply(who.http());
        Http.Response earlier = before.get(key(inv.name(), who.name()));
        Map<String, String> echo = inv.echo() == null ? Map.of() : Map.of("echo", inv.echo());
        String a = normalised(after, List.of(echo));
        assertNoLeak(inv.name(), a, after);
        assertThat(after.status()).as(inv.name() + ": " + after).isEqualTo(earlier.status());
        assertThat(view(inv.view(), a)).as(inv.name() + ": the answer is the one given before the secrets existed")
                .isEqualTo(view(inv.view(), normalised(earlier, List.of(echo))));
        if (inv.view() == View.WITHOUT_RANKED_LISTS) {
            assertThat(documentIds(a)).as(inv.name() + ": documents the caller could list before")
                    .isSubsetOf(documentIds(before.get(key("the document list", who.name())).text()));
        }
    }

    private static final Pattern DOCUMENT_ID = Pattern.compile("id/document/([a-z0-9][a-z0-9-]*-[0-9a-f]{8})");

    private static Set<String> documentIds(String body) {
        Set<String> ids = new TreeSet<>();
        Matcher m = DOCUMENT_ID.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String view(View view, String body) {
        if (view == View.EXACT) {
            return body;
        }
        JsonNode tree = JSON.readTree(body);
        reshape(tree, view);
        return tree.toString();
    }

    /** Sorts the results of a page of search results, or drops every ranked list (answers, results, passages, conflicts). */
    private static void reshape(JsonNode node, View view) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode child = object.get(name);
                boolean ranked = child.isArray() && Set.of("answers", "results", "passages", "conflicts").contains(name);
                if (ranked && view == View.WITHOUT_RANKED_LISTS) {
                    object.remove(name);
                } else if (ranked && name.equals("results") && child instanceof ArrayNode array) {
                    List<JsonNode> items = new ArrayList<>();
                    array.forEach(items::add);
                    items.sort(Comparator.comparing(JsonNode::toString));
                    array.removeAll();
                    items.forEach(array::add);
                } else {
                    reshape(child, view);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> reshape(child, view));
        }
    }

    private void assertNoLeak(String attack, String normalisedBody, Http.Response r) {
        for (String word : leakWords) {
            assertThat(normalisedBody).as(attack + ": a secret (" + word + ") in " + r.status() + " " + r.contentType()).doesNotContain(word);
        }
    }

    private static final Pattern CSRF = Pattern.compile("(name=\"_csrf\"\\s+value=\")[^\"]*\"");

    /** The body with the tokens a request named replaced by placeholders, and the CSRF token of a page dropped. */
    private static String normalised(Http.Response r, List<Map<String, String>> tokens) {
        String body = r.text();
        for (Map<String, String> t : tokens) {
            for (Map.Entry<String, String> e : t.entrySet()) {
                body = body.replace(e.getValue(), "{" + e.getKey() + "}");
            }
        }
        return CSRF.matcher(body).replaceAll("$1\"");
    }
}
