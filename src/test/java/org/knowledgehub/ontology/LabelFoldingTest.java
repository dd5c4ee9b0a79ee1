package org.knowledgehub.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Labels fold to the same key however they are written: case, accents, hyphens, Arabic letter forms and digits. */
class LabelFoldingTest {

    @Test
    void plainLatinLabelsKeepOnlyLowerCaseLettersAndDigits() {
        assertThat(LabelFolding.fold("Bar-Elias 2")).isEqualTo("barelias2");
        assertThat(LabelFolding.fold("UNHCR (2023)")).isEqualTo("unhcr2023");
        assertThat(LabelFolding.fold("  ")).isEmpty();
    }

    @Test
    void accentedLabelsFoldToTheirPlainLetters() {
        assertThat(LabelFolding.fold("Zahlé")).isEqualTo(LabelFolding.fold("Zahle")).isEqualTo("zahle");
        assertThat(LabelFolding.fold("Saïda – Sud")).isEqualTo("saidasud");
    }

    @Test
    void arabicLabelsFoldTheirLetterFormsAndDigits() {
        assertThat(LabelFolding.fold("أيار ٢٠٢٣")).isEqualTo(LabelFolding.fold("ايار 2023")).isEqualTo("ايار2023");
        assertThat(LabelFolding.fold("مدرسة")).isEqualTo("مدرسه");
    }
}
