package org.knowledgehub.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which years a sentence gives figures for, on sentences written the way assessment reports write them. */
class FigureYearsTest {

    @Test
    void aFigureBelongsToTheYearRightAfterIt() {
        assertThat(FigureYears.of("Debt kept rising (US$ 920 in 2017, US$ 1,010 in 2018, and reaching US$ 1,110 in 2019).",
                List.of(2019))).containsExactlyInAnyOrder(2017, 2018, 2019);
        assertThat(FigureYears.of("Coverage fell from 48 per cent in 2020, to 31 per cent in 2021.", List.of(2022)))
                .containsExactlyInAnyOrder(2020, 2021);
    }

    @Test
    void aYearTheSentenceOnlyComparesWithGivesNoFigure() {
        assertThat(FigureYears.of("Households had no power for 14 hours a day, more than double the figure for 2020.",
                List.of(2021))).containsExactly(2021);
        assertThat(FigureYears.of("79% of households never ate dairy, up by 12 percentage points compared to 2019.",
                List.of(2020))).containsExactly(2020);
        assertThat(FigureYears.of("Rents rose by 30% since October 2019.", List.of(2021))).containsExactly(2021);
        assertThat(FigureYears.of("Older households were more often in debt (61%) than younger ones (55%), similar to 2019.",
                List.of(2020))).containsExactly(2020);
    }

    @Test
    void aYearTheSentenceIsAboutGovernsItsFiguresElseItsDocumentsYears() {
        assertThat(FigureYears.of("In 2021 access to water declined, with 9 per cent of households lacking a source.",
                List.of(2022))).containsExactly(2021);
        assertThat(FigureYears.of("Female-headed households were more food insecure (51%) than male-headed ones (47%).",
                List.of(2020))).containsExactly(2020);
    }

    @Test
    void aSentenceWithoutFiguresGivesNone() {
        assertThat(FigureYears.of("The 2019 assessment was carried out in 2019 households across Lebanon.", List.of(2019))).isEmpty();
        assertThat(FigureYears.of("Partners met in Zahle in March 2021.", List.of(2021))).isEmpty();
    }
}
