package org.knowledgehub.ingest;

import java.util.List;

/**
 * What the parser got out of a file.
 *
 * @param mediaType     detected media type
 * @param blocks        blocks in reading order, before clean-up
 * @param inferHeadings true when the format has no heading markup (PDF, plain text)
 * @param parsers       Tika parsers that did the work, for provenance
 * @param metadata      what the file says about itself (properties, front matter)
 * @param headings      the headings its typography or styles mark (PDF, DOCX), for blocks Tika leaves as paragraphs
 */
record ParsedText(String mediaType, List<RawBlock> blocks, boolean inferHeadings, List<String> parsers,
                  FileMetadata metadata, HeadingHints headings) {
}
