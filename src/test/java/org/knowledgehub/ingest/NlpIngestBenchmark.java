package org.knowledgehub.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowledgehub.KnowledgeHubApplication;
import org.knowledgehub.nlp.CoreNlpEngine;
import org.knowledgehub.search.SearchService;
import org.knowledgehub.security.Caller;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The NLP cost benchmark ({@code bin/kh bench}): the demo corpus, repeated, ingested with NLP on
 * 1 and 2 worker threads, next to bare CoreNLP annotating the very texts the pipeline extracted,
 * on as many threads, in the same run. Also the model load time, whether search answers while
 * the models load, and the peak heap of this process (the service, twice, plus the bare runs).
 * It asserts nothing about time; the overhead ratio is what to watch (target: within 20%).
 */
@Tag("benchmark")
class NlpIngestBenchmark {

    private static final Path CORPUS = Path.of("corpus");

    /** Wall-clock and process CPU seconds of one timed step. */
    record Timing(double wall, double cpu) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f s (CPU %.1f s)", wall, cpu);
        }
    }

    /** Medians over the repetitions of bare CoreNLP and of the ingest, at one thread count. */
    record Run(int threads, int documents, long tokens, Timing bare, Timing ingest) {
        double wallOverhead() {
            return ingest.wall() / bare.wall() - 1;
        }

        double cpuOverhead() {
            return ingest.cpu() / bare.cpu() - 1;
        }
    }

    /** The text CoreNLP sees for one source, with the date that anchors its relative dates. */
    record Text(String text, LocalDate date) {
    }

    @Test
    void nlpIngestAgainstBareCoreNlp() throws Exception {
        int rounds = Integer.getInteger("kh.bench.nlp-rounds", 3);
        int repeats = Integer.getInteger("kh.bench.nlp-repeats", 2);
        HeapSampler heap = new HeapSampler();
        heap.start();
        List<IngestService.Source> sources = repeatedCorpus(rounds);
        List<Text> texts = sources.stream().map(NlpIngestBenchmark::extract).toList();

        long t0 = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        String startup;
        try (ConfigurableApplicationContext first = start(1)) {
            double started = seconds(t0);
            CoreNlpEngine engine = first.getBean(CoreNlpEngine.class);
            boolean loadingWhenAsked = !engine.ready();
            long s0 = System.nanoTime();
            first.getBean(SearchService.class).search(SearchService.Request.of("water"), Caller.ANONYMOUS);
            double searchMs = (System.nanoTime() - s0) / 1e6;
            while (!engine.ready()) {
                Thread.sleep(20);
            }
            startup = String.format(Locale.ROOT, "service started in %.1f s; models ready %.1f s after start-up began; "
                    + "a search %s answered in %.0f ms", started, seconds(t0),
                    loadingWhenAsked ? "while the models were still loading" : "(models already loaded)", searchMs);

            long tokens = annotate(engine, texts, 1); // warm-up: JIT, SUTime and NER caches
            runs.add(measure(first, engine, texts, sources, tokens, 1, rounds, repeats));
        }
        try (ConfigurableApplicationContext second = start(2)) {
            CoreNlpEngine engine = second.getBean(CoreNlpEngine.class);
            long tokens = annotate(engine, texts, 2);
            runs.add(measure(second, engine, texts, sources, tokens, 2, rounds, repeats));
        }
        heap.stop();
        String table = table(runs, startup, heap, rounds, repeats);
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target/benchmark-nlp.md"), table);
    }

    /**
     * Bare CoreNLP, then the ingest and bare CoreNLP again, {@code repeats} times, alternating so
     * that drift in a shared machine's speed falls on both sides; each ingest of fresh copies.
     */
    private Run measure(ConfigurableApplicationContext context, CoreNlpEngine engine, List<Text> texts,
                        List<IngestService.Source> sources, long tokens, int threads, int rounds, int repeats) {
        IngestService ingest = context.getBean(IngestService.class);
        List<Timing> bare = new ArrayList<>(List.of(time(() -> annotate(engine, texts, threads))));
        List<Timing> ingests = new ArrayList<>();
        for (int rep = 0; rep < repeats; rep++) {
            List<IngestService.Source> copies = renamed(sources, "x" + rep, rep * rounds);
            ingests.add(time(() -> {
                BulkReport report = ingest.ingestAll(copies, (done, total, source, outcome, failure) -> {
                    if (failure != null) {
                        throw new IllegalStateException(source + ": " + failure);
                    }
                });
                if (report.created() != copies.size()) {
                    throw new IllegalStateException("expected " + copies.size() + " new documents: " + report);
                }
            }));
            bare.add(time(() -> annotate(engine, texts, threads)));
        }
        System.out.printf(Locale.ROOT, "%d threads: bare CoreNLP %s; ingest %s%n", threads, bare, ingests);
        return new Run(threads, sources.size(), tokens, median(bare), median(ingests));
    }

    private static Timing time(Runnable step) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        step.run();
        return new Timing(seconds(t0), (os.getProcessCpuTime() - cpu0) / 1e9);
    }

    private static Timing median(List<Timing> timings) {
        double[] wall = timings.stream().mapToDouble(Timing::wall).sorted().toArray();
        double[] cpu = timings.stream().mapToDouble(Timing::cpu).sorted().toArray();
        return new Timing(median(wall), median(cpu));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Bare CoreNLP over the texts on {@code threads} threads; returns the number of tokens. */
    private static long annotate(CoreNlpEngine engine, List<Text> texts, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (Text t : texts) {
                counts.add(pool.submit(() -> engine.annotate(t.text(), t.date()).tokens().size()));
            }
            long tokens = 0;
            for (Future<Integer> c : counts) {
                tokens += c.get();
            }
            return tokens;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static ConfigurableApplicationContext start(int threads) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-nlp-" + threads + "-");
        return new SpringApplicationBuilder(KnowledgeHubApplication.class).run(
                "--kh.data-dir=" + data, "--spring.main.web-application-type=none", "--kh.ingest.load-corpus=false",
                "--kh.nlp.enabled=true", "--kh.search.embeddings=false", "--kh.ingest.threads=" + threads, "--kh.ingest.compact-waste=1",
                "--logging.level.root=warn", "--logging.level.org.knowledgehub=warn", "--spring.main.banner-mode=off");
    }

    /** The demo corpus {@code rounds} times, each copy under its own names and with its own bytes. */
    private static List<IngestService.Source> repeatedCorpus(int rounds) {
        List<IngestService.Source> corpus = FolderSources.of(CORPUS, "benchmark");
        List<IngestService.Source> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            out.addAll(renamed(corpus, "r" + r, r + 1));
        }
        return out;
    }

    /**
     * The same documents under another prefix, their bytes made distinct by trailing line breaks
     * (which change neither the extracted text nor its annotation) so none is skipped as already
     * ingested.
     */
    private static List<IngestService.Source> renamed(List<IngestService.Source> sources, String prefix, int lineBreaks) {
        byte[] tail = "\n".repeat(lineBreaks).getBytes(StandardCharsets.US_ASCII);
        return sources.stream().map(s -> new IngestService.Source(prefix + "/" + s.name(), () -> {
            IngestRequest q = s.request().get();
            byte[] bytes = Arrays.copyOf(q.bytes(), q.bytes().length + tail.length);
            System.arraycopy(tail, 0, bytes, q.bytes().length, tail.length);
            // Every field kept: a field note's consent record decides whether it may keep personal data.
            return new IngestRequest(bytes, prefix + "/" + q.sourceName(), q.title(), q.type(), q.organisation(), q.date(),
                    q.sensitivity(), q.agent(), q.sharedWith(), q.sharedWithSectors(), q.consent(), q.observation(), q.language());
        })).toList();
    }

    /** Runs the stages before annotate, as the pipeline does, to get the text CoreNLP is given. */
    private static Text extract(IngestService.Source source) {
        DocumentContext doc = new DocumentContext(source.request().get(), "bench", "bench", "bench", IngestProgress.NONE);
        for (IngestStage stage : List.of(new ParseStage(new DocumentParser(20_000_000, 100)), new SegmentStage(), new MinutesStage())) {
            if (stage.accepts(doc)) {
                stage.process(doc);
            }
        }
        return new Text(doc.text.text(), doc.date);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String table(List<Run> runs, String startup, HeapSampler heap, int rounds, int repeats) {
        StringBuilder sb = new StringBuilder();
        String xmx = ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xmx"))
                .findFirst().orElse("default max heap");
        sb.append(String.format(Locale.ROOT, "NLP benchmark: %d cores, JDK %s, %s; the demo corpus x %d; medians of %d ingests "
                        + "and %d bare CoreNLP runs alternating; %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), xmx, rounds, repeats, repeats + 1,
                startup));
        sb.append("| worker threads | documents | tokens | bare CoreNLP tokens/s (docs/s) | ingest with NLP tokens/s (docs/s) "
                + "| pipeline overhead on CoreNLP: wall clock | process CPU |\n|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            sb.append(String.format(Locale.ROOT, "| %d | %d | %,d | %,.0f (%.1f) | %,.0f (%.1f) | %+.0f%% | %+.0f%% |%n", r.threads(),
                    r.documents(), r.tokens(), r.tokens() / r.bare().wall(), r.documents() / r.bare().wall(),
                    r.tokens() / r.ingest().wall(), r.documents() / r.ingest().wall(), 100 * r.wallOverhead(), 100 * r.cpuOverhead()));
        }
        sb.append(String.format(Locale.ROOT, "%nPeak heap in use (sampled every 20 ms): %.2f GiB; live heap with the models loaded "
                + "(after a full GC): %.2f GiB%n", heap.peak() / (double) (1L << 30), heap.liveAfterGc() / (double) (1L << 30)));
        return sb.toString();
    }

    /** Samples the heap in use, to report the peak a run reaches. */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }

        long liveAfterGc() {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }
    }
}
