package org.knowledgehub.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.knowledgehub.nlp.Mention;
import org.knowledgehub.nlp.NamedEntity;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.search.IndexedPassage;

/**
 * Everything the ingest stages know about one document, filled in stage by stage: the file and
 * its declared metadata, then its text, structure, meeting, RDF graphs and index records. From the
 * mask stage on, {@link #text}, {@link #title}, the sections, meeting and mentions hold the masked
 * text only.
 */
final class DocumentContext {

    final IngestRequest request;
    final String id;
    final String contentHash;
    /** Identifies this ingestion; the index must hold the same stamp as the graph. */
    final String stamp;
    final Instant startedAt = Instant.now();
    final IngestProgress progress;
    final List<String> stagesRun = new ArrayList<>();

    String mediaType;
    List<String> parsers = List.of();
    FileMetadata fileMetadata = FileMetadata.NONE;
    StructuredText text;
    String title;
    DocumentType type;
    LocalDate date;
    /** Names or IRIs of the organisations that publish the document, the owner first. */
    List<String> publishers = List.of();
    /** ISO 639-1 code of the text's language. */
    String language;
    /** Where each metadata value came from (metadata stage). */
    List<MetadataClaim> claims = List.of();
    List<Section> sections = List.of();
    List<Passage> passages = List.of();
    Meeting meeting;
    /** CoreNLP's named entities of the text, from annotate until link has used them; null when NLP is off. */
    List<NamedEntity> named;
    /** Names, dates, quantities and personal data in the text, linked where possible. */
    List<Mention> mentions = List.of();
    /** The text and title as extracted, when mask replaced personal data in them; else null. */
    String unmaskedText;
    String unmaskedTitle;
    /** The consent record the document carries (declared, or of unknown consent), or null. */
    ConsentRecord consent;
    Model graph;
    /** What only the owning organisation may read: the unmasked text; null when nothing was masked. */
    Model personalGraph;
    List<IndexedPassage> indexRecords = List.of();

    DocumentContext(IngestRequest request, String id, String contentHash, String stamp, IngestProgress progress) {
        this.request = request;
        this.progress = progress;
        this.id = id;
        this.contentHash = contentHash;
        this.stamp = stamp;
        this.type = request.type();
    }
}
