package org.knowledgehub.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.knowledgehub.HubProperties;
import org.knowledgehub.Problems;
import org.knowledgehub.TextInput;
import org.knowledgehub.ontology.Schemes;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.store.KnowledgeStore;
import org.knowledgehub.store.Uris;
import org.knowledgehub.tables.CsvText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports indicator tables: reads the file in its layout, interprets its values, and writes each
 * table as one dataset in a named graph of its own, {@code graph/indicators/{source}/{table}},
 * all tables of a file in one transaction. Importing the same table of the same source again
 * replaces nothing: the new import is a further edition in a graph of its own
 * ({@code {table}-edition-2}, ...), and the trends take the latest import as the headline value.
 */
@Component
class IndicatorImporter {

    private static final Logger log = LoggerFactory.getLogger(IndicatorImporter.class);
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final int MAX_NAME = 255;
    private static final int MAX_SOURCE = 300;
    private static final int REASONS_IN_DETAIL = 5;

    private final TableInterpreter interpreter;
    private final AreaResolver areas;
    private final KnowledgeStore store;
    private final Uris uris;
    private final IndicatorProperties properties;
    private final String indicatorScheme;

    IndicatorImporter(TableInterpreter interpreter, AreaResolver areas, KnowledgeStore store, Uris uris,
                      IndicatorProperties properties, HubProperties hub) {
        this.interpreter = interpreter;
        this.areas = areas;
        this.store = store;
        this.uris = uris;
        this.properties = properties;
        this.indicatorScheme = Schemes.indicators(hub.base());
    }

    /**
     * An upload as received; optional fields are null or blank when absent.
     *
     * @param agent who imports: the caller's name, or "corpus" for the demo tables
     */
    record Request(byte[] bytes, String fileName, String format, String source, String year, String population,
                   String sector, String sensitivity, String agent) {
    }

    ImportReport importTable(Request r) {
        Instant started = Instant.now();
        String fileName = fileName(r.fileName());
        String source = blank(r.source()) ? fileName : TextInput.line("source", r.source(), MAX_SOURCE);
        Integer year = blank(r.year()) ? null : year(r.year());
        String population = blank(r.population()) ? null : interpreter.population(r.population())
                .orElseThrow(() -> Problems.invalid("population", "population must be a population group code such as "
                        + "syrian-refugees, got '" + abbreviate(r.population()) + "'")).getURI();
        String sector = blank(r.sector()) ? null : interpreter.sector(r.sector())
                .orElseThrow(() -> Problems.invalid("sector", "sector must be a sector code such as food-security, got '"
                        + abbreviate(r.sector()) + "'")).getURI();
        Sensitivity sensitivity = blank(r.sensitivity()) ? Sensitivity.PUBLIC : Sensitivity.fromCode(r.sensitivity())
                .orElseThrow(() -> Problems.invalid("sensitivity", "sensitivity must be one of public, restricted, confidential"));
        TableFormat format = format(r);
        List<ReadTable> tables;
        if (format == TableFormat.VAULT) {
            if (year == null) {
                year = yearInName(fileName).orElseThrow(() -> Problems.invalid("year",
                        "a vault workbook gives no year and its file name names none: send the year of the round"));
            }
            tables = VaultReader.read(r.bytes(), areas::levels);
        } else {
            CsvText csv = CsvText.of(r.bytes());
            tables = List.of(format == TableFormat.LONG ? LongCsvReader.read(fileName, csv) : HxlReader.read(fileName, csv));
        }
        List<TableInterpreter.Interpreted> interpreted = new ArrayList<>();
        int total = 0;
        for (ReadTable t : tables) {
            TableInterpreter.Interpreted i = interpreter.interpret(t, year, population);
            interpreted.add(i);
            total += i.observations().size();
            if (total > properties.maxObservations()) {
                throw Problems.payloadTooLarge("file", "the file holds more than " + properties.maxObservations()
                        + " values (kh.indicators.max-observations)");
            }
        }
        List<ImportReport.Skipped> skipped = interpreted.stream().flatMap(i -> i.skipped().stream())
                .map(x -> new ImportReport.Skipped(tableName(format, fileName, x.table()), x.row(), x.column(), x.reason()))
                .toList();
        if (total == 0) {
            throw Problems.unprocessable("file", "no indicator values could be read from the file"
                    + (skipped.isEmpty() ? "" : ": " + String.join("; ", skipped.stream().limit(REASONS_IN_DETAIL)
                    .map(IndicatorImporter::describe).toList())));
        }
        String sourceSlug = Slugs.of(source);
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        List<Edition> editions = new ArrayList<>();
        Map<String, ImportReport.CreatedIndicator> created = new LinkedHashMap<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (TableInterpreter.Interpreted i : interpreted) {
            unresolved.addAll(i.unresolvedAreas());
            if (i.observations().isEmpty()) {
                continue;
            }
            String tableName = tableName(format, fileName, i.table().name());
            editions.add(new Edition(i, tableName, Slugs.of(format == TableFormat.VAULT ? stem + "-" + i.table().name() : stem)));
            i.created().values().forEach(c -> created.putIfAbsent(c.iri(), new ImportReport.CreatedIndicator(c.code(), c.iri(), c.label())));
        }
        List<ImportReport.Table> reported = write(editions, (dataset, e) -> new TableGraph.Provenance(dataset, source, fileName,
                e.tableName(), format, sensitivity, sector, uris.agent(r.agent()), started, Instant.now()), sourceSlug);
        log.info("Imported {} ({}, source '{}'): {} observations in {} tables, {} skipped, {} indicators created",
                fileName, format.code(), source, total, reported.size(), skipped.size(), created.size());
        return new ImportReport(format, source, total, reported, skipped, List.copyOf(unresolved), List.copyOf(created.values()));
    }

    /** A table as the report and the dataset name it: the file, and for a workbook the sheet. */
    private static String tableName(TableFormat format, String fileName, String table) {
        return format == TableFormat.VAULT ? fileName + ", sheet " + table : fileName;
    }

    /** A table to write as a new edition. */
    private record Edition(TableInterpreter.Interpreted table, String tableName, String tableSlug) {
    }

    /** Writes each table in the first graph of its source and table no import holds yet: an earlier edition stays as it is. */
    private synchronized List<ImportReport.Table> write(List<Edition> editions,
                                                        BiFunction<String, Edition, TableGraph.Provenance> provenance, String sourceSlug) {
        List<ImportReport.Table> reported = new ArrayList<>();
        try (KnowledgeStore.WriteTransaction tx = store.beginWrite()) {
            for (Edition e : editions) {
                String slug = e.tableSlug();
                for (int n = 2; tx.holds(uris.indicatorGraph(sourceSlug, slug)); n++) {
                    slug = e.tableSlug() + "-edition-" + n;
                }
                String dataset = uris.dataset(sourceSlug, slug);
                Node graph = uris.indicatorGraph(sourceSlug, slug);
                tx.replaceGraph(graph, TableGraph.of(e.table(), provenance.apply(dataset, e), indicatorScheme));
                reported.add(new ImportReport.Table(e.tableName(), dataset, graph.getURI(), e.table().observations().size()));
            }
            tx.commit();
        }
        return reported;
    }

    private static TableFormat format(Request r) {
        boolean workbook = TableFormat.isWorkbook(r.bytes());
        if (!blank(r.format())) {
            TableFormat f = TableFormat.fromCode(r.format())
                    .orElseThrow(() -> Problems.invalid("format", "format must be one of vault, long, hxl"));
            if (workbook != (f == TableFormat.VAULT)) {
                throw Problems.invalid("format", workbook ? "the file is a workbook: its format is vault"
                        : "the file is not a workbook (XLSX or XLS), so it cannot be read as vault");
            }
            return f;
        }
        if (workbook) {
            return TableFormat.VAULT;
        }
        return TableFormat.ofCsv(CsvText.of(r.bytes())).orElseThrow(() -> Problems.invalid("format",
                "the layout of the file was not recognised: a long CSV has the columns "
                        + String.join(", ", LongCsvReader.REQUIRED) + ", an HXL CSV a row of hashtags; "
                        + "send format (vault, long or hxl) to say which it is"));
    }

    static Optional<Integer> yearInName(String fileName) {
        Matcher m = YEAR_IN_NAME.matcher(fileName);
        return m.find() ? Optional.of(Integer.parseInt(m.group())) : Optional.empty();
    }

    private static int year(String text) {
        String y = text.strip();
        if (!y.matches("\\d{4}") || Integer.parseInt(y) < 1900 || Integer.parseInt(y) > 2100) {
            throw Problems.invalid("year", "year must be a year such as 2020, got '" + abbreviate(y) + "'");
        }
        return Integer.parseInt(y);
    }

    private static String fileName(String raw) {
        if (blank(raw)) {
            throw Problems.invalid("file", "the file has no name");
        }
        String name = raw.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            throw Problems.invalid("file", "the file name '" + abbreviate(raw) + "' is not usable");
        }
        return TextInput.line("file", name, MAX_NAME);
    }


    private static String describe(ImportReport.Skipped s) {
        return (s.row() == null ? "" : "row " + s.row() + ": ") + (s.column() == null ? "" : s.column() + ": ") + s.reason();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
