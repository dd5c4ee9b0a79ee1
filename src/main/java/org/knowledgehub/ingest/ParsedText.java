package org.knowledgehub.ingest;

import java.util.List;

/**
 * What the parser got out of a file.
 *
 * @param mediaType     detected media type
 * @param blocks        blocks in reading order, before clean-up
 * @param inferHeadings true when the format has no heading markup (PDF, plain text)
 * @param parsers       Tika parsers that did the work, for provenance
 * @param title         title from the file's metadata, or null
 * @param created       creation date from the file's metadata (ISO), or null
 */
record ParsedText(String mediaType, List<RawBlock> blocks, boolean inferHeadings, List<String> parsers,
                  String title, String created) {
}
