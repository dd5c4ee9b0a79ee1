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
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.5);
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
