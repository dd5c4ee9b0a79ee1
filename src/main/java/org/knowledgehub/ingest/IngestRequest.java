package org.knowledgehub.ingest;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;

/**
 * A file to ingest and what its sender declared about it. Null fields are left for the
 * pipeline to work out (type from the content, title and date from the file).
 *
 * @param sourceName        the name the file arrived under; a new version of the same source
 *                          replaces the previous one
 * @param agent             who sent it, for provenance ("admin-token", "cli", "corpus", an account name)
 * @param sharedWith        IRIs of organisations the document is shared with
 * @param sharedWithSectors IRIs of sectors whose members may read the (restricted) document
 * @param consent           the consent record the sender declared, or null (documents other than
 *                          field notes and observations need none)
 * @param observation       what a field observation's contributor declared, or null for a document
 * @param language          the ISO 639-1 code of the text's language (en, fr or ar) the sender declared, or
 *                          null to have it guessed from the text
 */
public record IngestRequest(byte[] bytes, String sourceName, String title, DocumentType type,
                            String organisation, LocalDate date, Sensitivity sensitivity, String agent,
                            Set<String> sharedWith, Set<String> sharedWithSectors, ConsentRecord consent,
                            FieldObservation observation, String language) {

    public IngestRequest {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sourceName, "sourceName");
        sensitivity = sensitivity == null ? Sensitivity.PUBLIC : sensitivity;
        agent = agent == null ? "anonymous" : agent;
        sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
        sharedWithSectors = sharedWithSectors == null ? Set.of() : Set.copyOf(sharedWithSectors);
    }

    /** A document whose language is guessed from its text. */
    public IngestRequest(byte[] bytes, String sourceName, String title, DocumentType type, String organisation,
                         LocalDate date, Sensitivity sensitivity, String agent, Set<String> sharedWith,
                         Set<String> sharedWithSectors, ConsentRecord consent, FieldObservation observation) {
        this(bytes, sourceName, title, type, organisation, date, sensitivity, agent, sharedWith, sharedWithSectors, consent,
                observation, null);
    }

    /** A document shared with no one beyond what its sensitivity level allows. */
    public IngestRequest(byte[] bytes, String sourceName, String title, DocumentType type, String organisation,
                         LocalDate date, Sensitivity sensitivity, String agent) {
        this(bytes, sourceName, title, type, organisation, date, sensitivity, agent, Set.of(), Set.of(), null, null);
    }
}
