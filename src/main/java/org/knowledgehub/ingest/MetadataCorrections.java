package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.Problems;
import org.knowledgehub.TextInput;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.KH;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.Prov;
import org.knowledgehub.security.AccessPolicy;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.knowledgehub.store.Uris;
import org.springframework.stereotype.Component;

/**
 * Corrections of a document's title, publisher, date, type or language by its owner: an admin, or
 * a contributor or coordinator of the organisation that publishes it. Every field is checked before
 * anything changes; the corrected values replace the inferred ones with a claim that names who
 * corrected them, the document is re-indexed and the change is audited. A corrected language is
 * declared as an upload declares it: the passages are analysed in it again, except those whose own
 * script or words say clearly they are in another.
 */
@Component
public class MetadataCorrections {

    private static final int MAX_TITLE = 500;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final IngestService ingest;
    private final DocumentRecords records;
    private final AccessPolicy access;
    private final OrganisationDirectory organisations;
    private final Uris uris;
    private final AuditTrail audit;

    MetadataCorrections(IngestService ingest, DocumentRecords records, AccessPolicy access,
                        OrganisationDirectory organisations, Uris uris, AuditTrail audit) {
        this.ingest = ingest;
        this.records = records;
        this.access = access;
        this.organisations = organisations;
        this.uris = uris;
        this.audit = audit;
    }

    /** Whether the caller may correct this (visible) document's metadata. */
    public boolean mayCorrect(Caller caller, String id) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        if (!caller.has(Role.CONTRIBUTOR) && !caller.has(Role.COORDINATOR) || caller.organisation() == null) {
            return false;
        }
        // Any publisher of a public report (VASyR has three) may correct it; a restricted one has one owner.
        return records.publishers(id).contains(caller.organisation());
    }

    /**
     * Applies a correction.
     *
     * @throws org.springframework.web.ErrorResponseException 404 for a document the caller cannot
     *         see, 403 for one they do not own, 400 naming the field for a value that cannot be right
     */
    public DocumentSummary correct(Caller caller, String id, MetadataCorrection correction) {
        if (!DocumentIds.isValid(id) || !access.canRead(caller, uris.documentGraph(id))) {
            throw Problems.notFound("document " + id);
        }
        DocumentSummary doc = records.summary(id).orElseThrow(() -> Problems.notFound("document " + id));
        if (!mayCorrect(caller, id)) {
            throw Problems.forbidden("document", "only an admin or a member of the organisation that publishes the document may correct it");
        }
        if (correction == null || correction.isEmpty()) {
            throw Problems.invalid("title", "give at least one of title, organisation, date, type and language");
        }
        Checked checked = check(caller, doc, correction);
        Resource corrector = ResourceFactory.createResource(uris.agent(caller.name()));
        ingest.rewrite(id, m -> apply(m, m.getResource(doc.uri()), checked, corrector), personal -> {
            if (checked.publisher() != null) {
                Resource subject = personal.getResource(doc.uri());
                subject.removeAll(DCTerms.publisher).addProperty(DCTerms.publisher, checked.publisher());
            }
        });
        audit.recordWrite(caller, "document.correct-metadata", doc.uri(), List.of(doc.graph()), checked.summary());
        return records.summary(id).orElseThrow();
    }

    private record Checked(String title, Resource publisher, LocalDate date, DocumentType type, String language) {

        /** What the audit trail records: which fields were corrected. */
        String summary() {
            List<String> fields = new ArrayList<>();
            if (title != null) {
                fields.add("title");
            }
            if (publisher != null) {
                fields.add("publisher");
            }
            if (date != null) {
                fields.add("date");
            }
            if (type != null) {
                fields.add("type");
            }
            if (language != null) {
                fields.add("language");
            }
            return "corrected " + String.join(", ", fields);
        }
    }

    private Checked check(Caller caller, DocumentSummary doc, MetadataCorrection c) {
        String title = MetadataCorrection.blank(c.title()) ? null : TextInput.line("title", c.title().strip(), MAX_TITLE);
        Resource publisher = null;
        if (!MetadataCorrection.blank(c.organisation())) {
            publisher = organisations.resolve(TextInput.line("organisation", c.organisation(), MAX_TITLE))
                    .orElseThrow(() -> Problems.invalid("organisation", "unknown organisation '" + c.organisation().strip()
                            + "': give the name, acronym or IRI of an organisation of the directory"));
            if (!caller.has(Role.ADMIN) && !"public".equals(doc.sensitivity())
                    && !records.publishers(doc.id()).equals(List.of(publisher.getURI()))) {
                throw Problems.forbidden("organisation", "the publisher of a " + doc.sensitivity()
                        + " document decides who may read it: only an admin may change it");
            }
        }
        LocalDate date = null;
        if (!MetadataCorrection.blank(c.date())) {
            try {
                date = LocalDate.parse(c.date().strip());
            } catch (DateTimeParseException e) {
                throw Problems.invalid("date", "date must be a day written as YYYY-MM-DD, not '" + c.date().strip() + "'");
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now())) {
                throw Problems.invalid("date", "date " + date + " is impossible for a published document: it must lie between "
                        + EARLIEST + " and today");
            }
        }
        DocumentType type = null;
        if (!MetadataCorrection.blank(c.type())) {
            type = DocumentType.fromCode(c.type().toLowerCase(Locale.ROOT))
                    .filter(t -> t != DocumentType.OBSERVATION)
                    .orElseThrow(() -> Problems.invalid("type", "type must be one of minutes, assessment, field-note, other"));
            if (type.requiresConsent() && !type.code().equals(doc.type())) {
                throw Problems.invalid("type", "a " + type.code() + " must be uploaded with the consent record of the people it "
                        + "reports on; upload it again as one");
            }
            if (!type.requiresConsent() && DocumentType.fromCode(doc.type()).map(DocumentType::requiresConsent).orElse(false)) {
                throw Problems.invalid("type", "a " + doc.type() + " keeps its type: its consent record is what protects the "
                        + "people it reports on");
            }
        }
        String language = null;
        if (!MetadataCorrection.blank(c.language())) {
            language = c.language().strip().toLowerCase(Locale.ROOT);
            if (!LanguageGuess.CODES.contains(language)) {
                throw Problems.invalid("language", "language must be one of " + String.join(", ", LanguageGuess.CODES)
                        + " or empty to keep it, got '" + DocumentUploads.abbreviate(c.language().strip()) + "'");
            }
        }
        return new Checked(title, publisher, date, type, language);
    }

    private static void apply(Model m, Resource doc, Checked c, Resource corrector) {
        if (c.title() != null) {
            replace(m, doc, DCTerms.title, m.createLiteral(c.title()), "title", corrector);
        }
        if (c.publisher() != null) {
            doc.removeAll(Prov.wasAttributedTo);
            replace(m, doc, DCTerms.publisher, c.publisher(), "publisher", corrector);
            doc.addProperty(Prov.wasAttributedTo, c.publisher());
        }
        if (c.date() != null) {
            replace(m, doc, DCTerms.date, m.createTypedLiteral(c.date().toString(), XSDDatatype.XSDdate), "date", corrector);
        }
        if (c.type() != null) {
            doc.listProperties(RDF.type).toList().stream()
                    .filter(st -> DocumentType.fromClass(st.getResource().getURI()).isPresent())
                    .forEach(m::remove);
            doc.addProperty(RDF.type, c.type().rdfClass());
            replaceClaims(m, doc, RDF.type, m.createLiteral(c.type().code()), "type", corrector);
        }
        if (c.language() != null) {
            replace(m, doc, DCTerms.language, m.createLiteral(c.language()), "language", corrector);
            passagesIn(m, doc, c.language());
        }
    }

    /**
     * A passage carries a language only where it differs from its document's: each is judged again
     * against the corrected one, as at ingest, so that the index analyses it in the right language.
     */
    private static void passagesIn(Model m, Resource doc, String language) {
        m.listSubjectsWithProperty(KH.inDocument, doc).filterKeep(p -> p.hasProperty(RDF.type, KH.Passage)).toList().forEach(p -> {
            p.removeAll(DCTerms.language);
            String own = LanguageGuess.ofPassage(p.getProperty(KH.text).getString(), language);
            if (!own.equals(language)) {
                p.addProperty(DCTerms.language, own);
            }
        });
    }

    private static void replace(Model m, Resource doc, Property property, RDFNode value, String field, Resource corrector) {
        doc.removeAll(property).addProperty(property, value);
        replaceClaims(m, doc, property, value, field, corrector);
    }

    /** The claims of a field give way to one that says who corrected it. */
    private static void replaceClaims(Model m, Resource doc, Property property, RDFNode value, String field, Resource corrector) {
        doc.listProperties(KH.metadataClaim).toList().stream().map(st -> st.getResource())
                .filter(claim -> claim.hasProperty(KH.claimedProperty, property))
                .forEach(claim -> {
                    doc.getModel().removeAll(claim, null, null);
                    m.remove(doc, KH.metadataClaim, claim);
                });
        Resource claim = m.createResource(doc.getURI() + "/metadata/" + field)
                .addProperty(RDF.type, KH.MetadataClaim)
                .addProperty(KH.claimedProperty, property)
                .addProperty(KH.claimedValue, value)
                .addProperty(KH.claimMethod, "corrected")
                .addLiteral(KH.confidence, m.createTypedLiteral("1.00", XSDDatatype.XSDdecimal))
                .addProperty(Prov.wasAttributedTo, corrector);
        doc.addProperty(KH.metadataClaim, claim);
    }
}
