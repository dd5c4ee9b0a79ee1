package org.knowledgehub.observations;

import java.util.List;

/**
 * A field observation as the API shows it to a caller allowed to read it.
 *
 * @param status   submitted, verified or disputed: the latest review's verdict
 * @param passages IRIs of its passages, the units search and answers quote
 */
public record ObservationView(String id, String uri, String title, String text, String observedFrom, String observedTo,
                              Concept area, String locality, List<Concept> sectors, Concept population, String method,
                              Concept organisation, String sensitivity, Consent consent, String question, String status,
                              List<Review> reviews, String contributedAt, List<String> passages) {

    /** A concept of the ontology: its code and English label. */
    public record Concept(String code, String label, String uri) {
    }

    /** @param informedConsent given, refused or unknown */
    public record Consent(boolean collectedFromPeople, String informedConsent, String purpose, boolean personalData) {
    }

    /** @param verdict verified or disputed */
    public record Review(String verdict, String by, String at, String note) {
    }
}
