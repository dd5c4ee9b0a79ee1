package org.knowledgehub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's HTTP client, run in a JVM of its own so it does not share the server's heap,
 * threads and JIT: {@code HttpLatencyClient BASE WARMUP_ROUNDS ROUNDS PATH...}. Requests every path
 * in turn, round after round, and prints one line per measured request: path index, tab, ms.
 */
public final class HttpLatencyClient {

    private HttpLatencyClient() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int warmup = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> paths = Arrays.asList(args).subList(3, args.length);
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < warmup + rounds; r++) {
            for (int p = 0; p < paths.size(); p++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + paths.get(p))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long ns = System.nanoTime() - t0;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(paths.get(p) + " -> " + response.statusCode());
                }
                if (r >= warmup) {
                    out.append(p).append('\t').append(ns / 1e6).append('\n');
                }
            }
        }
        System.out.print(out);
    }
}
