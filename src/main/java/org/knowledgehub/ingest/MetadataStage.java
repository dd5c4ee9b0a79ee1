package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.knowledgehub.nlp.Gazetteer;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.ReportSeries;
import org.knowledgehub.ontology.Sensitivity;

/**
 * metadata: the document's title, publishers, date, type and language, each from the best
 * evidence the document has, with a claim that says which evidence and how far it is trusted.
 * What the uploader declared wins over anything inferred.
 */
final class MetadataStage implements IngestStage {

    private final ReportSeries series;
    private final Gazetteer gazetteer;

    MetadataStage(ReportSeries series, Gazetteer gazetteer) {
        this.series = series;
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public void process(DocumentContext doc) {
        DocumentEvidence evidence = new DocumentEvidence(doc, series, gazetteer);
        List<MetadataClaim> claims = new ArrayList<>();

        MetadataClaim title = TitleInference.infer(evidence);
        doc.title = title.value();
        claims.add(title);

        List<MetadataClaim> publishers = PublisherInference.infer(evidence, doc.title);
        if (publishers.size() > 1 && doc.request.sensitivity() != Sensitivity.PUBLIC) {
            // A restricted document has one owner, whose members alone may read it.
            publishers = publishers.subList(0, 1);
        }
        doc.publishers = publishers.stream().map(MetadataClaim::value).toList();
        claims.addAll(publishers);

        DateInference.infer(evidence, doc.title, LocalDate.now()).ifPresent(date -> {
            doc.date = LocalDate.parse(DateInference.dayOf(date.value()));
            claims.add(date);
        });

        MetadataClaim type = TypeInference.infer(evidence, doc.title);
        doc.type = DocumentType.fromCode(type.value()).orElseThrow();
        claims.add(type);

        MetadataClaim language = doc.request.language() != null
                ? new MetadataClaim("language", doc.request.language(), MetadataClaim.DECLARED, 1.0)
                : LanguageGuess.infer(doc.text.text());
        doc.language = language.value();
        claims.add(language);
        doc.claims = List.copyOf(claims);
    }
}
