package org.knowledgehub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import tools.jackson.databind.ObjectMapper;

/**
 * A passage as a document of the Solr collection ({@code solr/configsets/knowledge-hub}): the
 * fields of the embedded index, under the same names, its text fields pre-analysed by the hub's own
 * analysis of the passage's language (Solr's JSON pre-analysed form: the text, and each term with
 * its position increment and offsets), so both indexes hold the same terms.
 */
public final class SolrDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Set beside a vector: a dense vector field answers no existence query. */
    static final String HAS_VECTOR = "has_vector";

    private SolrDocuments() {
    }

    public static Map<String, Object> of(IndexedPassage p) {
        Analyzer language = TextAnalysis.of(TextAnalysis.normalise(p.language()));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(PassageIndex.ID, p.passageUri());
        d.put(PassageIndex.DOC, p.documentId());
        d.put("doc_uri", p.documentUri());
        d.put(PassageIndex.GRAPH, p.graph());
        d.put(PassageIndex.STAMP, p.stamp());
        d.put("n", p.number());
        d.put("start", p.start());
        d.put("end", p.end());
        d.put(PassageIndex.TYPE, p.documentType());
        d.put(PassageIndex.ORG, p.organisations());
        d.put(PassageIndex.AREA, p.areas());
        d.put(PassageIndex.SECTOR, p.sectors());
        d.put(PassageIndex.POPULATION, p.populations());
        d.put(PassageIndex.INDICATOR, p.indicators());
        d.put(PassageIndex.YEAR, p.years().stream().map(String::valueOf).toList());
        if (p.personalData()) {
            d.put(PassageIndex.PERSONAL_DATA, "true");
        }
        if (p.table()) {
            d.put(PassageIndex.TABLE, "true");
        }
        d.put(PassageIndex.DOC_YEAR, p.documentYears().stream().map(String::valueOf).toList());
        d.put(PassageIndex.DOC_POPULATION, p.documentPopulations());
        d.put(PassageIndex.DOC_AREA, p.documentAreas());
        if (p.date() != null) {
            d.put(PassageIndex.DATE, p.date().toEpochDay());
            d.put(PassageIndex.DATE_STORED, p.date().toString());
        }
        d.put(PassageIndex.SENSITIVITY, p.sensitivity());
        d.put(PassageIndex.LANGUAGE, p.language());
        putText(d, PassageIndex.TEXT, p.text(), language);
        if (p.sectionUri() != null) {
            d.put("section_uri", p.sectionUri());
        }
        if (p.sectionTitle() != null) {
            putText(d, PassageIndex.SECTION, p.sectionTitle(), language);
        }
        putText(d, PassageIndex.TITLE, p.documentTitle(), language);
        if (p.vector() != null) {
            List<Float> vector = new ArrayList<>(p.vector().length);
            for (float f : p.vector()) {
                vector.add(f);
            }
            d.put("vector", vector);
            d.put(HAS_VECTOR, "true");
        }
        return d;
    }

    /** A text field, pre-analysed, and its length as BM25 scores it ({@link SolrScoring}). */
    private static void putText(Map<String, Object> d, String field, String text, Analyzer language) {
        Analysed analysed = analyse(text, language);
        d.put(field, analysed.json());
        d.put(SolrScoring.lengthField(field), SolrScoring.normLength(analysed.positions()));
        d.put(SolrScoring.termsField(field), analysed.terms());
    }

    /** The text and its terms as the analyser makes them, with positions and offsets (for highlighting). */
    static String preAnalysed(String text, Analyzer analyzer) {
        return analyse(text, analyzer).json();
    }

    private record Analysed(String json, int positions, int terms) {
    }

    private static Analysed analyse(String text, Analyzer analyzer) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        int positions = 0;
        try (TokenStream ts = analyzer.tokenStream(PassageIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(Map.of("t", term.toString(), "s", offset.startOffset(), "e", offset.endOffset(),
                        "i", increment.getPositionIncrement()));
                // As BM25's norm counts: terms stacked on one position count once.
                positions += increment.getPositionIncrement() > 0 ? 1 : 0;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Analysed(JSON.writeValueAsString(Map.of("v", "1", "str", text, "tokens", tokens)), positions, tokens.size());
    }
}
