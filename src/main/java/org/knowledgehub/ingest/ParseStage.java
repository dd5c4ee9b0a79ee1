package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** parse: bytes to the document's extracted text and its blocks, through Apache Tika. */
final class ParseStage implements IngestStage {

    private final DocumentParser parser;

    ParseStage(DocumentParser parser) {
        this.parser = parser;
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public void process(DocumentContext doc) {
        ParsedText parsed = parser.parse(doc.request.bytes(), doc.request.sourceName());
        StructuredText text = StructuredText.join(BlockCleaner.clean(parsed.blocks(), parsed.inferHeadings()));
        if (text.text().isBlank()) {
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file",
                    "no text could be extracted (a scanned document without a text layer needs OCR first)");
        }
        doc.mediaType = parsed.mediaType();
        doc.parsers = parsed.parsers();
        doc.text = text;
        if (doc.title == null) {
            doc.title = parsed.title() != null ? parsed.title() : firstHeading(text);
        }
        if (doc.title == null) {
            doc.title = baseName(doc.request.sourceName());
        }
        if (doc.date == null && parsed.created() != null) {
            doc.date = dateOf(parsed.created());
        }
    }

    /** Headings that open many documents and name none of them. */
    private static final Set<String> GENERIC_HEADINGS = Set.of("introduction", "contents", "table of contents", "summary",
            "executive summary", "foreword", "preface", "abstract", "acknowledgements", "acknowledgments", "key findings",
            "background", "overview");

    private static String firstHeading(StructuredText text) {
        return text.blocks().stream()
                .filter(b -> b.kind() == BlockKind.HEADING)
                .findFirst()
                .map(text::textOf)
                .filter(t -> t.length() <= 200 && !GENERIC_HEADINGS.contains(t.strip().toLowerCase(Locale.ROOT)))
                .orElse(null);
    }

    private static String baseName(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ');
    }

    private static LocalDate dateOf(String iso) {
        try {
            return OffsetDateTime.parse(iso).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(iso.substring(0, Math.min(10, iso.length())));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
