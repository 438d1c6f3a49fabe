package org.claimauditor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** auditor.limits.* reach the reader and the engine of the REST host: the same limits the CLI's options set. */
@WebMvcTest(controllers = AuditController.class)
@Import({AuditorConfig.class, SecurityConfig.class})
@TestPropertySource(locations = "classpath:robustness/security/users.properties",
        properties = {"auditor.ncci-dir=test-claims/ncci-sample", "auditor.limits.max-lines-per-claim=1",
                "auditor.limits.max-findings-per-claim=2"})
class ApiLimitsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void lineAndFindingLimitsFromPropertiesTurnClaimsIntoErrorResultsInTheirPlace() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("test-claims/samples/sample-claims.jsonl"));
        byte[] answer = mvc.perform(post("/api/v1/audits").with(httpBasic("auditor", "auditor-pw"))
                        .contentType(MediaType.APPLICATION_NDJSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode results = new ObjectMapper().readTree(answer);
        long claims = new String(body).lines().filter(l -> !l.isBlank()).count();
        assertThat(results).hasSize((int) claims);
        // S-1001 has two lines: over a limit of one
        JsonNode first = results.get(0);
        assertThat(first.get("claimId").asText()).isEqualTo("S-1001");
        assertThat(first.get("status").asText()).isEqualTo("ERROR");
        assertThat(first.get("error").asText()).contains("auditor.limits.max-lines-per-claim");
        boolean findingLimitHit = false;
        for (JsonNode r : results) {
            assertThat(r.get("findings").size()).isLessThanOrEqualTo(2);
            findingLimitHit |= r.get("error").asText("").contains("auditor.limits.max-findings-per-claim");
        }
        assertThat(findingLimitHit).as("a one-line claim with 3+ findings hits the findings limit").isTrue();
    }
}
