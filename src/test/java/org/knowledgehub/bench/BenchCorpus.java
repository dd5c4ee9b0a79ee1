package org.knowledgehub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.knowledgehub.ingest.BulkReport;
import org.knowledgehub.ingest.IngestRequest;
import org.knowledgehub.ingest.IngestService;
import org.knowledgehub.ontology.DocumentType;

/**
 * Realistic two-page documents (about 1,000 words in five sections) generated from the vocabulary
 * of the response, deterministic for a given seed so every run ingests the same corpus.
 */
final class BenchCorpus {

    private static final List<String> PLACES = List.of("Zahle", "Baalbek", "Bar Elias", "Arsal", "Tripoli", "Akkar", "Minieh-Danniyeh",
            "Saida", "Tyre", "Nabatieh", "Chouf", "Aley", "Metn", "Beirut", "Hermel", "West Bekaa", "Rachaya", "Jbeil");
    private static final List<String> ORGS = List.of("UNHCR", "WFP", "UNICEF", "NRC", "DRC", "Save the Children", "ACF", "Oxfam",
            "World Vision", "Caritas Lebanon", "Amel Association", "Medair", "IOM", "UNDP", "UN-Habitat", "Solidarites International");
    private static final List<String> TOPICS = List.of("water trucking", "latrine desludging", "rent", "evictions", "school enrolment",
            "school transport", "child labour", "debt", "food prices", "the food e-card", "multi-purpose cash", "legal residency",
            "work permits", "generator subscriptions", "power cuts", "fuel prices", "winter cash", "shelter conditions",
            "birth registration", "access to primary health care", "tensions with host communities", "daily wages");
    private static final List<String> GROUPS = List.of("Syrian refugee households", "Palestine refugees from Syria",
            "vulnerable Lebanese households", "migrant workers", "female-headed households", "households with a person with a disability");
    private static final List<String> VERBS = List.of("reported", "said", "explained", "observed", "confirmed", "noted");
    private static final List<String> TRENDS = List.of("rose sharply", "doubled", "fell", "remained stable", "increased by a third",
            "became the main concern", "was the first reason given");
    private static final List<String> CAUSES = List.of("the depreciation of the Lebanese pound", "the removal of fuel subsidies",
            "the loss of daily agricultural work", "COVID-19 movement restrictions", "landlords asking for rent in US dollars",
            "cuts in assistance", "the closure of the municipal water network", "the rise in transport costs");
    private static final List<String> SECTIONS = List.of("Background", "Findings", "Explanations from the field", "Inter-sector links",
            "Recommendations", "Follow-up");
    private static final List<String> TYPES = List.of("field-note", "assessment", "minutes", "other");

    private BenchCorpus() {
    }

    record Document(String name, String type, byte[] bytes) {
    }

    static Document document(int n, long seed) {
        Random r = new Random(seed * 1_000_003L + n);
        String place = pick(r, PLACES);
        String topic = pick(r, TOPICS);
        String type = TYPES.get(n % TYPES.size());
        StringBuilder md = new StringBuilder();
        md.append("# ").append(capitalise(topic)).append(" in ").append(place).append(": ").append(type.replace('-', ' '))
                .append(" ").append(n).append("\n\n");
        md.append("Organisation: ").append(pick(r, ORGS)).append(". Date: ").append(2019 + r.nextInt(5)).append("-")
                .append(String.format("%02d", 1 + r.nextInt(12))).append("-").append(String.format("%02d", 1 + r.nextInt(28)))
                .append(".\n\n");
        for (int s = 0; s < 5; s++) {
            md.append("## ").append(SECTIONS.get((s + n) % SECTIONS.size())).append("\n\n");
            int paragraphs = 2 + r.nextInt(2);
            for (int p = 0; p < paragraphs; p++) {
                int sentences = 4 + r.nextInt(3);
                for (int i = 0; i < sentences; i++) {
                    md.append(sentence(r, place)).append(' ');
                }
                md.append("\n\n");
            }
        }
        return new Document("bench/" + type + "/doc-" + n + ".md", type, md.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sentence(Random r, String place) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(r, ORGS) + " " + pick(r, VERBS) + " that " + pick(r, TOPICS) + " " + pick(r, TRENDS) + " among "
                    + pick(r, GROUPS) + " in " + place + " because of " + pick(r, CAUSES) + ".";
            case 1 -> (20 + r.nextInt(70)) + "% of " + pick(r, GROUPS) + " in " + pick(r, PLACES) + " " + pick(r, VERBS)
                    + " problems with " + pick(r, TOPICS) + " in the month before the visit.";
            case 2 -> "Partners in " + place + " linked " + pick(r, TOPICS) + " to " + pick(r, TOPICS) + ", which "
                    + pick(r, TRENDS) + " after " + pick(r, CAUSES) + ".";
            default -> "The " + pick(r, List.of("WASH", "Shelter", "Education", "Protection", "Food Security", "Livelihoods"))
                    + " sector asked " + pick(r, ORGS) + " to follow up on " + pick(r, TOPICS) + " with the municipality of "
                    + pick(r, PLACES) + ".";
        };
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The fixed query set: two to four words, as coordinators type them. */
    static final List<String> QUERIES = List.of("water trucking", "evictions rent dollars", "school transport",
            "child labour", "debt food prices", "legal residency", "work permits daily wages", "generator subscriptions power cuts",
            "food e-card", "winter cash", "shelter conditions Akkar", "tensions host communities", "fuel subsidies",
            "latrine desludging Bar Elias", "birth registration", "primary health care", "migrant workers Beirut",
            "female-headed households debt", "Palestine refugees", "depreciation Lebanese pound", "multi-purpose cash Zahle",
            "school enrolment Tripoli", "power cuts water network", "agricultural work", "COVID-19 restrictions",
            "rent increase Saida", "transport costs", "disability access", "municipality water", "wages Baalbek");

    /**
     * Writes the first {@code size} generated documents (seed 42) into a folder for {@code kh ingest},
     * with a {@code catalog.csv} giving each its type, as {@link #ingest} gives them.
     */
    static Path writeFolder(Path folder, int size) throws IOException {
        Files.createDirectories(folder);
        StringBuilder catalog = new StringBuilder("path,type\n");
        for (int n = 0; n < size; n++) {
            Document d = document(n, 42);
            Path file = folder.resolve(d.name());
            Files.createDirectories(file.getParent());
            Files.write(file, d.bytes());
            catalog.append(d.name()).append(',').append(d.type()).append('\n');
        }
        Files.writeString(folder.resolve("catalog.csv"), catalog);
        return folder;
    }

    /** Ingests the first {@code size} generated documents (seed 42) in bulk; a failure stops the benchmark. */
    static BulkReport ingest(IngestService ingest, int size) {
        List<IngestService.Source> sources = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            int i = n;
            sources.add(new IngestService.Source("doc-" + n, () -> {
                Document d = document(i, 42);
                return new IngestRequest(d.bytes(), d.name(), null, DocumentType.fromCode(d.type()).orElseThrow(), null,
                        null, null, "benchmark");
            }));
        }
        return ingest.ingestAll(sources, (done, total, source, outcome, failure) -> {
            if (failure != null) {
                throw new IllegalStateException(source + ": " + failure);
            }
        });
    }
}
