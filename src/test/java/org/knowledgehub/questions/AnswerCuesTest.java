package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a sentence offers each kind of question, on sentences of the kind reports and field notes write. */
class AnswerCuesTest {

    @Test
    void aCauseOrAPurposeAnswersAWhyQuestionATopicalSentenceDoesNot() {
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Food insecurity rose mainly due to the depreciation of the Lebanese pound.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Households now buy water from private tankers and cut spending on food to pay for it.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Households borrowed money to afford rent.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "49% of households were food insecure in 2020.")).isFalse();
        assertThat(AnswerCues.offers(Understanding.Kind.WHY, false,
                "Shelter partners met in Zahle to discuss the winter response.")).isFalse();
    }

    @Test
    void aHowManyQuestionWantsAFigureNotAYearOrADay() {
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "About 90% of households are below the SMEB.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.FACT, true, "The explosion of 4 August 2020 hit the port.")).isFalse();
        assertThat(AnswerCues.offers(Understanding.Kind.TREND, false, "Debt rose from LBP 1.7 million in 2020 to 2.5 million in 2021.")).isTrue();
    }
}
