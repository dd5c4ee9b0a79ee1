package org.knowledgehub.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes the conjunction و ("and") or ف ("so") written before a word that carries its own prefix
 * (ال، لل، بال، كال): "وللإيجار" is "و" + "لل" + "إيجار". Lucene's Arabic light stemmer, which comes
 * next, removes one prefix only (و, or one of ال، وال، بال، كال، فال، لل), so "وللإيجار" and
 * "وبالدولار" would otherwise stay apart from the bare word. Expects normalised text (alef forms
 * folded).
 */
final class ArabicPrefixFilter extends TokenFilter {

    /** The prefixes a conjunction may stand before; the stemmer removes them afterwards. */
    private static final String[] SECOND = {"ال", "لل", "بال", "كال"};
    /** Letters the word must keep after its prefixes, as the stemmer requires. */
    private static final int MIN_STEM = 2;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ArabicPrefixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char first = term.length() > 0 ? term.charAt(0) : 0;
        if (first == 'و' || first == 'ف') {
            String rest = term.subSequence(1, term.length()).toString();
            for (String prefix : SECOND) {
                if (rest.startsWith(prefix) && rest.length() >= prefix.length() + MIN_STEM) {
                    term.setEmpty().append(rest);
                    break;
                }
            }
        }
        return true;
    }
}
