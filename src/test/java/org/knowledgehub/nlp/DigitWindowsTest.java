package org.knowledgehub.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The figure patterns searched around a text's digits find exactly what a search of the whole text finds. */
class DigitWindowsTest {

    private static final List<Pattern> FIGURE_PATTERNS = List.of(PersonalDataPatterns.PHONE, PersonalDataPatterns.ID_NUMBER,
            EntityLinker.AMOUNT, EntityLinker.COUNT, EntityLinker.YEAR_RANGE);

    /** Figures of every kind, the words around them, and what sits at a window's edge. */
    private static final List<String> PIECES = List.of("LBP 1,500,000", "L.L. 250,000", "US$ 20", "$ 3.5 million", "USD 12k",
            "40 Lebanese pounds", "+961 3 123 456", "03 123456", "961-70-123456", "0044 20 7946 0958", "LEB-12345678",
            "ID 123456789", "2019-2020", "1990/91", "2021 – 22", "200,000-250,000", "150 households", "12 tents", "3,400",
            "5...", "7.", "page 4", "the", "rent rose in Zahle", "families", "water trucking", "between", "Lebanese",
            "pounds", "million", "\t", "\n", ",", "(", ")", "a", "x2019", "2019x", "ABCDEF123456789", "١٢٣", "word".repeat(12));

    @Test
    void findsWhatASearchOfTheWholeTextFinds() {
        Random random = new Random(20261207);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(25);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
                text.append(random.nextInt(4) == 0 ? "" : " ".repeat(1 + random.nextInt(random.nextInt(8) == 0 ? 40 : 2)));
            }
            String t = text.toString();
            DigitWindows figures = new DigitWindows(t);
            for (Pattern p : FIGURE_PATTERNS) {
                assertThat(spans(figures.matches(p))).as("%s in «%s»", p, t)
                        .isEqualTo(spans(p.matcher(t).results().toList()));
            }
        }
    }

    private static List<String> spans(List<MatchResult> matches) {
        return matches.stream().map(m -> m.start() + "-" + m.end() + ":" + m.group()).toList();
    }
}
