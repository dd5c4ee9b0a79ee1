package org.knowledgehub.observations;

import java.util.List;

import org.knowledgehub.tables.CsvColumn;

/**
 * Field observations as CSV, one row per observation the list shows: the fields of its JSON, its
 * consent record where the JSON has one, its latest review as its status (the reviews themselves
 * stay in the JSON).
 */
final class ObservationCsv {

    private ObservationCsv() {
    }

    static final List<CsvColumn<ObservationView>> COLUMNS = List.of(
            CsvColumn.of("id", "#meta+id", ObservationView::id),
            CsvColumn.of("title", "#meta+title", ObservationView::title),
            CsvColumn.of("text", "#description", ObservationView::text),
            CsvColumn.of("observed from", "#date+start", ObservationView::observedFrom),
            CsvColumn.of("observed to", "#date+end", ObservationView::observedTo),
            CsvColumn.of("area code", "#loc+code", o -> o.area() == null ? null : o.area().code()),
            CsvColumn.of("area", "#loc+name", o -> o.area() == null ? null : o.area().label()),
            CsvColumn.of("locality", "#loc+locality", ObservationView::locality),
            CsvColumn.of("sectors", "#sector+code", o -> o.sectors().stream().map(ObservationView.Concept::code).toList()),
            CsvColumn.of("population group", "#population+type", o -> o.population() == null ? null : o.population().label()),
            CsvColumn.of("method", "#meta+method", ObservationView::method),
            CsvColumn.of("organisation", "#org+name", o -> o.organisation() == null ? null : o.organisation().code()),
            CsvColumn.of("sensitivity", "#meta+sensitivity", ObservationView::sensitivity),
            CsvColumn.of("collected from people", "#meta+consent+people", o -> o.consent() == null ? null : o.consent().collectedFromPeople()),
            CsvColumn.of("informed consent", "#meta+consent", o -> o.consent() == null ? null : o.consent().informedConsent()),
            CsvColumn.of("purpose", "#meta+consent+purpose", o -> o.consent() == null ? null : o.consent().purpose()),
            CsvColumn.of("personal data", "#meta+consent+personal", o -> o.consent() == null ? null : o.consent().personalData()),
            CsvColumn.of("research question", "#meta+question", ObservationView::question),
            CsvColumn.of("status", "#status", ObservationView::status),
            CsvColumn.of("contributed", "#date+reported", ObservationView::contributedAt),
            CsvColumn.of("uri", "#meta+url", ObservationView::uri));
}
