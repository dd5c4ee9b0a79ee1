package org.knowledgehub.ingest;

import org.knowledgehub.ontology.DocumentType;

/**
 * minutes: recognises meeting minutes (declared, or undeclared but laid out as minutes) and
 * reads their meeting: date, place, chairs, agencies, agenda and action points. The metadata
 * stage takes the document's date and publisher from the meeting.
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
    }
}
