package org.knowledgehub.ingest;

import org.knowledgehub.ontology.DocumentType;

/**
 * minutes: recognises meeting minutes (declared, or undeclared but laid out as minutes) and
 * reads their meeting: date, place, chairs, agencies, agenda and action points.
 */
final class MinutesStage implements IngestStage {

    @Override
    public String name() {
        return "minutes";
    }

    @Override
    public boolean accepts(DocumentContext doc) {
        return doc.type == DocumentType.MINUTES || doc.type == null && MinutesReader.looksLikeMinutes(doc.text);
    }

    @Override
    public void process(DocumentContext doc) {
        doc.type = DocumentType.MINUTES;
        Meeting meeting = MinutesReader.read(doc.text, doc.sections);
        doc.meeting = meeting;
        if (doc.date == null || doc.request.date() == null && meeting.date() != null) {
            doc.date = meeting.date() != null ? meeting.date() : doc.date;
        }
        if (doc.organisation == null) {
            meeting.chairs().stream().map(Meeting.Person::organisation).filter(o -> o != null && !o.isBlank())
                    .findFirst().ifPresent(o -> doc.organisation = o);
        }
    }
}
