package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input over every endpoint: malformed bodies and files, hostile query syntax, path
 * traversal, wrong methods and headers, oversized inputs. No answer may be a 5xx or take a minute,
 * every 4xx carries a problem (JSON, or an HTML page when HTML was asked for), and the service
 * still searches afterwards.
 */
class HostileInputTest extends HubTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KH = "PREFIX kh: <https://w3id.org/knowledge-hub/ns#>\n";

    /** Text for q, a question or kh:search: Lucene syntax, unbalanced brackets, huge patterns. */
    private static final List<String> HOSTILE_TEXT = List.of(
            "w*a*t*e*r ".repeat(60).strip(), "w*a*t*e*r*w*a*t*e*r", "*", "?", "*water", "wat?r*", "w?????????r",
            "/wat.*r/", "/(a+)+$/", "water~", "water~2", "water~0.0001", "a".repeat(200) + "~", "\"water food\"~1000000",
            "\"water food\"~20", "\"unbalanced", "(water", "water)", "[a TO z]", "{a TO z}", "text:[* TO *]", "secret:yes",
            "title:", ":", "AND", "OR OR OR", "NOT", "+-water", "water^1000000", "water^-1", "\\", "\"\"", "()",
            "water AND (food OR (rent AND (debt OR (fuel AND (gas OR (oil))))))", "a ".repeat(499).strip(),
            "x".repeat(1001), "%00", "\u0000", "'; DROP TABLE passages; --", "\" } } SELECT * WHERE { ?s ?p ?o } #",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "\uD83D\uDCA7 water", "\u202Eretaw", "ماء",
            "x".repeat(64) + "*", "ab*cd*ef*gh*ij*kl", "water*~", "~water", "*:*", "_exists_:text", "text:/.*/");

    private static final List<String> HOSTILE_IDS = List.of(
            "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "....//....//etc", "a%00b", "x".repeat(3000), "%C0%AF", "'%20OR%201=1",
            "%3Cscript%3E", "-1", "99999999999999999999", "%20");

    private record Probe(String name, HttpRequest request, boolean wantsHtml) {
    }

    private final List<String> failures = new ArrayList<>();
    /** Hostile files that were read as documents after all (shown in the summary). */
    private final List<String> ingested = new ArrayList<>();
    private final Map<String, Integer> byClass = new TreeMap<>();
    private int sent;

    @Test
    void noHostileRequestGetsA5xxOrHangsAndEvery4xxIsAProblem() throws Exception {
        List<Probe> probes = new ArrayList<>();
        queries(probes);
        ids(probes);
        methodsAndHeaders(probes);
        bodies(probes);
        uploads(probes);
        for (Probe p : probes) {
            check(p);
        }
        for (String line : List.of("GET / HTTP/9.9", "GET /api/search?q=water HTTP/0.9", "BREW /api/search HTTP/1.1",
                "GET /../../etc/passwd HTTP/1.1", "GET /api/search?q=" + "w*a*t*e*r".repeat(2000) + " HTTP/1.1",
                "GET /api/search?q=water HTTP/1.1\r\nX-Injected: a\rb", "GET  HTTP/1.1", "\u0000\u0001\u0002")) {
            raw(line);
        }
        System.out.println("HostileInputTest: " + sent + " requests, statuses " + byClass + ", failures " + failures.size()
                + ", files ingested " + ingested);
        assertThat(failures).isEmpty();
        Http.Response normal = http().get("/api/search?q=water");
        assertThat(normal.status()).as("a normal search afterwards").isEqualTo(200);
        assertThat(normal.json().get("total").asInt()).isPositive();
    }

    @Test
    void eachLimitIsAProblemNamingItsField() throws Exception {
        expect(get("/api/search?q=" + Http.enc("w*a*t*e*r".repeat(60))), 400, "q", "at most 64 characters");
        expect(get("/api/search?q=" + Http.enc("w*a*t*e*r*w*a*t*e*r")), 400, "q", "at most 4 wildcards");
        expect(get("/api/search?q=" + Http.enc("\"water food\"~1000000")), 400, "q", "slop");
        expect(get("/api/search?q=" + Http.enc("a".repeat(200) + "~")), 400, "q", "64 characters");
        expect(get("/sparql?query=" + Http.enc(KH + "SELECT ?p { (?p ?s) kh:search \"w*a*t*e*r*w*a*t*e*r\" }")), 400, null,
                "at most 4 wildcards");
        Http.Response filtersAlone = http().get("/api/search?sensitivity=public");
        assertThat(filtersAlone.status()).as(filtersAlone.toString()).isEqualTo(200);
        assertThat(filtersAlone.json().get("total").asInt()).isPositive();
        byte[] random = new byte[20_000];
        new Random(22).nextBytes(random);
        expect(upload("random.html", random, Map.of()), 422, "file", "named as text/html");
        expect(upload("report.md", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), Map.of()), 422, "file", "application/pdf");
        expect(upload("bad.md", concat("# Zahlé\n\nCafé, prix, coût.\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xc3, 0x28}),
                Map.of()), 422, "file", "UTF-8");
        expect(upload("quotes.md", ("# Deep\n\n" + "> ".repeat(5000) + "water\n").getBytes(StandardCharsets.UTF_8), Map.of()),
                422, "file", "100 levels");
        expect(upload("lists.html", ("<html><body>" + "<ul><li>".repeat(5000) + "water</body></html>").getBytes(StandardCharsets.UTF_8),
                Map.of()), 422, "file", "100 levels");
        expect(upload("x".repeat(5000) + ".md", "# A\n\nwater\n".getBytes(StandardCharsets.UTF_8), Map.of()), 400, "file", "name");
    }

    private void expect(Probe p, int status, String field, String detail) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(p.request(), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(p.name() + " -> " + body).isEqualTo(status);
        JsonNode json = JSON.readTree(body);
        if (field != null) {
            assertThat(json.get("field").asString()).as(body).isEqualTo(field);
        }
        assertThat(json.get("detail").asString()).as(body).contains(detail);
    }

    private void queries(List<Probe> probes) {
        for (String text : HOSTILE_TEXT) {
            probes.add(get("/api/search?q=" + Http.enc(text)));
            probes.add(get("/api/ask?q=" + Http.enc(text)));
            String literal = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "");
            probes.add(get("/sparql?query=" + Http.enc(KH + "SELECT ?p { (?p ?s) kh:search \"" + literal + "\" }")));
        }
        probes.add(post("/sparql", "application/sparql-query",
                (KH + "SELECT ?p { ?p kh:search \"" + "w".repeat(3_000_000) + "\" }").getBytes(StandardCharsets.UTF_8)));
        probes.add(post("/api/search", "application/x-www-form-urlencoded", ("q=" + "w".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8)));
        for (String params : List.of("sensitivity=public", "type=minutes", "k=-1", "k=abc", "k=100000", "offset=999999999999",
                "from=2020-13-45", "from=2022&to=2020", "type=../../etc", "area=..%2F..", "sector=%00", "mode=vector",
                "mode=hybrid", "year=99999", "q=water&q=food", "q=water&sensitivity=top-secret", "q=water&area=LB2&sector=wash&k=1",
                "q=" + Http.enc("water") + "&organisation=" + "x".repeat(5000))) {
            probes.add(get("/api/search?" + params));
        }
        for (String params : List.of("", "q=", "q=water&k=0", "q=water&k=51", "q=water&kind=poem", "q=water&period=abc",
                "q=water&period=2020/2019/2018/2017", "q=water&area=ZZ99", "q=water&sector=" + "x".repeat(3000),
                "q=" + Http.enc("x".repeat(1001)))) {
            probes.add(get("/api/ask?" + params));
        }
        for (String sparql : List.of("SELECT * WHERE { ?s ?p ?o", "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
                "DROP ALL", "INSERT DATA { <a> <b> <c> }", "LOAD <file:///etc/passwd>",
                "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
                "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5", "SELECT (REGEX(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"(a+)+$\") AS ?x) {}",
                "DESCRIBE <file:///etc/passwd>", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3", "ASK { ?s ?p ?o }", "\u0000",
                "SELECT * WHERE { ?s ?p \"\\u0000\" }", "PREFIX : <" + "x".repeat(5000) + "> SELECT * {}")) {
            probes.add(get("/sparql?query=" + Http.enc(sparql)));
        }
        for (String update : List.of("DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <a> <b> <c> }", "LOAD <file:///etc/passwd>", "{{{")) {
            probes.add(post("/update", "application/sparql-update", update.getBytes(StandardCharsets.UTF_8)));
            probes.add(post("/update", "application/sparql-update", update.getBytes(StandardCharsets.UTF_8),
                    "Authorization", "Bearer " + ADMIN_TOKEN));
        }
        for (String trends : List.of("/api/trends", "/api/trends?indicator=../..", "/api/trends?indicator=below-smeb&area=%00",
                "/api/trends/compare", "/api/trends/compare?indicator=x&areas=" + "LB1,".repeat(500), "/api/trends/explain",
                "/api/trends/explain?indicator=below-smeb&year=abc", "/api/indicators?area=%27", "/api/observations?status=%3Cx%3E",
                "/api/observations?area=LB2&from=2020-02-30", "/api/questions?status=maybe", "/api/queries/..%2F..%2Fetc",
                "/trends?indicator=%3Cscript%3E", "/trends/explain?indicator=%00", "/questions?sector=" + "x".repeat(2000))) {
            probes.add(get(trends));
        }
    }

    private void ids(List<Probe> probes) {
        for (String id : HOSTILE_IDS) {
            for (String path : List.of("/api/documents/%s", "/api/documents/%s/original", "/api/documents/%s/text",
                    "/api/questions/%s", "/api/observations/%s", "/api/areas/%s", "/api/accounts/%s", "/api/queries/%s",
                    "/id/document/%s", "/id/%s")) {
                probes.add(get(path.formatted(id), "Authorization", "Bearer " + ADMIN_TOKEN));
            }
            probes.add(html("/areas/" + id));
            probes.add(html("/questions/" + id));
        }
    }

    private void methodsAndHeaders(List<Probe> probes) {
        for (String path : List.of("/api/search?q=water", "/api/ask?q=water", "/api/documents", "/api/questions", "/sparql",
                "/update", "/api/observations", "/api/indicators", "/", "/login", "/id/document/x")) {
            for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "PROPFIND")) {
                probes.add(new Probe(method + " " + path, builder(path).method(method, HttpRequest.BodyPublishers.ofString("x")).build(), false));
            }
        }
        for (String accept : List.of("application/x-nonsense", "*/*;q=abc", "text/html;;;", "application/json, text/html;q=-1",
                "x".repeat(5000), "image/png")) {
            for (String path : List.of("/api/search?q=water", "/sparql?query=" + Http.enc("ASK {}"), "/api/documents", "/id/document/x")) {
                probes.add(get(path, "Accept", accept));
            }
        }
        for (String auth : List.of("Bearer", "Bearer ", "Bearer " + "x".repeat(6000), "Basic !!!", "Basic " + "YTpi".repeat(1000),
                "Negotiate abc", "Bearer kh_' OR 1=1 --", "Basic Og==", "Digest username=\"a\"")) {
            probes.add(get("/api/me", "Authorization", auth));
            probes.add(get("/api/search?q=water", "Authorization", auth));
        }
        probes.add(get("/api/search?q=water", "Content-Type", "application/json; charset=ebcdic"));
        probes.add(get("/api/search?q=water", "Accept-Charset", "utf-42"));
        probes.add(get("/api/search?q=water", "Cookie", "JSESSIONID=" + "x".repeat(4000)));
    }

    private void bodies(List<Probe> probes) {
        String admin = "Bearer " + ADMIN_TOKEN;
        for (String body : List.of("", "{", "[]", "null", "\"text\"", "{\"text\":null}", "{\"text\":123}", "{\"text\":\"\"}",
                "{\"text\":\"" + "x".repeat(5000) + "\"}", "{\"text\":\"water?\",\"sectors\":\"wash\"}",
                "{\"text\":\"water?\",\"sectors\":[\"../../etc\"]}", "{\"text\":\"w*a*t*e*r\",\"sectors\":[\"wash\"],\"period\":\"abc\"}",
                "{\"__proto__\":{}}", "[".repeat(5000), "{\"a\":".repeat(3000))) {
            probes.add(post("/api/questions", "application/json", body.getBytes(StandardCharsets.UTF_8), "Authorization", admin));
            probes.add(post("/api/observations", "application/json", body.getBytes(StandardCharsets.UTF_8), "Authorization", admin));
        }
        for (String type : List.of("text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data",
                "multipart/form-data; boundary=", "application/x-www-form-urlencoded")) {
            probes.add(post("/api/questions", type, "{\"text\":\"water?\"}".getBytes(StandardCharsets.UTF_8), "Authorization", admin));
            probes.add(post("/api/documents", type, "garbage".getBytes(StandardCharsets.UTF_8), "Authorization", admin));
            probes.add(post("/sparql", type, "ASK {}".getBytes(StandardCharsets.UTF_8)));
        }
        probes.add(post("/api/questions", "application/json", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "Authorization", admin));
        probes.add(post("/api/observations/import", "multipart/form-data; boundary=x", "--x\r\nbroken".getBytes(StandardCharsets.UTF_8),
                "Authorization", admin));
        probes.add(post("/api/indicators/import", "multipart/form-data; boundary=x", "--x--\r\n".getBytes(StandardCharsets.UTF_8),
                "Authorization", admin));
        probes.add(post("/login", "application/x-www-form-urlencoded", ("username=" + "x".repeat(5000) + "&password=%zz")
                .getBytes(StandardCharsets.UTF_8)));
        probes.add(post("/questions", "application/x-www-form-urlencoded", "text=%00".getBytes(StandardCharsets.UTF_8), "Accept", "text/html"));
        probes.add(post("/api/me/tokens", "application/json", "{\"name\":".getBytes(StandardCharsets.UTF_8), "Authorization", admin));
        probes.add(new Probe("PUT /api/me/password", builder("/api/me/password").header("Authorization", admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"password\":1}")).build(), false));
        probes.add(new Probe("PATCH /api/accounts", builder("/api/accounts/" + ADMIN_ACCOUNT).header("Authorization", admin)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"roles\":\"god\"}")).build(), false));
    }

    private void uploads(List<Probe> probes) {
        byte[] random = new byte[20_000];
        new Random(22).nextBytes(random);
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = "# Visit to Zahlé\n\nThe café owner said prices rose.\n";
        byte[] invalidUtf8 = concat(utf8.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xe2, 0x28},
                "Ça coûte cher.\n".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("random.html", random);
        files.put("random.md", random);
        files.put("random.txt", random);
        files.put("random.pdf", random);
        files.put("random.docx", random);
        files.put("random.bin", random);
        files.put("report.md", pdf);
        files.put("report.txt", pdf);
        files.put("invalid-utf8.md", invalidUtf8);
        files.put("invalid-utf8.txt", invalidUtf8);
        files.put("quotes.md", ("# Deep\n\n" + "> ".repeat(5000) + "water\n").getBytes(StandardCharsets.UTF_8));
        files.put("quotes-tight.md", ("# Deep\n\n" + ">".repeat(5000) + " water\n").getBytes(StandardCharsets.UTF_8));
        files.put("lists.md", ("# Deep\n\n" + "- ".repeat(5000) + "water\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder indented = new StringBuilder("# Deep\n\n");
        for (int i = 0; i < 3000; i++) {
            indented.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        files.put("indented.md", indented.toString().getBytes(StandardCharsets.UTF_8));
        files.put("divs.html", ("<html><body>" + "<div><blockquote>".repeat(3000) + "water</body></html>").getBytes(StandardCharsets.UTF_8));
        files.put("unclosed.html", ("<html><body>" + "<ul><li>".repeat(5000) + "water").getBytes(StandardCharsets.UTF_8));
        files.put("tables.html", ("<table><tr><td>".repeat(3000) + "water").getBytes(StandardCharsets.UTF_8));
        files.put("markdown-html.md", ("# Deep\n\n" + "<blockquote>".repeat(5000) + "water").getBytes(StandardCharsets.UTF_8));
        files.put("nul.md", new byte[] {0, 0, 0, 0});
        files.put("bom-only.txt", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        files.put("zip.md", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        files.put("x".repeat(5000) + ".md", "# A\n\nwater\n".getBytes(StandardCharsets.UTF_8));
        files.put("", "# A\n\nwater\n".getBytes(StandardCharsets.UTF_8));
        files.put("empty.md", new byte[0]);
        files.put("token.txt", "w".repeat(3_000_000).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            probes.add(upload(f.getKey(), f.getValue(), Map.of()));
        }
        // Names that reach the source name, then a field refused before anything is ingested.
        for (String name : List.of("../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "a\u0000b.md", "CON.md",
                "%2e%2e%2fx.md", "a\";\r\nX-Injected: 1.md", "\u202Emd.exe")) {
            probes.add(upload(name, "# A\n\nwater\n".getBytes(StandardCharsets.UTF_8), Map.of("sensitivity", "bogus")));
        }
        for (Map.Entry<String, String> field : Map.of("type", "x".repeat(3000), "date", "2020-02-30", "organisation", "../..",
                "sharedWith", "%00", "source", "../../etc/passwd\u0000", "collectedFromPeople", "maybe").entrySet()) {
            probes.add(upload("a.md", random, Map.of(field.getKey(), field.getValue())));
        }
    }

    private void check(Probe p) {
        long start = System.nanoTime();
        HttpResponse<byte[]> r;
        try {
            r = CLIENT.send(p.request(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            failures.add(p.name() + ": no answer within 60 s");
            return;
        } catch (IOException e) {
            // The server may close a connection on a request it will not read; that is an answer too.
            count("closed");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int status = r.statusCode();
        count(status / 100 + "xx");
        String type = r.headers().firstValue("Content-Type").orElse("");
        String what = p.name() + " -> " + status + " " + type + " in " + ms + " ms: " + head(r.body());
        if (status < 300 && p.name().startsWith("upload")) {
            ingested.add(p.name());
        }
        if (status >= 500 && !((status == 503 || status == 429) && r.headers().firstValue("Retry-After").isPresent())) {
            failures.add(what);
        } else if (status >= 400 && !problem(type, r.body(), p.wantsHtml())) {
            failures.add("no problem body: " + what);
        }
    }

    private static boolean problem(String contentType, byte[] body, boolean wantsHtml) {
        if (wantsHtml && contentType.startsWith("text/html")) {
            return body.length > 0;
        }
        if (!contentType.startsWith("application/problem+json")) {
            return false;
        }
        JsonNode json = JSON.readTree(body);
        return json.hasNonNull("type") && json.hasNonNull("title") && json.hasNonNull("status");
    }

    /** A request line an HTTP client would refuse to send; the answer must not be a 5xx other than 505. */
    private void raw(String requestLine) throws IOException {
        sent++;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!answer.isEmpty() && !answer.startsWith("HTTP/")) {
                // An HTTP/0.9 answer, body only, to a request line without a version.
                count("0.9");
                if (!answer.startsWith("{\"type\"") || answer.contains("internal-error")) {
                    failures.add("no problem body: raw " + abbreviate(requestLine) + " -> " + abbreviate(answer));
                }
                return;
            }
            String status = answer.length() >= 12 ? answer.substring(9, 12) : "";
            count(status.isEmpty() ? "closed" : status.charAt(0) + "xx");
            if (status.startsWith("5") && !status.equals("505")) {
                failures.add("raw " + abbreviate(requestLine) + " -> " + status);
            } else if (!status.isEmpty() && status.charAt(0) >= '4') {
                if (!answer.contains("application/problem+json") || answer.contains("internal-error")) {
                    failures.add("no problem body: raw " + abbreviate(requestLine) + " -> " + abbreviate(answer));
                }
            }
        }
    }

    private Probe get(String path, String... headers) {
        HttpRequest.Builder b = builder(path);
        boolean html = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            html |= headers[i].equals("Accept") && headers[i + 1].contains("text/html");
        }
        return new Probe("GET " + abbreviate(path), b.GET().build(), html);
    }

    private Probe html(String path) {
        return new Probe("GET " + abbreviate(path) + " (html)", builder(path).header("Accept", "text/html").GET().build(), true);
    }

    private Probe post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = builder(path).header("Content-Type", contentType);
        boolean html = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            html |= headers[i].equals("Accept") && headers[i + 1].contains("text/html");
        }
        return new Probe("POST " + path + " " + contentType + " " + abbreviate(new String(body, StandardCharsets.UTF_8)),
                b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), html);
    }

    private Probe upload(String filename, byte[] content, Map<String, String> fields) {
        String boundary = "kh-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Charset utf8 = StandardCharsets.UTF_8;
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
                + v + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return new Probe("upload " + abbreviate(filename) + " " + fields.keySet(), builder("/api/documents")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), false);
    }

    private HttpRequest.Builder builder(String path) {
        sent++;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private void count(String key) {
        byClass.merge(key, 1, Integer::sum);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String head(byte[] body) {
        return abbreviate(new String(body, StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("[\\r\\n\\u0000]", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…(" + one.length() + ")" : one;
    }
}
