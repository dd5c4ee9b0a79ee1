package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * What minutes say about their meeting, as written; linking to organisations and areas
 * happens when the graph is built.
 *
 * @param headerEnd offset where the header (title, table, agenda) ends: the people it names are
 *                  the meeting's chairs and minute takers, not personal data
 */
record Meeting(String name, LocalDate date, String city, String location, String time, String duration,
               List<Person> chairs, List<Person> minuteTakers, List<String> agencies,
               List<AgendaEntry> agenda, String attachments, List<Action> actions, int headerEnd) {

    /** A person named in the header, with the organisation written beside the name if any. */
    record Person(String name, String organisation) {
    }

    /**
     * @param number  "1", "2", or "1.2" for the second sub-item of the first
     * @param section number of the section that covers it, or 0
     */
    record AgendaEntry(String number, String text, int start, int end, int section) {
    }

    /** @param owner the owner as written, or null when the text names none */
    record Action(int number, String text, int start, int end, String owner, int section) {
    }
}
