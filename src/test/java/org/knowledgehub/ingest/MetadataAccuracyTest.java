package org.knowledgehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.knowledgehub.ontology.ConceptLabels;
import org.knowledgehub.ontology.OrganisationDirectory;

/**
 * Title, publishers, date, type and language inferred from the 27 real documents of
 * ../shared/corpus, uploaded with nothing declared, against labels made by hand
 * (src/test/resources/metadata/shared-corpus-labels.tsv). Issue 23's target: each field right
 * for at least 90% of the documents. Skipped, saying so, where ../shared is absent.
 */
class MetadataAccuracyTest {

    static final Path SHARED_CORPUS = Path.of("../shared/corpus");
    static final List<String> FIELDS = List.of("title", "publishers", "date", "type", "language");

    record Label(String file, List<String> titles, String publishers, String date, String type, String language) {
    }

    @Test
    void metadataOfTheRealDocumentsIsRightForNineInTen() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED_CORPUS),
                "skipped: ../shared/corpus (the real documents) is not beside the project");
        OrganisationDirectory directory = new OrganisationDirectory(new ConceptLabels(Structure.ontology()), Structure.hub());
        Map<String, Integer> right = new LinkedHashMap<>();
        FIELDS.forEach(f -> right.put(f, 0));
        List<Label> labels = labels();
        for (Label label : labels) {
            Path file = SHARED_CORPUS.resolve(label.file());
            DocumentContext doc = Structure.of(new org.knowledgehub.ingest.IngestRequest(Files.readAllBytes(file),
                    file.getFileName().toString(), null, null, null, null, null, "test"));
            String publishers = publishers(doc, directory);
            String date = doc.date == null ? "-" : doc.date.toString();
            Map<String, Boolean> ok = Map.of(
                    "title", label.titles().stream().anyMatch(t -> fold(t).equals(fold(doc.title))),
                    "publishers", publishers.equals(label.publishers()),
                    "date", date.startsWith(label.date()),
                    "type", doc.type.code().equals(label.type()),
                    "language", label.language().equals(doc.language));
            ok.forEach((f, r) -> right.merge(f, r ? 1 : 0, Integer::sum));
            List<String> wrong = FIELDS.stream().filter(f -> !ok.get(f)).toList();
            System.out.printf(Locale.ROOT, "%-58s %s%n", label.file(), wrong.isEmpty() ? "ok" : "WRONG " + wrong
                    + " -> title=" + doc.title + " publishers=" + publishers + " date=" + date + " type=" + doc.type.code()
                    + " claims=" + doc.claims);
        }
        System.out.println("| field | right | of | share |");
        System.out.println("|---|---|---|---|");
        right.forEach((f, n) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f%% |%n", f, n, labels.size(), 100.0 * n / labels.size()));
        assertThat(labels).hasSize(27);
        right.forEach((f, n) -> assertThat(n).as(f + " right for at least 90%% of the documents").isGreaterThanOrEqualTo(
                (int) Math.ceil(0.9 * labels.size())));
    }

    /**
     * The same inference on the project's own demo corpus, against its catalog (what the
     * uploader declares when loading it): a second set, so that the rules are not tuned to the
     * real documents alone. The catalog names one organisation per document where a report has
     * several publishers, so a publisher is right when the catalog's is among those inferred; a
     * field note must be declared with its consent, so "other" is right for one.
     */
    @Test
    void metadataOfTheDemoCorpusAgreesWithItsCatalog() throws IOException {
        OrganisationDirectory directory = new OrganisationDirectory(new ConceptLabels(Structure.ontology()), Structure.hub());
        Map<String, Integer> right = new LinkedHashMap<>();
        List<String> fields = List.of("title", "publishers", "date", "type");
        fields.forEach(f -> right.put(f, 0));
        int n = 0;
        for (String[] row : DemoCatalog.rows()) {
            Path file = Path.of("corpus").resolve(row[0]);
            DocumentContext doc = Structure.of(new IngestRequest(Files.readAllBytes(file), file.getFileName().toString(),
                    null, null, null, null, null, "test"));
            String org = directory.resolve(row[3]).map(r -> r.getURI().substring(r.getURI().lastIndexOf('/') + 1)).orElse(row[3]);
            Map<String, Boolean> ok = Map.of(
                    "title", fold(row[2]).equals(fold(doc.title)),
                    "publishers", Arrays.asList(publishers(doc, directory).split(",")).contains(org),
                    "date", row[4].equals(String.valueOf(doc.date)),
                    "type", row[1].equals(doc.type.code()) || row[1].equals("field-note") && doc.type.code().equals("other"));
            ok.forEach((f, r) -> right.merge(f, r ? 1 : 0, Integer::sum));
            n++;
            List<String> wrong = fields.stream().filter(f -> !ok.get(f)).toList();
            System.out.printf(Locale.ROOT, "%-62s %s%n", row[0], wrong.isEmpty() ? "ok" : "WRONG " + wrong
                    + " -> title=" + doc.title + " publishers=" + publishers(doc, directory) + " date=" + doc.date
                    + " type=" + doc.type.code() + " " + doc.claims);
        }
        int documents = n;
        System.out.println("| field (demo corpus) | right | of | share |");
        right.forEach((f, r) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f%% |%n", f, r, documents, 100.0 * r / documents));
        right.forEach((f, r) -> assertThat(r).as(f).isGreaterThanOrEqualTo((int) Math.ceil(0.8 * documents)));
    }

    private static String publishers(DocumentContext doc, OrganisationDirectory directory) {
        TreeSet<String> ids = new TreeSet<>();
        for (String p : doc.publishers) {
            ids.add(directory.resolve(p).map(r -> r.getURI().substring(r.getURI().lastIndexOf('/') + 1)).orElse(p));
        }
        return ids.isEmpty() ? "-" : String.join(",", ids);
    }

    private static String fold(String title) {
        return title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static List<Label> labels() throws IOException {
        try (InputStream in = MetadataAccuracyTest.class.getResourceAsStream("/metadata/shared-corpus-labels.tsv")) {
            List<Label> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Label(f[0], Arrays.stream(f[1].split(" \\| ")).map(String::strip).toList(), f[2], f[3], f[4], f[5]));
            }
            return out;
        }
    }
}
