package org.knowledgehub.ingest;

import java.util.List;

import org.knowledgehub.nlp.EntityLinker;
import org.knowledgehub.nlp.Mention;
import org.knowledgehub.nlp.MentionType;

/**
 * link: mentions of places, organisations, sectors, population groups, indicators, dates,
 * quantities, persons and personal data, linked to the ontology where one fits. Works without
 * CoreNLP too (the gazetteer and the patterns need no model). The chairs and minute takers in the
 * header of minutes are the meeting's, not personal data.
 */
final class LinkStage implements IngestStage {

    private final EntityLinker linker;

    LinkStage(EntityLinker linker) {
        this.linker = linker;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public void process(DocumentContext doc) {
        List<Mention> mentions = linker.link(doc.text.text(), doc.named);
        if (doc.meeting != null) {
            int headerEnd = doc.meeting.headerEnd();
            mentions = mentions.stream().filter(m -> m.type() != MentionType.PERSON || m.start() >= headerEnd).toList();
        }
        doc.mentions = mentions;
        doc.named = null;
    }
}
