package org.knowledgehub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.knowledgehub.Http;

/** What a browser does that the plain test client does not: keep cookies, and send forms with the page's CSRF token. */
public final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient client;

    public BrowserSession(String base) {
        this(base, new CookieManager());
    }

    private BrowserSession(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same browser (its cookies) sent to another server of the same host: another replica behind a load balancer. */
    public BrowserSession at(String otherBase) {
        return new BrowserSession(otherBase, cookies);
    }

    public Http.Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public Http.Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Http.Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token of the forms on a page. */
    public static String csrfToken(Http.Response page) {
        Matcher m = CSRF.matcher(page.text());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page: " + page.text());
        }
        return m.group(1);
    }

    /** Signs in through the form, as a person would; the answer is the form's redirect. */
    public Http.Response signIn(String username, String password) {
        String token = csrfToken(get("/login"));
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private Http.Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Http.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
