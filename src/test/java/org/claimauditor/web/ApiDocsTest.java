package org.claimauditor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document and Swagger UI: any signed-in role, never anonymous; sample bodies per media type. */
@WebAppTest
class ApiDocsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theDocumentDescribesTheClaimBodiesWithSamples() throws Exception {
        HttpResponse<String> r = get("/v3/api-docs", "billing", "billing-pw");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(r.body());
        JsonNode body = doc.at("/paths/~1api~1v1~1claims~1audit/post/requestBody/content");
        assertThat(body.at("/application~1json/examples/sample/value/claimId").asText()).isEqualTo("S-1001");
        assertThat(body.at("/application~1edi-x12/examples/sample/value").asText()).startsWith("ISA*");
        assertThat(body.has("application/fhir+json")).isTrue();
        JsonNode batch = doc.at("/paths/~1api~1v1~1audits/post/requestBody/content");
        assertThat(batch.at("/application~1json/examples/sample/value/0/claimId").asText()).isEqualTo("S-1001");
        assertThat(batch.has("text/csv")).isTrue();
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        // the document is of the REST API only, not of the pages
        doc.get("paths").fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/v1/"));
    }

    @Test
    void anonymousCallersAreRefusedAndSwaggerUiServesItsBundledAssets() throws Exception {
        assertThat(get("/v3/api-docs", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/swagger-ui.html", null, null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> ui = get("/swagger-ui/index.html", "compliance", "compliance-pw");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js").doesNotContain("https://");
        assertThat(get("/swagger-ui/swagger-ui-bundle.js", "compliance", "compliance-pw").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
