package org.knowledgehub.search;

import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.knowledgehub.ontology.ArabicLetters;

/**
 * How passage text becomes index terms, per language. One text field holds every passage; what
 * differs is how a passage's words are analysed, chosen by the passage's language:
 * <ul>
 * <li>words in Arabic script, whatever the passage's language: Arabic-Indic digits made ASCII,
 *     Arabic stop words dropped, Persian/Urdu letters (ک ی گ پ...) folded to their Arabic forms,
 *     alef, yeh, teh marbuta, tatweel and diacritics normalised, articles and prefixes (ال و ب لل),
 *     stacked ones too (ولل، وبال), and common suffixes removed (Lucene's Arabic light stemmer after
 *     {@link ArabicPrefixFilter});
 * <li>other words of a French passage: elision (l', d', qu'), lower case, French stop words,
 *     French light stemming, accents folded;
 * <li>other words of any other passage (English, Arabic, a language the hub does not analyse):
 *     exactly the English analysis the index always had (possessives, lower case, English stop
 *     words, Porter stemming).
 * </ul>
 * Bidirectional marks (LRM, RLM, embeddings and isolates) are removed before tokenising, so a word
 * with a mark inside is the word without it. A query is analysed once per {@link #QUERY_LANGUAGES
 * reading} (English and French differ only in their Latin words) and the readings are OR-ed as a
 * disjunction, each passage scored by the reading that fits it best; Arabic words analyse the same
 * in every reading.
 */
public final class TextAnalysis {

    /**
     * Names this analysis; an index written with another (or none, the English-only analysis before
     * it) is rebuilt from the store at start-up.
     */
    public static final String VERSION = "multilingual-2";
    /** The languages a passage's Latin-script words are analysed in; any other is analysed as English. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "ar");
    /** The readings of a query: one per distinct analysis of Latin-script words. */
    static final List<String> QUERY_LANGUAGES = List.of("en", "fr");

    private static final NormalizeCharMap CHARACTERS = characters();
    static final CharArraySet FRENCH_STOP = FrenchAnalyzer.getDefaultStopSet();
    static final CharArraySet ARABIC_STOP = ArabicAnalyzer.getDefaultStopSet();

    /** The analyses of query text, one per reading of its words. */
    static final List<Analyzer> QUERY_READINGS = QUERY_LANGUAGES.stream().map(TextAnalysis::fields).toList();

    private TextAnalysis() {
    }

    /** The index analysis of a passage in {@code language} (an ISO 639-1 code; null or unknown means English). */
    public static Analyzer of(String language) {
        return of(language, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, FRENCH_STOP, ARABIC_STOP);
    }

    /** The analysis of a question's words in {@code language}, with other stop words (question words added). */
    static Analyzer of(String language, CharArraySet englishStop, CharArraySet frenchStop, CharArraySet arabicStop) {
        return "fr".equals(normalise(language)) ? analyzer(french(frenchStop), arabicStop) : analyzer(english(englishStop), arabicStop);
    }

    /** The index analysis of a passage in a language for every field: its text fields as {@link #of}, the others as they are. */
    static Analyzer fields(String language) {
        Analyzer text = of(language);
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(PassageIndex.TEXT, text, PassageIndex.SECTION, text,
                PassageIndex.TITLE, text));
    }

    /** The language code a passage is analysed by: en, fr or ar; anything else is en. */
    public static String normalise(String language) {
        String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        l = dash > 0 ? l.substring(0, dash) : l;
        return LANGUAGES.contains(l) ? l : "en";
    }

    private static Function<TokenStream, TokenStream> english(CharArraySet stop) {
        return ts -> new PorterStemFilter(new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(ts)), stop));
    }

    private static Function<TokenStream, TokenStream> french(CharArraySet stop) {
        return ts -> new ASCIIFoldingFilter(new FrenchLightStemFilter(
                new StopFilter(new LowerCaseFilter(new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES)), stop)));
    }

    /** Arabic-script words through the Arabic chain, the others through {@code latin}. */
    private static Analyzer analyzer(Function<TokenStream, TokenStream> latin, CharArraySet arabicStop) {
        return new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream arabic = new ScriptCondition(new DecimalDigitFilter(source), true,
                        ts -> new ArabicStemFilter(new ArabicPrefixFilter(
                                new ArabicNormalizationFilter(new PersianNormalizationFilter(new StopFilter(ts, arabicStop))))));
                return new TokenStreamComponents(source, new ScriptCondition(arabic, false, latin));
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(CHARACTERS, reader);
            }
        };
    }

    /** Applies a chain to the words in Arabic script ({@code arabic}) or to the others. */
    private static final class ScriptCondition extends ConditionalTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final boolean arabic;

        ScriptCondition(TokenStream input, boolean arabic, Function<TokenStream, TokenStream> chain) {
            super(input, chain);
            this.arabic = arabic;
        }

        @Override
        protected boolean shouldFilter() {
            return ArabicLetters.anyIn(term) == arabic;
        }
    }

    /**
     * Bidirectional marks removed; the zero-width non-joiner, which Persian writes between a word
     * and its suffix (کمک‌های), a word break as Lucene's Persian analysis makes it; Persian and
     * Urdu letters as their Arabic counterparts ({@link ArabicLetters}).
     */
    private static NormalizeCharMap characters() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (char c : "\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".toCharArray()) {
            b.add(String.valueOf(c), "");
        }
        b.add("\u200C", " ");
        ArabicLetters.VARIANTS.forEach((variant, arabic) -> b.add(String.valueOf(variant), String.valueOf(arabic)));
        return b.build();
    }
}
