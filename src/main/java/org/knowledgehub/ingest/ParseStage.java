package org.knowledgehub.ingest;

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
        StructuredText text = StructuredText.join(BlockCleaner.clean(parsed.blocks(), parsed.inferHeadings(), parsed.headings()));
        if (text.text().isBlank()) {
            throw new IngestFailure(IngestFailure.Reason.UNPROCESSABLE, "file",
                    "no text could be extracted (a scanned document without a text layer needs OCR first)");
        }
        doc.mediaType = parsed.mediaType();
        doc.parsers = parsed.parsers();
        doc.text = text;
        doc.fileMetadata = parsed.metadata();
    }
}
