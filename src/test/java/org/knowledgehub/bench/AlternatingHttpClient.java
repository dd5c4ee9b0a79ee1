package org.knowledgehub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The comparison's HTTP client, in a JVM of its own so neither server shares its heap or JIT:
 * {@code AlternatingHttpClient REQUESTS WARMUP_SECONDS WARMUP_ROUNDS ROUNDS THREADS SECONDS}. REQUESTS has one
 * line per request, {@code row TAB side TAB accept TAB url}, the two sides of a pair on consecutive lines.
 * <p>
 * Warm-up first: for WARMUP_SECONDS, the pairs whose both sides answer within {@link #WARM_UP_AT_MOST_MS}
 * are sent over and over, alternately, untimed. Both servers compile their request paths as a
 * server in service has; a few rounds of 30 requests left the hub's deeper stack (MVC, security,
 * JSON) measured half-compiled at twice its warm latency. Each side gets the same requests.
 * <p>
 * Sequential: round after round, every pair is sent one side then the other, the side that goes
 * first swapped from pair to pair and round to round, so neither side runs on a warmer cache; one
 * line per measured request: {@code L row side ms}. Throughput: for each row and side in turn,
 * THREADS threads send that side's requests of the row in a loop for SECONDS; {@code T row side
 * requests seconds}, the seconds until the last request in flight returned. A response other than
 * 200, or an exchange that broke off (status -1), is printed as {@code E row side status} and not timed or counted.
 * <p>
 * Connections are kept open and reused, unless {@code -Dkh.bench.connection=new}: then every request asks
 * the server to close its connection ({@code Connection: close}, which the JDK's client sends only with
 * {@code -Djdk.httpclient.allowRestrictedHeaders=connection}), as a script that opens one per request does.
 */
public final class AlternatingHttpClient {

    private record Line(String row, String side, String accept, URI uri) {
    }

    private static final double WARM_UP_AT_MOST_MS = 200;
    private static final boolean NEW_CONNECTIONS = "new".equals(System.getProperty("kh.bench.connection"));
    // HTTP/1.1 for new connections: the HTTP/2 upgrade's own Connection header beside "close" is refused by Jetty (400).
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(NEW_CONNECTIONS ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2).build();

    private AlternatingHttpClient() {
    }

    public static void main(String[] args) throws Exception {
        List<Line> lines = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\t", 4);
            return new Line(f[0], f[1], f[2], URI.create(f[3]));
        }).toList();
        double warmupSeconds = Double.parseDouble(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        double seconds = Double.parseDouble(args[5]);

        warmUp(lines, warmupSeconds);

        for (int r = 0; r < warmup + rounds; r++) {
            for (int pair = 0; pair < lines.size() / 2; pair++) {
                boolean swap = (pair + r) % 2 == 1;
                for (int k = 0; k < 2; k++) {
                    Line line = lines.get(2 * pair + (swap ? 1 - k : k));
                    long t0 = System.nanoTime();
                    int status = send(line);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (status != 200) {
                        System.out.println("E\t" + line.row() + "\t" + line.side() + "\t" + status);
                    } else if (r >= warmup) {
                        System.out.println("L\t" + line.row() + "\t" + line.side() + "\t" + ms);
                    }
                }
            }
        }

        List<String> rows = lines.stream().map(Line::row).distinct().toList();
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            List<String> sides = lines.stream().map(Line::side).distinct().toList();
            for (int k = 0; k < sides.size(); k++) {
                String side = sides.get((k + r) % sides.size());
                List<Line> mine = lines.stream().filter(l -> l.row().equals(row) && l.side().equals(side)).toList();
                long t0 = System.nanoTime();
                long requests = throughput(mine, threads, seconds);
                System.out.println("T\t" + row + "\t" + side + "\t" + requests + "\t" + (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static void warmUp(List<Line> lines, double seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        boolean[] slow = new boolean[lines.size() / 2];
        while (System.nanoTime() < end) {
            for (int pair = 0; pair < slow.length && System.nanoTime() < end; pair++) {
                for (int k = 0; k < 2 && !slow[pair]; k++) {
                    long t0 = System.nanoTime();
                    send(lines.get(2 * pair + k));
                    slow[pair] = (System.nanoTime() - t0) / 1e6 > WARM_UP_AT_MOST_MS;
                }
            }
        }
    }

    /** Requests answered with 200 by {@code threads} threads looping over the lines for {@code seconds}. */
    private static long throughput(List<Line> lines, int threads, double seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; System.nanoTime() < end; i++) {
                        Line line = lines.get(i % lines.size());
                        int status = send(line);
                        if (status == 200) {
                            done.incrementAndGet();
                        } else {
                            System.out.println("E\t" + line.row() + "\t" + line.side() + "\t" + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        }
        return done.get();
    }

    /** The response's status, or -1 when the exchange broke off (a server that dropped the connection mid-answer). */
    private static int send(Line line) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(line.uri()).header("Accept", line.accept()).timeout(Duration.ofMinutes(2));
        if (NEW_CONNECTIONS) {
            request.header("Connection", "close");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException e) {
            System.err.println(line.side() + " " + line.row() + ": " + e);
            return -1;
        }
    }
}
