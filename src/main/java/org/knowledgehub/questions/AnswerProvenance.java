package org.knowledgehub.questions;

import java.util.HashMap;
import java.util.Map;

import org.knowledgehub.ingest.DocumentRecords;
import org.knowledgehub.ingest.DocumentSummary;
import org.knowledgehub.search.IndexedPassage;
import org.knowledgehub.search.SearchResponse;
import org.springframework.stereotype.Component;

/** The provenance chain of answers from passages: passage, section, document, graph, ingestion. */
@Component
class AnswerProvenance {

    private final DocumentRecords records;
    AnswerProvenance(DocumentRecords records) {
        this.records = records;
    }

    /** @param documents the documents read so far for one answer, which this adds to */
    Answer.Provenance of(IndexedPassage p, Map<String, DocumentSummary> documents) {
        DocumentSummary doc = documents.computeIfAbsent(p.documentId(), id -> records.summary(id).orElse(null));
        return new Answer.Provenance(new Answer.PassageRef(p.passageUri(), p.start(), p.end()),
                new SearchResponse.SectionRef(p.sectionUri(), p.sectionTitle()), SearchResponse.DocumentRef.of(p), p.graph(),
                doc == null ? null : new Answer.Ingestion(doc.ingestion(), doc.ingestedAt()));
    }

    /** A fresh cache of documents for one answer. */
    static Map<String, DocumentSummary> documents() {
        return new HashMap<>();
    }
}
