package org.knowledgehub.observations;

import java.util.List;

/**
 * A field observation as a contributor sends it (the JSON body of {@code POST /api/observations},
 * the web form, a row of a bulk import). Values are kept as given; validation against the shapes
 * says what is wrong with them. Codes or IRIs are accepted for area, sectors, population and method.
 *
 * @param observedFrom     the day observed, or the first day of the period (yyyy-mm-dd)
 * @param observedTo       the last day of the period, or null for a single day
 * @param area             P-code (LB, LB4, LB42) or area IRI
 * @param locality         a village, camp or neighbourhood within the area, or null
 * @param sectors          sector codes (wash, protection, ...) or IRIs
 * @param population       population group code (syrian-refugees, ...) or IRI, or null
 * @param method           field-visit, focus-group-discussion, key-informant-interview, monitoring or other
 * @param organisation     the contributing organisation; a member's own by default, and only that
 * @param sensitivity      public, restricted (the default) or confidential
 * @param sharedWith       organisations a restricted or confidential observation is shared with
 * @param sharedWithSector sectors whose members may read a restricted observation
 * @param question         id or IRI of the research question it answers, or null
 */
public record ObservationSubmission(String text, String title, String observedFrom, String observedTo, String area,
                                    String locality, List<String> sectors, String population, String method,
                                    String organisation, String sensitivity, List<String> sharedWith,
                                    List<String> sharedWithSector, Consent consent, String question) {

    public ObservationSubmission {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        sharedWithSector = sharedWithSector == null ? List.of() : List.copyOf(sharedWithSector);
    }

    /**
     * The consent record as sent.
     *
     * @param informedConsent true, false or unknown (also yes/no, given/refused)
     */
    public record Consent(Boolean collectedFromPeople, String informedConsent, String purpose, Boolean personalData) {
    }
}
