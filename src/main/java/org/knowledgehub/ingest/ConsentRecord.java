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
 *                            discussions, visits), as opposed to desk review or monitoring data;
 *                            null when the sender did not say
 * @param informedConsent     whether informed consent was obtained: true, false, or null when unknown
 * @param purpose             the purpose consent was given for, or null
 * @param personalData        whether the contribution contains personal data of the people it is about
 */
public record ConsentRecord(Boolean collectedFromPeople, Boolean informedConsent, String purpose, boolean personalData) {

    /** The names of the fields that declare a record, in uploads and in a catalog. */
    public static final String COLLECTED_FROM_PEOPLE = "collectedFromPeople";
    public static final String INFORMED_CONSENT = "informedConsent";
    public static final String PURPOSE = "consentPurpose";
    public static final String PERSONAL_DATA = "personalData";

    private static final int MAX_PURPOSE = 500;

    public ConsentRecord {
        purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
    }

    /**
     * The record of a document whose sender declared nothing: consent unknown, no personal data
     * declared. It is kept as such (a field note always carries a record), and it does not allow
     * personal data, so a document in which the hub finds some is refused.
     */
    public static ConsentRecord undeclared() {
        return new ConsentRecord(null, null, null, false);
    }

    /**
     * The record the four fields declare (as sent: {@code true}, {@code false}, and for
     * {@code informedConsent} also {@code unknown}), or empty when all are blank.
     *
     * @throws IngestFailure INVALID, naming the field, for a value that is none of these
     */
    public static Optional<ConsentRecord> fromFields(String collectedFromPeople, String informedConsent, String purpose,
                                                     String personalData) {
        if (blank(collectedFromPeople) && blank(informedConsent) && blank(purpose) && blank(personalData)) {
            return Optional.empty();
        }
        if (purpose != null && purpose.strip().length() > MAX_PURPOSE) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, PURPOSE,
                    PURPOSE + " is longer than " + MAX_PURPOSE + " characters");
        }
        Boolean consent;
        try {
            consent = informedConsentOf(informedConsent);
        } catch (IllegalArgumentException e) {
            throw new IngestFailure(IngestFailure.Reason.INVALID, INFORMED_CONSENT, INFORMED_CONSENT + " " + e.getMessage());
        }
        return Optional.of(new ConsentRecord(bool(collectedFromPeople, COLLECTED_FROM_PEOPLE), consent, purpose,
                Boolean.TRUE.equals(bool(personalData, PERSONAL_DATA))));
    }

    /**
     * The informed consent a value declares: true (also yes, given), false (no, refused), or null
     * for unknown or nothing.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Boolean informedConsentOf(String value) {
        return blank(value) ? null : switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "given" -> Boolean.TRUE;
            case "false", "no", "refused" -> Boolean.FALSE;
            case "unknown" -> null;
            default -> throw new IllegalArgumentException("must be true, false or unknown");
        };
    }

    private static Boolean bool(String value, String field) {
        if (blank(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw new IngestFailure(IngestFailure.Reason.INVALID, field, field + " must be true or false");
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Personal data collected from people may be kept (masked in shared views) only with their informed consent. */
    public boolean allowsPersonalData() {
        return Boolean.TRUE.equals(informedConsent);
    }

    /**
     * Whether personal data found in the text may be kept (masked for all but the owner): the
     * people concerned consented, or the text was not collected from people (a published report
     * names its authors and officials; there is nobody whose consent could have been asked).
     */
    public boolean allowsPersonalDataFound() {
        return allowsPersonalData() || Boolean.FALSE.equals(collectedFromPeople);
    }

    /** The field a {@link #problem()} is about: the purpose when consent lacks one, else the consent itself. */
    public String problemField() {
        return Boolean.TRUE.equals(informedConsent) && purpose == null ? PURPOSE : INFORMED_CONSENT;
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
                .addProperty(Dpv.hasConsentStatus, status())
                .addLiteral(KH.containsPersonalData, personalData);
        if (collectedFromPeople != null) {
            record.addLiteral(KH.collectedFromPeople, collectedFromPeople.booleanValue());
        }
        if (purpose != null) {
            record.addProperty(Dpv.hasPurpose, m.createResource(record.getURI() + "/purpose")
                    .addProperty(RDF.type, Dpv.Purpose)
                    .addProperty(DCTerms.description, purpose));
        }
        subject.addProperty(KH.consent, record);
        return record;
    }
}
