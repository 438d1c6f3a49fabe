package org.claimauditor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST host records batch audits (not pre-screens) with the signed-in user and answers the history queries; run
 * on H2 and on PostgreSQL by its two subclasses. The second batch is the first with S-1008's MUE excess fixed, so the
 * diff between them is that claim's MUE finding and its money.
 */
abstract class HistoryApiContract {

    static final RequestPostProcessor BILLING = httpBasic("billing", "billing-pw");
    static final RequestPostProcessor AUDITOR = httpBasic("auditor", "auditor-pw");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-pw");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    JsonNode call(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static Set<String> keys(JsonNode results, String claimId) {
        Set<String> out = new HashSet<>();
        for (JsonNode r : results) {
            if (r.get("claimId").asText().equals(claimId)) {
                r.get("findings").forEach(f -> out.add(f.get("ruleId").asText() + "|" + f.get("lineNumbers")));
            }
        }
        return out;
    }

    @Test
    void batchesAreRecordedListedQueriedAndDiffed() throws Exception {
        String claims = Files.readString(Path.of("test-claims/samples/sample-claims.jsonl"));
        String fixed = claims.replace("\"procedureCode\":\"20610\",\"modifiers\":[\"RT\"],\"units\":3",
                "\"procedureCode\":\"20610\",\"modifiers\":[\"RT\"],\"units\":1");
        assertThat(fixed).isNotEqualTo(claims);
        int runsBefore = call(get("/api/v1/history/runs").with(AUDITOR)).size();

        JsonNode first = call(post("/api/v1/audits").with(AUDITOR).contentType(MediaType.APPLICATION_NDJSON).content(claims));
        JsonNode second = call(post("/api/v1/audits").with(AUDITOR).contentType(MediaType.APPLICATION_NDJSON).content(fixed));
        // a pre-screen is not recorded (auditor.history.record-pre-screen=false)
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON)
                .content(claims.lines().findFirst().orElseThrow())).andExpect(status().isOk());

        JsonNode runs = call(get("/api/v1/history/runs").with(AUDITOR));
        assertThat(runs.size()).isEqualTo(runsBefore + 2);
        String r2 = runs.get(0).get("runId").asText();
        String r1 = runs.get(1).get("runId").asText();
        assertThat(runs.get(0).get("origin").asText()).isEqualTo("REST");
        assertThat(runs.get(0).get("user").asText()).isEqualTo("auditor");
        assertThat(runs.get(0).get("claims").asLong()).isEqualTo(second.size());

        JsonNode detail = call(get("/api/v1/history/runs/" + r1).with(AUDITOR));
        assertThat(detail.at("/inputs/0/bytes").asLong()).isEqualTo(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(detail.at("/inputs/0/sha256").asText()).hasSize(64);

        Set<String> removed = keys(first, "S-1008");
        removed.removeAll(keys(second, "S-1008"));
        assertThat(removed).isNotEmpty();
        BigDecimal removedAmount = BigDecimal.ZERO;
        for (JsonNode r : first) {
            if (r.get("claimId").asText().equals("S-1008")) {
                for (JsonNode f : r.get("findings")) {
                    if (removed.contains(f.get("ruleId").asText() + "|" + f.get("lineNumbers")) && f.hasNonNull("amountAtRisk")) {
                        removedAmount = removedAmount.add(f.get("amountAtRisk").decimalValue());
                    }
                }
            }
        }
        JsonNode diff = call(get("/api/v1/history/diff").param("before", r1).param("after", r2).with(AUDITOR));
        assertThat(diff.get("claimsInBoth").asLong()).isEqualTo(first.size());
        assertThat(diff.get("rows")).allSatisfy(row -> assertThat(row.get("claimId").asText()).isEqualTo("S-1008"));
        assertThat(diff.get("rows").size()).isEqualTo(removed.size());
        assertThat(diff.get("netAmountMoved").decimalValue()).isEqualByComparingTo(removedAmount.negate());

        JsonNode claim = call(get("/api/v1/history/claims/S-1008").with(AUDITOR));
        assertThat(claim.size()).isGreaterThanOrEqualTo(2);
        assertThat(claim.get(claim.size() - 1).get("runId").asText()).isEqualTo(r2);

        String rule = removed.iterator().next().split("\\|")[0];
        JsonNode byRule = call(get("/api/v1/history/findings").param("rule", rule).param("payer", "MEDICARE")
                .param("provider", "1234567893").with(AUDITOR));
        assertThat(byRule.get("byRule")).singleElement().satisfies(t -> assertThat(t.get("ruleId").asText()).isEqualTo(rule));
        assertThat(byRule.get("rows")).allSatisfy(f -> assertThat(f.get("ruleId").asText()).isEqualTo(rule));

        // reading the history needs AUDITOR, COMPLIANCE or ADMIN; purging needs ADMIN
        mvc.perform(get("/api/v1/history/runs").with(BILLING)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/history/runs").param("olderThanDays", "1").with(AUDITOR)).andExpect(status().isForbidden());
        assertThat(call(delete("/api/v1/history/runs").param("olderThanDays", "1").with(ADMIN)).get("deleted").asInt()).isZero();
        mvc.perform(get("/api/v1/history/diff").param("before", r1).param("after", "nope").with(AUDITOR))
                .andExpect(status().isNotFound());
    }
}
