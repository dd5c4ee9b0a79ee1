package org.knowledgehub.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The rows of the demo corpus' catalog.csv: path, type, title, organisation, date, ... */
public final class DemoCatalog {

    private DemoCatalog() {
    }

    public static List<String[]> rows() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("corpus/catalog.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().stream()
                    .map(CSVRecord::values).toList();
        }
    }
}
