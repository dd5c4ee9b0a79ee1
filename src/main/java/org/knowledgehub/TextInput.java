package org.knowledgehub;

/**
 * Free text a caller gives (a title, a question, a name) as the hub stores it: stripped, bounded,
 * and without control characters, which some RDF formats cannot write at all (RDF/XML, SPARQL XML
 * results) and which have no place in a title or a question. Line breaks and tabs are kept where
 * the text may have several lines.
 */
public final class TextInput {

    private TextInput() {
    }

    /** One line of text: no control characters at all. @throws org.springframework.web.ErrorResponseException 400 naming {@code field} */
    public static String line(String field, String value, int max) {
        return checked(field, value, max, false);
    }

    /** Text of one or more lines: tabs and line breaks allowed, other control characters not. */
    public static String lines(String field, String value, int max) {
        return checked(field, value, max, true);
    }

    private static String checked(String field, String value, int max, boolean breaks) {
        String v = value.strip();
        if (v.length() > max) {
            throw Problems.invalid(field, field + " is longer than " + max + " characters");
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && !(breaks && (c == '\n' || c == '\r' || c == '\t')))) {
            throw Problems.invalid(field, field + " contains control characters");
        }
        return v;
    }
}
