package org.knowledgehub.ingest;

/**
 * What an owner corrects in a document's metadata; a field left null keeps its value.
 *
 * @param title        the title
 * @param organisation the publisher: a name, acronym or IRI of the organisations directory
 * @param date         the publication date, ISO (2021-06-30)
 * @param type         minutes, assessment or other
 * @param language     the text's language: en, fr or ar
 */
public record MetadataCorrection(String title, String organisation, String date, String type, String language) {

    boolean isEmpty() {
        return blank(title) && blank(organisation) && blank(date) && blank(type) && blank(language);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
