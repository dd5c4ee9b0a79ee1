package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the contradiction rule on figure pairs of the real VASyR reports,
 * labelled by hand (src/test/resources/contradictions/pairs.tsv): each side's claims are read
 * from its stored sentence with the real linker, as the answers read them from passages.
 */
class ContradictionPairsTest {

    private record Pair(boolean contradiction, String kase, String origin, String documentA, String sentenceA, String documentB,
                        String sentenceB) {
    }

    @Test
    void theRuleFlagsFewFiguresThatAgreeOrMeasureSomethingElse() throws IOException {
        List<Pair> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(40);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int realTp = 0;
        int realFp = 0;
        for (Pair p : pairs) {
            boolean flagged = disagree(p);
            if (flagged != p.contradiction()) {
                System.out.println((flagged ? "FALSE POSITIVE " : "MISSED ") + p.kase() + ": " + p.sentenceA() + " | " + p.sentenceB());
            }
            tp += flagged && p.contradiction() ? 1 : 0;
            fp += flagged && !p.contradiction() ? 1 : 0;
            fn += !flagged && p.contradiction() ? 1 : 0;
            if (p.origin().equals("real")) {
                realTp += flagged && p.contradiction() ? 1 : 0;
                realFp += flagged && !p.contradiction() ? 1 : 0;
            }
        }
        long yes = pairs.stream().filter(Pair::contradiction).count();
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);
        System.out.printf("Contradictions on %d pairs (%d labelled yes, %d real): flagged %d, precision %.2f, recall %.2f;"
                        + " on the real pairs alone %d true and %d false flags%n",
                pairs.size(), yes, pairs.stream().filter(p -> p.origin().equals("real")).count(), tp + fp, precision, recall,
                realTp, realFp);
        assertThat(tp + fp).as("pairs flagged").isPositive();
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.9);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aSpelledOutShareIsClaimedForTheEditionsYearNotTheYearComparedWith() {
        FigureClaims claims = Vocabulary.FIGURE_CLAIMS;
        FigureClaims.Context vasyr2020 = claims.context("VASyR 2020 - Executive Summary", "2021-02");
        List<FigureClaim> found = claims.in("Forty-nine percent of Syrian refugee households were food insecure, up by 20% "
                + "compared to 2019.", vasyr2020);
        // "compared to 2019" is the year compared with, not the figure's; the change after it has no year of its own.
        assertThat(found).extracting(FigureClaim::written, FigureClaim::period, FigureClaim::kind)
                .containsExactly(Tuple.tuple("Forty-nine percent", "2020", FigureKind.SHARE));
        assertThat(found.getFirst().population()).isEqualTo("syrian-refugees");
        assertThat(found.getFirst().area()).isEqualTo("LB");
    }

    @Test
    void aFigureIsClaimedForTheIndicatorNamedBeforeItAndEachClauseForItsOwnPartOfThePopulation() {
        FigureClaims claims = Vocabulary.FIGURE_CLAIMS;
        FigureClaims.Context vasyr2021 = claims.context("VASyR 2021 - Executive Summary", null);
        // Two indicators: the figures before the first one are nobody's; "vs." ends no sentence.
        assertThat(claims.in("With more refugees working (33% in 2021 vs. 26% in 2020) and the unemployment rate decreasing "
                + "from 35% in 2020 to 30% in 2021, the income gained from employment was one-fifth of the SMEB.", vasyr2021))
                .extracting(FigureClaim::indicator, FigureClaim::period, FigureClaim::written, FigureClaim::qualifiers)
                .containsExactly(Tuple.tuple("unemployment-rate", "2020", "35%", ""), Tuple.tuple("unemployment-rate", "2021", "30%", ""));
        // The crisis coping level of the second clause does not narrow the first clause's figure.
        assertThat(claims.in("FHHs (58%) were more food insecure than MHHs (48%); a far higher proportion of FHHs (68%) than "
                + "MHHs (13%) were using crisis or emergency coping strategies.", vasyr2021))
                .extracting(FigureClaim::indicator, FigureClaim::qualifiers, FigureClaim::written)
                .contains(Tuple.tuple("moderate-severe-food-insecurity", "female-headed,male-headed", "58%"));
        // "Households in non-permanent shelters" says whose figure it is, not what it measures; "< SMEB" is below the SMEB.
        assertThat(claims.in("Households in non-permanent shelters were more food insecure (53%) than others.", vasyr2021))
                .extracting(FigureClaim::indicator, FigureClaim::qualifiers).containsExactly(
                        Tuple.tuple("moderate-severe-food-insecurity", "non-permanent"));
        assertThat(claims.in("Refugees spending less than US$ 2.90 a day (< SMEB) increased from 51% in 2018 to 55% in 2019.",
                vasyr2021)).extracting(FigureClaim::indicator, FigureClaim::period, FigureClaim::written)
                .containsExactly(Tuple.tuple("below-smeb", "2018", "51%"), Tuple.tuple("below-smeb", "2019", "55%"));
    }

    private static boolean disagree(Pair p) {
        FigureClaims claims = Vocabulary.FIGURE_CLAIMS;
        List<FigureClaim> a = claims.in(p.sentenceA(), claims.context(p.documentA(), null));
        List<FigureClaim> b = claims.in(p.sentenceB(), claims.context(p.documentB(), null));
        return a.stream().anyMatch(x -> b.stream().anyMatch(x::disagreesWith));
    }

    private static List<Pair> pairs() throws IOException {
        try (InputStream in = ContradictionPairsTest.class.getResourceAsStream("/contradictions/pairs.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(c -> new Pair(c[0].equals("yes"), c[1], c[2], c[3], c[4], c[5], c[6]))
                    .toList();
        }
    }
}
