package org.knowledgehub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.knowledgehub.HubProperties;
import org.springframework.stereotype.Component;

/**
 * The IRI layout of the hub, in one place: everything a document produces lives under
 * {@code {base}id/document/{id}}, and its triples in the named graph {@code {base}graph/document/{id}}
 * (the unmasked text of its personal data in {@code {base}graph/document/{id}/personal}).
 */
@Component
public class Uris {

    private final String base;

    public Uris(HubProperties hub) {
        this.base = hub.base();
    }

    public String base() {
        return base;
    }

    public String document(String id) {
        return base + "id/document/" + id;
    }

    public Node documentGraph(String id) {
        return NodeFactory.createURI(base + "graph/document/" + id);
    }

    /**
     * The unmasked personal data of a document: readable only by its owning organisation's
     * members and admins, whatever the document's level. Not a document graph.
     */
    public Node personalGraph(String id) {
        return NodeFactory.createURI(base + "graph/document/" + id + "/personal");
    }

    public String section(String id, int n) {
        return document(id) + "/section/" + n;
    }

    public String passage(String id, int n) {
        return document(id) + "/passage/" + n;
    }

    public String meeting(String id) {
        return document(id) + "/meeting";
    }

    public String agendaItem(String id, String number) {
        return document(id) + "/agenda/" + number;
    }

    public String actionPoint(String id, int n) {
        return document(id) + "/action/" + n;
    }

    public String person(String id, String name) {
        return document(id) + "/person/" + slug(name);
    }

    public String workingGroup(String id, String name) {
        return document(id) + "/group/" + slug(name);
    }

    public String mention(String id, int n) {
        return document(id) + "/mention/" + n;
    }

    /** A program that produced annotations: "corenlp", "gazetteer", "patterns". */
    public String agent(String name) {
        return base + "id/agent/" + slug(name);
    }

    public String ingestion(String id, String stamp) {
        return document(id) + "/ingestion/" + stamp;
    }

    /** An organisation the hub learnt of from a document; the same name gives the same IRI. */
    /**
     * An organisation's IRI from its name. A name without Latin letters or digits (an Arabic name)
     * gets a digest of the name, so that two such organisations are not one.
     */
    public String organisation(String name) {
        String slug = latinSlug(name);
        return base + "id/organisation/" + (slug.isEmpty() ? "x-" + HexFormat.of().formatHex(sha256(name.strip()
                .toLowerCase(Locale.ROOT))).substring(0, 12) : slug);
    }

    public String softwareAgent() {
        return base + "id/agent/knowledge-hub";
    }

    public String original(String id) {
        return base + "api/documents/" + id + "/original";
    }

    public String question(String id) {
        return base + "id/question/" + id;
    }

    /** The question itself: public, like the question's existence. */
    public Node questionGraph(String id) {
        return NodeFactory.createURI(base + "graph/question/" + id);
    }

    /** What a question says about one document's passages: readable as that document is. */
    public Node questionSourceGraph(String questionId, String documentId) {
        return NodeFactory.createURI(base + "graph/question/" + questionId + "/source/" + documentId);
    }

    /** Whether {@code graph} holds what some question says about the passages of {@code documentId}. */
    public boolean isQuestionSourceGraphOf(Node graph, String documentId) {
        String name = graph.getURI();
        return name.startsWith(base + "graph/question/") && name.endsWith("/source/" + documentId);
    }

    /** The id of a question from its IRI or graph name. */
    public Optional<String> questionIdOf(String iri) {
        return afterPrefix(iri, base + "id/question/").or(() -> afterPrefix(iri, base + "graph/question/"));
    }

    /** Reviews of a field observation: readable as the observation is, and gone with it. */
    public Node reviewGraph(String documentId) {
        return NodeFactory.createURI(base + "graph/document/" + documentId + "/review");
    }

    public String review(String documentId, String reviewId) {
        return document(documentId) + "/review/" + reviewId;
    }

    /** The document graph whose access a question's source graph or an observation's review graph follows. */
    public Optional<Node> governingDocumentGraph(Node graph) {
        if (!graph.isURI()) {
            return Optional.empty();
        }
        String uri = graph.getURI();
        String questions = base + "graph/question/";
        if (uri.startsWith(questions)) {
            String[] parts = uri.substring(questions.length()).split("/");
            return parts.length == 3 && parts[1].equals("source") ? Optional.of(documentGraph(parts[2])) : Optional.empty();
        }
        String documents = base + "graph/document/";
        if (uri.startsWith(documents) && uri.endsWith("/review")) {
            String id = uri.substring(documents.length(), uri.length() - "/review".length());
            return id.contains("/") ? Optional.empty() : Optional.of(documentGraph(id));
        }
        return Optional.empty();
    }

    /** An imported indicator table: {@code source} and {@code table} are slugs. */
    public Node indicatorGraph(String source, String table) {
        return NodeFactory.createURI(base + "graph/indicators/" + source + "/" + table);
    }

    /** The dataset of an imported indicator table; its observations and import live below it. */
    public String dataset(String source, String table) {
        return base + "id/dataset/" + source + "/" + table;
    }

    /** The graph of an imported table, from its dataset's IRI. */
    public Optional<String> indicatorGraphOfDataset(String datasetIri) {
        String prefix = base + "id/dataset/";
        return datasetIri != null && datasetIri.startsWith(prefix)
                ? Optional.of(base + "graph/indicators/" + datasetIri.substring(prefix.length())) : Optional.empty();
    }

    public boolean isIndicatorGraph(Node graph) {
        return graph.isURI() && graph.getURI().startsWith(base + "graph/indicators/");
    }

    /** An indicator concept, of the ontology or created by an import. */
    public String indicator(String code) {
        return base + "id/indicator/" + code;
    }

    /** Where reviewers' verdicts on proposed organisations are kept: those accepted, the names rejected. */
    public Node organisationReviewsGraph() {
        return NodeFactory.createURI(base + "graph/organisation-reviews");
    }

    public Node ontologyGraph() {
        return NodeFactory.createURI(base + "graph/ontology");
    }

    /**
     * A graph of the hub's own records kept in a remote store (accounts, the audit trail, the log of
     * changes replicas follow): never in the access catalog, so no caller, not even an admin, reads
     * or writes it through SPARQL, the Graph Store Protocol or a page.
     */
    public Node systemGraph(String name) {
        return NodeFactory.createURI(base + "graph/system/" + name);
    }

    public boolean isSystemGraph(Node graph) {
        return graph.isURI() && graph.getURI().startsWith(base + "graph/system/");
    }

    /**
     * The document id of a document graph's name, if it is one: {@code graph/document/{id}} exactly,
     * not a graph below it (its personal graph).
     */
    public Optional<String> documentIdOfGraph(Node graph) {
        String prefix = base + "graph/document/";
        if (!graph.isURI() || !graph.getURI().startsWith(prefix)) {
            return Optional.empty();
        }
        String id = graph.getURI().substring(prefix.length());
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
    }

    /** The document id of a personal graph's name, if it is one. */
    public Optional<String> documentIdOfPersonalGraph(Node graph) {
        String prefix = base + "graph/document/";
        String suffix = "/personal";
        if (!graph.isURI() || !graph.getURI().startsWith(prefix) || !graph.getURI().endsWith(suffix)) {
            return Optional.empty();
        }
        String id = graph.getURI().substring(prefix.length(), graph.getURI().length() - suffix.length());
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
    }

    /** The document id of any IRI minted for a document or its parts. */
    public Optional<String> documentIdOf(String iri) {
        return afterPrefix(iri, base + "id/document/");
    }

    private static Optional<String> afterPrefix(String iri, String prefix) {
        if (!iri.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = iri.substring(prefix.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** Lower-case ASCII words joined by hyphens: "Zahlé – WASH Sector" gives "zahle-wash-sector". */
    public static String slug(String text) {
        String slug = latinSlug(text);
        return slug.isEmpty() ? "x" : slug;
    }

    private static String latinSlug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
