package org.claimauditor.web.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3 document of the REST API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). The audit
 * endpoints read their body as a stream in whichever format its media type names, so springdoc cannot infer the
 * bodies: they are described here, each media type with a sample claim from {@code classpath:openapi/}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI claimAuditorApi() {
        return new OpenAPI()
                .info(new Info().title("claim-auditor REST API")
                        .description("Pre-screen one claim, audit batches, read the rule catalog and payer policies, "
                                + "reload the rules. Sign in with HTTP Basic or an API token; roles per endpoint: "
                                + "docs/security.md.")
                        .license(new License().name("see the project's LICENSE")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token of auditor.security.tokens")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Request bodies with examples for the endpoints that take claims; only the REST API, not the pages. */
    @Bean
    OpenApiCustomizer claimBodies() {
        String claim = text("openapi/claim.json");
        String lines = text("openapi/claims.jsonl");
        String x12 = text("openapi/claim.837");
        String array = "[\n" + String.join(",\n", lines.strip().split("\n")) + "\n]";
        return api -> {
            api.getPaths().entrySet().removeIf(e -> !e.getKey().startsWith("/api/"));
            body(api, "/api/v1/claims/audit", "One claim: JSON, an X12 837 with exactly one CLM, or a FHIR R4 Claim",
                    List.of("application/json", "application/edi-x12", "application/fhir+json"),
                    Map.of("application/json", claim, "application/edi-x12", x12));
            String batch = "A batch: JSON array, JSON Lines, X12 837, FHIR R4 Bundle or CSV extract; "
                    + "a malformed claim gets an ERROR result in its place";
            Map<String, String> batchExamples = Map.of("application/json", array, "application/x-ndjson", lines,
                    "application/edi-x12", x12);
            List<String> batchTypes = List.of("application/json", "application/x-ndjson", "application/jsonl",
                    "application/edi-x12", "application/fhir+json", "text/csv");
            body(api, "/api/v1/audits", batch, batchTypes, batchExamples);
            body(api, "/api/v1/audits/reports", batch, batchTypes, batchExamples);
        };
    }

    private static void body(OpenAPI api, String path, String description, List<String> types,
                             Map<String, String> examples) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation post = item == null ? null : item.getPost();
        if (post == null) {
            return; // the endpoint is not in this document (a test slice without that controller)
        }
        // the Content-Type header is how the media type is chosen, not a parameter to fill in
        if (post.getParameters() != null) {
            post.getParameters().removeIf(p -> "Content-Type".equalsIgnoreCase(p.getName()));
        }
        Content content = new Content();
        for (String type : types) {
            MediaType media = new MediaType().schema(schemaFor(type));
            String example = examples.get(type);
            if (example != null) {
                media.addExamples("sample", new Example().summary("sample claim(s) of test-claims/")
                        .value(type.equals("application/json") ? json(example) : example));
            }
            content.addMediaType(type, media);
        }
        post.setRequestBody(new RequestBody().required(true).description(description).content(content));
    }

    private static Schema<?> schemaFor(String type) {
        return type.contains("json") && !type.contains("ndjson") && !type.contains("jsonl")
                ? new Schema<>().type("object").description("claim layout: docs/claim-input.md")
                : new StringSchema();
    }

    /** A JSON example as a JSON value, so Swagger UI shows it as an object and sends it as typed. */
    private static Object json(String text) {
        try {
            return new ObjectMapper().readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("bad JSON example", e);
        }
    }

    private static String text(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + resource + " in the jar", e);
        }
    }
}
