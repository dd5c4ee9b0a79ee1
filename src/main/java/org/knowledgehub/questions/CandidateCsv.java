package org.knowledgehub.questions;

import java.util.ArrayList;
import java.util.List;

import org.knowledgehub.tables.CsvColumn;

/**
 * A research question's candidate answers as CSV: one row per candidate and per further candidate of
 * the same document, in the JSON's order, with the provenance chain from quote to ingestion.
 */
final class CandidateCsv {

    private CandidateCsv() {
    }

    /** A candidate and the rank of its document's group (1 for the best). */
    record Row(int rank, Answer answer) {
    }

    static List<Row> rows(Answers answers) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < answers.answers().size(); i++) {
            Answer a = answers.answers().get(i);
            rows.add(new Row(i + 1, a));
            for (Answer more : a.more()) {
                rows.add(new Row(i + 1, more));
            }
        }
        return rows;
    }

    static final List<CsvColumn<Row>> COLUMNS = List.of(
            CsvColumn.of("rank", "#meta+rank", Row::rank),
            CsvColumn.of("quote", "#description", r -> r.answer().quote().text()),
            CsvColumn.of("document", "#meta+id", r -> r.answer().provenance().document().id()),
            CsvColumn.of("title", "#meta+title", r -> r.answer().provenance().document().title()),
            CsvColumn.of("section", "#meta+section", r -> r.answer().provenance().section() == null ? null
                    : r.answer().provenance().section().title()),
            CsvColumn.of("organisations", "#org+name", r -> r.answer().provenance().document().organisations()),
            CsvColumn.of("date", "#date", r -> r.answer().provenance().document().date()),
            CsvColumn.of("score", "#meta+score", r -> r.answer().score()),
            CsvColumn.of("review", "#status", r -> r.answer().review() == null ? null : r.answer().review().rank()),
            CsvColumn.of("origin", "#meta+type", r -> r.answer().origin()),
            CsvColumn.of("passage", "#meta+url", r -> r.answer().passage()),
            CsvColumn.of("source", "#meta+source", r -> r.answer().provenance().document().uri()),
            CsvColumn.of("graph", "#meta+graph", r -> r.answer().provenance().graph()),
            CsvColumn.of("ingestion", "#meta+activity", r -> r.answer().provenance().ingestion() == null ? null
                    : r.answer().provenance().ingestion().uri()));
}
