package org.knowledgehub.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One passage as the search index holds it, with the provenance a search result shows and the
 * entities it mentions (those of its section's heading included).
 *
 * @param graph         name of the document's graph; the access filter works on it
 * @param stamp         the document graph's index stamp, for start-up reconciliation
 * @param organisations short names of the document's organisations and of those it mentions
 * @param areas         P-codes of the areas it mentions, each district's governorate added
 * @param sectors       notations of the sectors it speaks of
 * @param populations   notations of the population groups it mentions
 * @param indicators    notations of the indicators it mentions
 * @param years         the years it speaks of, or else the year of its document
 * @param personalData  whether it names a private person or carries contact or ID numbers
 * @param table         whether it is table content (figures and labels) rather than prose
 * @param documentYears the years its document is about: those its title or file name names (the
 *                      VASyR 2022 is about 2022, though published in 2023), else its date's year
 * @param documentPopulations the population groups its document is mainly about (those most of its
 *                      passages that name a group name), which a passage naming none speaks of
 * @param documentAreas the areas its document is mainly about (those most of its passages that name
 *                      an area name, with their governorates), which a passage naming none speaks of
 * @param language      ISO 639-1 code of its text's language (en, fr, ar or another), which decides
 *                      how its words are analysed (see {@link TextAnalysis})
 * @param vector        its sentence embedding (unit length), or null when embeddings are off; not
 *                      read back from the index
 */
public record IndexedPassage(String passageUri, String documentId, String documentUri, String graph, String stamp,
                             int number, String text, int start, int end, String sectionUri, String sectionTitle,
                             String documentTitle, String documentType, LocalDate date, List<String> organisations,
                             String sensitivity, List<String> areas, List<String> sectors, List<String> populations,
                             List<String> indicators, List<Integer> years, boolean personalData, boolean table,
                             List<Integer> documentYears, List<String> documentPopulations, List<String> documentAreas,
                             String language, float[] vector) {

    public IndexedPassage {
        organisations = List.copyOf(organisations);
        areas = List.copyOf(areas);
        sectors = List.copyOf(sectors);
        populations = List.copyOf(populations);
        indicators = List.copyOf(indicators);
        years = List.copyOf(years);
        documentYears = List.copyOf(documentYears);
        documentPopulations = List.copyOf(documentPopulations);
        documentAreas = List.copyOf(documentAreas);
    }

    /** What the embedding model reads: where the passage stands, then the passage. */
    public String textForEmbedding() {
        return (sectionTitle != null ? documentTitle + " - " + sectionTitle : documentTitle) + ". " + text;
    }

    public IndexedPassage withVector(float[] v) {
        return new IndexedPassage(passageUri, documentId, documentUri, graph, stamp, number, text, start, end, sectionUri,
                sectionTitle, documentTitle, documentType, date, organisations, sensitivity, areas, sectors, populations,
                indicators, years, personalData, table, documentYears, documentPopulations, documentAreas, language, v);
    }
}
