package org.knowledgehub.ingest;

import java.util.Locale;
import java.util.Map;

/**
 * What a file says about itself apart from its text: PDF document information, Office
 * properties, or a Markdown file's YAML front matter. Any field may be null.
 *
 * @param title     the title property
 * @param author    the author (creator) property; often a person or an office account, not a publisher
 * @param publisher a publishing organisation the file names (front matter "organisation" or
 *                  "publisher", an Office "Company")
 * @param date      the date the file declares (front matter "date", the creation date of a PDF or
 *                  Office file), as written
 * @param type      a document type the file declares (front matter "type")
 * @param language  a language the file declares (front matter "lang"/"language", dc:language)
 * @param sourceUrl where the file says it was published (front matter or header "source_url"/"url")
 * @param source    where the values come from, for provenance ("pdf-properties", "front-matter", ...)
 */
record FileMetadata(String title, String author, String publisher, String date, String type, String language,
                    String sourceUrl, String source) {

    static final FileMetadata NONE = new FileMetadata(null, null, null, null, null, null, null, "none");
    static final String FRONT_MATTER = "front-matter";
    static final String TEXT_HEADER = "text-header";

    /** Keys and values of a Markdown file's YAML front matter or a text file's "# key: value" header lines. */
    static FileMetadata fromFields(Map<String, String> values, String source) {
        if (values.isEmpty()) {
            return NONE;
        }
        return new FileMetadata(values.get("title"), values.get("author"),
                first(values.get("organisation"), values.get("organization"), values.get("publisher")),
                values.get("date"), values.get("type"), first(values.get("lang"), values.get("language"), null),
                first(values.get("source_url"), values.get("url"), values.get("source")), source);
    }

    /** Whether the values were written by the document's author as metadata (front matter, header lines). */
    boolean written() {
        return FRONT_MATTER.equals(source) || TEXT_HEADER.equals(source);
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    static String sourceOf(String mediaType) {
        return switch (mediaType) {
            case DocumentParser.PDF -> "pdf-properties";
            case DocumentParser.DOCX -> "office-properties";
            case DocumentParser.HTML -> "html-meta";
            default -> mediaType.toLowerCase(Locale.ROOT);
        };
    }
}
