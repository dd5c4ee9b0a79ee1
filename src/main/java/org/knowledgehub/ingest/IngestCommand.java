package org.knowledgehub.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code knowledge-hub ingest PATH...}: ingests files and folders into the data folder, showing
 * progress (documents done, documents per second, time left) and ending with a summary (documents,
 * passages, seconds, failures with reasons).
 */
@Component
class IngestCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String NAME = "ingest";

    private final IngestService ingest;
    private int exitCode;

    IngestCommand(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.getFirst().equals(NAME)) {
            return;
        }
        PrintStream out = System.out;
        if (words.size() < 2) {
            out.println("usage: kh ingest FILE_OR_FOLDER...");
            exitCode = 2;
            return;
        }
        List<IngestService.Source> sources = new ArrayList<>();
        for (String arg : words.subList(1, words.size())) {
            Path path = Path.of(arg);
            if (!Files.exists(path)) {
                out.println("no such file or folder: " + arg);
                exitCode = 2;
                return;
            }
            sources.addAll(FolderSources.of(path, "cli"));
        }
        out.printf("Ingesting %d files%n", sources.size());
        IngestRate rate = new IngestRate();
        BulkReport report = ingest.ingestAll(sources, (done, total, source, outcome, failure) -> {
            String status = failure != null ? "FAILED  " + failure
                    : String.format("%-9s %s, %d passages", outcome.status().name().toLowerCase(), outcome.id(), outcome.passages());
            out.printf("%s  %s: %s%n", rate.after(done, total), source, status);
        });
        out.printf("%nDone: %d documents (%d new, %d replaced, %d unchanged), %d passages, %d triples in %.1f s (%d commits)%n",
                report.documents(), report.created(), report.replaced(), report.unchanged(), report.passages(),
                report.triples(), report.seconds(), report.commits());
        if (report.created() + report.replaced() > 0) {
            out.println("Merging the search index; compacting the store if earlier commits left enough behind...");
            ingest.compact();
        }
        if (!report.failures().isEmpty()) {
            out.printf("%d failures:%n", report.failures().size());
            report.failures().forEach(f -> out.printf("  %s: %s%n", f.source(), f.reason()));
            exitCode = 1;
        }
    }

    /** Seconds left as h:mm:ss (or m:ss under an hour). */
    @Override
    public int getExitCode() {
        return exitCode;
    }
}
