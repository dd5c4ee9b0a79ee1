package org.knowledgehub.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.knowledgehub.ontology.DocumentType;
import org.knowledgehub.ontology.Sensitivity;

/**
 * The files of a folder (or one file) as ingest sources. A {@code catalog.csv} in the folder
 * (columns path, type, title, organisation, date, sensitivity, language, and the consent record of
 * field notes: collectedFromPeople, informedConsent, consentPurpose, personalData) lists the documents and
 * their metadata; without one, every file is a document, typed by its folder (minutes/,
 * assessments/, field-notes/).
 */
final class FolderSources {

    static final String CATALOG = "catalog.csv";

    private FolderSources() {
    }

    static List<IngestService.Source> of(Path root, String agent) {
        if (Files.isRegularFile(root)) {
            Path file = root.toAbsolutePath().normalize();
            return List.of(source(file, file.getFileName().toString(), null, agent));
        }
        Path catalogFile = root.resolve(CATALOG);
        List<IngestService.Source> sources = new ArrayList<>();
        if (Files.isRegularFile(catalogFile)) {
            for (Map.Entry<String, Map<String, String>> e : readCatalog(catalogFile).entrySet()) {
                sources.add(source(root.resolve(e.getKey()).normalize(), e.getKey(), e.getValue(), agent));
            }
            return sources;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (!p.getFileName().toString().startsWith(".")) {
                    sources.add(source(p, relative, null, agent));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return sources;
    }

    private static IngestService.Source source(Path file, String name, Map<String, String> meta, String agent) {
        return new IngestService.Source(name, () -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IngestFailure(IngestFailure.Reason.INVALID, "file", "cannot read " + file + ": " + e.getMessage());
            }
            Map<String, String> m = meta == null ? Map.of() : meta;
            DocumentType type = m.containsKey("type") && !m.get("type").isBlank()
                    ? DocumentType.fromCode(m.get("type")).orElseThrow(() -> invalid(name, "type", m.get("type")))
                    : typeFromFolder(name);
            LocalDate date = null;
            if (m.containsKey("date") && !m.get("date").isBlank()) {
                try {
                    date = LocalDate.parse(m.get("date").strip());
                } catch (DateTimeParseException e) {
                    throw invalid(name, "date", m.get("date"));
                }
            }
            Sensitivity sensitivity = m.containsKey("sensitivity") && !m.get("sensitivity").isBlank()
                    ? Sensitivity.fromCode(m.get("sensitivity")).orElseThrow(() -> invalid(name, "sensitivity", m.get("sensitivity")))
                    : Sensitivity.PUBLIC;
            String language = blankToNull(m.get("language")) == null ? null : m.get("language").strip().toLowerCase(Locale.ROOT);
            if (language != null && !LanguageGuess.CODES.contains(language)) {
                throw invalid(name, "language", language);
            }
            ConsentRecord consent;
            try {
                consent = ConsentRecord.fromFields(m.get(ConsentRecord.COLLECTED_FROM_PEOPLE), m.get(ConsentRecord.INFORMED_CONSENT),
                        m.get(ConsentRecord.PURPOSE), m.get(ConsentRecord.PERSONAL_DATA)).orElse(null);
            } catch (IngestFailure e) {
                throw new IngestFailure(IngestFailure.Reason.INVALID, e.field(), CATALOG + " gives " + name + " an invalid consent record: "
                        + e.getMessage());
            }
            return new IngestRequest(bytes, name, blankToNull(m.get("title")), type, blankToNull(m.get("organisation")),
                    date, sensitivity, agent, Set.of(), Set.of(), consent, null, language);
        });
    }

    private static DocumentType typeFromFolder(String relativePath) {
        String first = relativePath.contains("/") ? relativePath.substring(0, relativePath.indexOf('/')) : "";
        return switch (first) {
            case "minutes" -> DocumentType.MINUTES;
            case "assessments" -> DocumentType.ASSESSMENT;
            case "field-notes" -> DocumentType.FIELD_NOTE;
            default -> null;
        };
    }

    private static Map<String, Map<String, String>> readCatalog(Path file) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                Map<String, String> meta = new HashMap<>(r.toMap());
                String path = meta.remove("path");
                if (path != null && !path.isBlank()) {
                    out.put(path.strip(), meta);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static IngestFailure invalid(String source, String column, String value) {
        return new IngestFailure(IngestFailure.Reason.INVALID, column,
                CATALOG + " gives " + source + " an invalid " + column + " '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
