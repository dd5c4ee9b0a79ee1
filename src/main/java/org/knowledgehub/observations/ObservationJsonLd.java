package org.knowledgehub.observations;

import java.util.List;
import java.util.Optional;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.jsonld.TitaniumJsonLdOptions;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.Problems;
import org.knowledgehub.ontology.Dpv;
import org.knowledgehub.ontology.KH;

/**
 * Reads an observation sent as JSON-LD: one node of type {@code kh:FieldObservation} described
 * with the properties of the observation shapes (kh:extractedText, kh:observedFrom, kh:aboutArea,
 * kh:aboutSector, kh:method, dcterms:publisher, kh:sensitivity, kh:consent with its DPV terms...).
 * IRIs may be the hub's own or codes; the same validation as for plain JSON follows.
 */
final class ObservationJsonLd {

    /**
     * JSON-LD may name remote contexts; a submission must not make the server fetch URLs (the same
     * rule as LOAD in SPARQL Update), so every remote document is refused: contexts come inline.
     */
    private static final Context NO_REMOTE_DOCUMENTS = noRemoteDocuments();

    private ObservationJsonLd() {
    }

    private static Context noRemoteDocuments() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, o) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "remote documents are not fetched (" + url + "); give the @context inline");
        });
        return Context.create().set(TitaniumJsonLdOptions.JSONLD_OPTIONS, options);
    }

    static ObservationSubmission read(String body, String base) {
        Model m = ModelFactory.createDefaultModel();
        try {
            RDFParser.fromString(body, Lang.JSONLD).base(base).context(NO_REMOTE_DOCUMENTS).parse(m);
        } catch (RiotException e) {
            throw Problems.invalid("body", "not valid JSON-LD: " + e.getMessage());
        }
        List<Resource> nodes = m.listSubjectsWithProperty(RDF.type, KH.FieldObservation).toList();
        if (nodes.size() != 1) {
            throw Problems.invalid("@type", "the JSON-LD must describe exactly one node of type "
                    + KH.FieldObservation.getURI() + "; found " + nodes.size());
        }
        Resource o = nodes.getFirst();
        Resource consent = o.getPropertyResourceValue(KH.consent);
        return new ObservationSubmission(value(o, KH.extractedText), value(o, DCTerms.title), value(o, KH.observedFrom),
                value(o, KH.observedTo), value(o, KH.aboutArea), value(o, KH.locality), values(o, KH.aboutSector),
                value(o, KH.aboutPopulation), value(o, KH.method), value(o, DCTerms.publisher),
                Optional.ofNullable(value(o, KH.sensitivity)).map(s -> s.substring(s.lastIndexOf('#') + 1)).orElse(null),
                values(o, KH.sharedWith), values(o, KH.sharedWithSector), consent == null ? null : consent(consent),
                value(o, KH.answers));
    }

    private static ObservationSubmission.Consent consent(Resource c) {
        String status = value(c, Dpv.hasConsentStatus);
        String informed = status == null ? null : switch (status.substring(status.lastIndexOf('#') + 1)) {
            case "ConsentGiven" -> "true";
            case "ConsentRefused" -> "false";
            case "ConsentUnknown" -> "unknown";
            default -> status;
        };
        Resource purposeNode = c.getPropertyResourceValue(Dpv.hasPurpose);
        String purpose = purposeNode != null ? value(purposeNode, DCTerms.description) : value(c, Dpv.hasPurpose);
        return new ObservationSubmission.Consent(bool(c, KH.collectedFromPeople), informed, purpose,
                bool(c, KH.containsPersonalData));
    }

    private static Boolean bool(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null || !st.getObject().isLiteral() ? null : Boolean.valueOf(st.getObject().asLiteral().getLexicalForm());
    }

    private static List<String> values(Resource r, Property p) {
        return r.listProperties(p).mapWith(st -> text(st.getObject())).toList();
    }

    private static String value(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st == null ? null : text(st.getObject());
    }

    private static String text(RDFNode n) {
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : null;
    }
}
