package org.knowledgehub.ingest;

import org.knowledgehub.nlp.CoreNlpEngine;

/**
 * annotate: Stanford CoreNLP over the extracted text, piece by piece (tokens, sentences, parts of
 * speech, lemmas, named entities, dates normalised by SUTime and anchored on the document's date);
 * keeps the named entities. French and Arabic documents go through CoreNLP's French or Arabic
 * pipeline instead ({@link org.knowledgehub.nlp.LanguagePipeline}). Waits for the models when they
 * are still loading.
 */
final class AnnotateStage implements IngestStage {

    private final CoreNlpEngine engine;
    private final boolean enabled;

    AnnotateStage(CoreNlpEngine engine, boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return "annotate";
    }

    @Override
    public boolean accepts(DocumentContext doc) {
        return enabled;
    }

    @Override
    public void process(DocumentContext doc) {
        doc.named = engine.entities(doc.text.text(), doc.language, doc.date, doc.progress::annotated);
    }
}
