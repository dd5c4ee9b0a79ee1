package org.knowledgehub.ingest;

import org.knowledgehub.nlp.PersonalDataPatterns;

/**
 * A kind of personal data the hub masks: the label its mask shows in place of the data, and how
 * a message names it (messages name kinds, never the data).
 */
enum PersonalDataKind {
    NAME("name", "the name of a person", "names of persons"),
    EMAIL("email", "an e-mail address", "e-mail addresses"),
    PHONE("phone", "a phone number", "phone numbers"),
    ID_NUMBER("id", "an ID-like number", "ID-like numbers");

    private final String label;
    private final String one;
    private final String many;

    PersonalDataKind(String label, String one, String many) {
        this.label = label;
        this.one = one;
        this.many = many;
    }

    String label() {
        return label;
    }

    /** "a phone number", "3 phone numbers". */
    String describe(long count) {
        return count == 1 ? one : count + " " + many;
    }

    static PersonalDataKind of(PersonalDataPatterns.Kind kind) {
        return switch (kind) {
            case EMAIL -> EMAIL;
            case PHONE -> PHONE;
            case ID_NUMBER -> ID_NUMBER;
        };
    }
}
