package org.knowledgehub.nlp;

import java.util.Locale;

/** What a mention in a text is a mention of. */
public enum MentionType {
    PLACE, ORGANISATION, SECTOR, POPULATION, INDICATOR, DATE, QUANTITY, PERSON, PERSONAL_DATA;

    /** The code used in the graph, the API and the gold set: place, organisation, personal-data... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
