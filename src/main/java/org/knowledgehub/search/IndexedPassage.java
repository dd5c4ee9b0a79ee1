package org.knowledgehub.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One passage as the search index holds it, with the provenance a search result shows.
 *
 * @param graph         name of the document's graph; the access filter works on it
 * @param stamp         the document graph's index stamp, for start-up reconciliation
 * @param organisations short names of the document's organisations, for filters and facets
 */
public record IndexedPassage(String passageUri, String documentId, String documentUri, String graph, String stamp,
                             int number, String text, int start, int end, String sectionUri, String sectionTitle,
                             String documentTitle, String documentType, LocalDate date, List<String> organisations,
                             String sensitivity) {

    public IndexedPassage {
        organisations = List.copyOf(organisations);
    }
}
