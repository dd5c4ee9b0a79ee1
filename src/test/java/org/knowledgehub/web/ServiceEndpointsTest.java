package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators and API users rely on: health, the OpenAPI description, Swagger UI, security headers. */
class ServiceEndpointsTest extends HubTest {

    @Test
    void healthIsUpWithTheStoreAndTheIndex() {
        JsonNode health = http().get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("store").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("index").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("index").has("details")).as("details are for admins").isFalse();
        assertThat(health.toString()).doesNotContain(dataDir().toAbsolutePath().toString());
        JsonNode detailed = admin().get("/actuator/health").json();
        assertThat(detailed.get("components").get("index").get("details").get("passages").asInt()).isPositive();
        assertThat(detailed.get("components").get("store").get("details").get("graphs").asInt()).isPositive();
    }

    @Test
    void theApiIsDescribedWithOpenApiAndSwaggerUi() {
        JsonNode api = http().get("/v3/api-docs").json();
        assertThat(api.get("paths").has("/api/search")).isTrue();
        assertThat(api.get("paths").has("/api/documents")).isTrue();
        assertThat(api.get("paths").has("/sparql")).isTrue();
        Http.Response ui = http().get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger");
    }

    @Test
    void responsesCarrySecurityHeadersAndNoInternals() {
        Http.Response page = http().get("/");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        Http.Response missing = http().get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http().post("/api/search", "application/json", "{}".getBytes()).status()).isEqualTo(405);
        // A script with a token gets the method's answer, not a complaint about a form's CSRF token.
        Http.Response put = admin().json("PUT", "/id/area/LB2", "{}");
        assertThat(put.status()).as(put.toString()).isEqualTo(405);
        assertThat(put.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBrowserGetsTheProblemAsAPageAndScriptsAsJson() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : new String[]{"/questions/nosuchquestion", "/areas/LB99", "/no/such/page"}) {
            Http.Response page = http().get(path, "Accept", browser);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.text()).contains("id=\"problem-detail\"").contains("href=\"/questions\"").doesNotContain("\"type\":");
        }
        // The API answers problem+json whatever the client accepts; so do scripts that do not ask for HTML.
        assertThat(http().get("/api/questions/nosuchquestion", "Accept", browser).contentType()).startsWith("application/problem+json");
        assertThat(http().get("/questions/nosuchquestion").contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAcceptHeaderThatCannotBeReadGetsAProblemWithABody() {
        for (String path : new String[]{"/api/search?q=water", "/id/area/LB2", "/sparql?query=" + Http.enc("ASK {}")}) {
            Http.Response r = http().get(path, "Accept", "garbage");
            assertThat(r.status()).as(path).isBetween(400, 406);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("field").asString()).as(path).isEqualTo("Accept");
        }
    }

    @Test
    void requestsTheServerRefusesBeforeReadingThemGetProblemBodies() throws IOException {
        // Characters a URL may not hold, and a URL over the header size limit: refused by Tomcat itself.
        for (String target : new String[]{"/api/ask?q=a|b{c}", "/api/ask?q=" + "a".repeat(20_000)}) {
            String answer = raw(target);
            assertThat(answer).as(target.substring(0, 16)).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .doesNotContain("<html");
            assertThat(body(answer).get("type").asString()).isEqualTo("https://w3id.org/knowledge-hub/problems/bad-request");
        }
        // Parameters the container cannot decode: a 400 naming the parameter, not a 500.
        String undecodable = raw("/api/ask?q=%zz");
        assertThat(undecodable).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(body(undecodable).get("field").asString()).isEqualTo("q");
        assertThat(http().get("/api/search?q=water&area=%C0%AF").json().get("field").asString()).isEqualTo("area");
        assertThat(http().get("/api/ask?q=water").status()).as("the service carries on").isEqualTo(200);
    }

    /** A GET sent as written, for request lines an HTTP client library would refuse to send. */
    private String raw(String target) throws IOException {
        String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode body(String response) {
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        // a chunked body: its first line is the chunk's length
        if (!body.startsWith("{")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf('}') + 1);
        }
        return JsonMapper.builder().build().readTree(body);
    }
}
