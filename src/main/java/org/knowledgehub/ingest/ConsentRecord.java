package org.knowledgehub.ingest;

import java.util.Locale;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.knowledgehub.ontology.Dpv;
import org.knowledgehub.ontology.KH;

/**
 * What a field note or an observation declares about the people its information comes from, as
 * the IMWG's consent guidance asks: whether it was collected from people, whether they gave
 * informed consent, for what purpose, and whether it holds personal data. Written in W3C DPV terms.
 *
 * @param collectedFromPeople whether the information was collected from people (interviews,
 *                            discussions, visits), as opposed to desk review or monitoring data
 * @param informedConsent     whether informed consent was obtained: true, false, or null when unknown
 * @param purpose             the purpose consent was given for, or null
 * @param personalData        whether the contribution contains personal data of the people it is about
 */
public record ConsentRecord(boolean collectedFromPeople, Boolean informedConsent, String purpose, boolean personalData) {

    public ConsentRecord {
        purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
    }

    /** Personal data may be kept (masked in shared views) only when the people gave informed consent. */
    public boolean allowsPersonalData() {
        return Boolean.TRUE.equals(informedConsent);
    }

    /** The reason this record cannot be accepted, if any. */
    public Optional<String> problem() {
        if (personalData && !allowsPersonalData()) {
            return Optional.of("the contribution contains personal data but no informed consent was recorded: remove the "
                    + "personal data or record the consent of the people concerned");
        }
        if (Boolean.TRUE.equals(informedConsent) && purpose == null) {
            return Optional.of("informed consent is recorded without the purpose it was given for");
        }
        return Optional.empty();
    }

    /** The DPV consent status. */
    public Resource status() {
        if (informedConsent == null) {
            return Dpv.ConsentUnknown;
        }
        return informedConsent ? Dpv.ConsentGiven : Dpv.ConsentRefused;
    }

    /** The status code used in the HTTP API: given, refused, unknown. */
    public String statusCode() {
        return status().getLocalName().substring("Consent".length()).toLowerCase(Locale.ROOT);
    }

    /** Adds the record, as {@code <subject>/consent}, to the model, linked from the subject by {@code kh:consent}. */
    public Resource addTo(Model m, Resource subject) {
        Resource record = m.createResource(subject.getURI() + "/consent")
                .addProperty(RDF.type, KH.ConsentRecord)
                .addProperty(RDF.type, Dpv.Consent)
                .addLiteral(KH.collectedFromPeople, collectedFromPeople)
                .addProperty(Dpv.hasConsentStatus, status())
                .addLiteral(KH.containsPersonalData, personalData);
        if (purpose != null) {
            record.addProperty(Dpv.hasPurpose, m.createResource(record.getURI() + "/purpose")
                    .addProperty(RDF.type, Dpv.Purpose)
                    .addProperty(DCTerms.description, purpose));
        }
        subject.addProperty(KH.consent, record);
        return record;
    }
}
