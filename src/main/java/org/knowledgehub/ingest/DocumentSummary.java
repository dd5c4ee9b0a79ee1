package org.knowledgehub.ingest;

import java.util.List;

/**
 * What the API says about a stored document (its text and parts are in its graph).
 *
 * @param language ISO 639-1 code of its text's language
 * @param metadata where its title, publishers, date, type and language came from
 */
public record DocumentSummary(String id, String uri, String graph, String title, String type, String date,
                              String sourceName, String mediaType, String sensitivity, List<String> organisations,
                              int sections, int passages, String contentHash, long byteSize, String ingestedAt,
                              String ingestion, String language, List<MetadataSource> metadata) {
}
