package org.knowledgehub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests against the real server: plain requests, forms and multipart uploads. */
public final class Http {

    /** How long a request may take; {@code -Dkh.test.http-timeout} (seconds) for benchmarks on a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("kh.test.http-timeout", 60));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    public Http(String base) {
        this(base, null);
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public Http withBearer(String token) {
        return new Http(base, "Bearer " + token);
    }

    /** HTTP Basic with an account's name and password. */
    public Http withBasic(String username, String password) {
        return new Http(base, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public String base() {
        return base;
    }

    /** A response with its body as bytes, text and (lazily) JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** A header's value; a header given on several lines, as one list ("Origin, Accept"). */
        public String header(String name) {
            java.util.List<String> values = headers.allValues(name);
            return values.isEmpty() ? null : String.join(", ", values);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text();
        }
    }

    public Response get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response post(String path, String contentType, byte[] body, String... headers) {
        return send(builder(path, headers).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A request with a JSON body and any method (POST, PUT, PATCH). */
    public Response json(String method, String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Any method, such as PUT or OPTIONS, with a body of {@code contentType} or none ({@code body} null). */
    public Response request(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = builder(path, headers);
        if (body == null) {
            return send(b.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postForm(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A multipart upload: a file part named {@code file} plus text fields. */
    public Response upload(String path, String filename, byte[] content, Map<String, String> fields) {
        String boundary = "kh-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        try {
            for (Map.Entry<String, String> f : ordered.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(TIMEOUT);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
