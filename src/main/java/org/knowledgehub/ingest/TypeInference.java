package org.knowledgehub.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

import org.knowledgehub.ontology.DocumentType;

/**
 * A document's type when its uploader did not say: minutes when they read as minutes, an
 * assessment report when it is an edition of an assessment series or its title says it assesses,
 * else other. Field notes and observations are never inferred: they must come with the consent
 * record that only their contributor can declare.
 */
final class TypeInference {

    /** Words of a title that make a document a tool of an assessment, not its report. */
    private static final Pattern TOOL = Pattern.compile(
            "(?i)\\b(template|checklist|check-list|questionnaire|guidance|guideline|form|tool|toolkit|terms of reference|tor)s?\\b");
    private static final Pattern ASSESSMENT = Pattern.compile(
            "(?i)\\b(assessment|survey|analysis|evaluation|needs overview|profiling|monitoring report)\\b");

    private TypeInference() {
    }

    static MetadataClaim infer(DocumentEvidence e, String title) {
        DocumentType declared = e.doc.request.type();
        if (declared != null) {
            return claim(declared, MetadataClaim.DECLARED, 1.0);
        }
        if (e.doc.meeting != null) {
            return claim(DocumentType.MINUTES, "minutes-layout", 0.9);
        }
        if (e.file.written() && e.file.type() != null) {
            var written = DocumentType.fromCode(e.file.type().toLowerCase(Locale.ROOT));
            if (written.isPresent() && !written.get().requiresConsent()) {
                return claim(written.get(), e.file.source(), 0.9);
            }
        }
        String named = title + " " + e.fileName;
        if (TOOL.matcher(named).find()) {
            return claim(DocumentType.OTHER, "title", 0.6);
        }
        if (e.seriesOfName.isPresent() && e.seriesOfName.get().type() != null) {
            return claim(e.seriesOfName.get().type(), "series", 0.8);
        }
        if (ASSESSMENT.matcher(named).find()) {
            return claim(DocumentType.ASSESSMENT, "title", 0.6);
        }
        return claim(DocumentType.OTHER, "default", 0.3);
    }

    private static MetadataClaim claim(DocumentType type, String method, double confidence) {
        return new MetadataClaim("type", type.code(), method, confidence);
    }
}
