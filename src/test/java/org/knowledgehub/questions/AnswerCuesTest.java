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

    @Test
    void aListIsASeriesOfShortItemsNotAClauseSetOffByCommas() {
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false, "The most applied strategies were taking on new debts (92%), "
                + "purchasing food on credit (75%), and reducing health (54%) and education expenditures (29%).")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false,
                "Stress coping strategies include selling household goods, spending savings, buying food on credit, and borrowing money.")).isTrue();
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false, "The use of livelihood-based coping strategies, that negatively "
                + "affect resilience and the capacity to generate income in the future, was also widespread among the refugees.")).isFalse();
        // Thousands separators are no item separators.
        assertThat(AnswerCues.offers(Understanding.Kind.LIST, false,
                "In the final sample, 8,337 cases were targeted, of which 5,090 households were visited.")).isFalse();
    }

    @Test
    void aSentenceOnAnotherMonthThanTheOneAskedGivesNoFigureForIt() {
        String question = "What did the food SMEB cost on average in December 2020?";
        assertThat(AnswerCues.otherMonths(question, "Since September 2020, the cost of the food SMEB has been fluctuating.")).isTrue();
        assertThat(AnswerCues.otherMonths(question, "The national average stands at LBP 111,457 in December 2020.")).isFalse();
        assertThat(AnswerCues.otherMonths(question, "The national average stands at LBP 111,457.")).isFalse();
        // "may" is a month only before a day or a year.
        assertThat(AnswerCues.otherMonths(question, "Child labour may be underreported.")).isFalse();
        assertThat(AnswerCues.otherMonths("What did rent cost in Akkar?", "Rent rose in September 2020.")).isFalse();
    }
}
