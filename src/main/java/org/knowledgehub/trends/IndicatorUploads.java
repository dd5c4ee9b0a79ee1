package org.knowledgehub.trends;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.knowledgehub.Problems;
import org.knowledgehub.security.AuditTrail;
import org.knowledgehub.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded indicator table imported and audited: the same for the API and the import page. */
@Component
class IndicatorUploads {

    private final IndicatorImporter importer;
    private final AuditTrail audit;

    IndicatorUploads(IndicatorImporter importer, AuditTrail audit) {
        this.importer = importer;
        this.audit = audit;
    }

    /** The optional fields of an import, null or blank when absent; see {@link IndicatorImporter.Request}. */
    record Options(String format, String source, String year, String population, String sector, String sensitivity) {
    }

    ImportReport importFile(MultipartFile file, Options options, Caller caller) {
        if (file == null || file.isEmpty()) {
            throw Problems.invalid("file", file == null ? "the multipart part 'file' is missing" : "the file is empty");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport report = importer.importTable(new IndicatorImporter.Request(bytes, file.getOriginalFilename(),
                options.format(), options.source(), options.year(), options.population(), options.sector(),
                options.sensitivity(), caller.name()));
        audit.recordWrite(caller, "indicator.import", report.source(), report.tables().stream()
                .map(ImportReport.Table::graph).toList(), report.observations() + " observations");
        return report;
    }
}
