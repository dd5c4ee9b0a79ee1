package org.knowledgehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knowledgehub.Http;
import org.knowledgehub.HubTest;
import tools.jackson.databind.JsonNode;

/** What operators and API users rely on: health, the OpenAPI description, Swagger UI, security headers. */
class ServiceEndpointsTest extends HubTest {

    @Test
    void healthIsUpWithTheStoreAndTheIndex() {
        JsonNode health = http().get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("store").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("index").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("index").get("details").get("passages").asInt()).isPositive();
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
    }
}
