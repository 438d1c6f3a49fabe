package org.claimauditor.api;

import org.claimauditor.pipeline.source.ClaimFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Web slice over the real shipped rules, signed in with the role each endpoint needs (SecurityTest: the roles). */
@ApiSlice
class AuditControllerTest {

    static final RequestPostProcessor BILLING = httpBasic("billing", "billing-pw");
    static final RequestPostProcessor AUDITOR = httpBasic("auditor", "auditor-pw");
    static final RequestPostProcessor COMPLIANCE = httpBasic("compliance", "compliance-pw");

    static final String CLAIM = """
            {"claimId":"C-1","claimType":"PROFESSIONAL","payerId":"MEDICARE",
             "patient":{"id":"P-1","birthDate":"1958-04-02","sex":"F"},"billingProvider":{"npi":"1234567893"},
             "placeOfService":"11","diagnoses":["E11.9"],
             "lines":[{"lineNumber":1,"serviceDate":"2026-08-03","procedureCode":"99213","units":UNITS,"charge":45.00,
                       "diagnosisPointers":[1]}]}""";

    @Autowired
    MockMvc mvc;

    static String claim(String units) {
        return CLAIM.replace("UNITS", units);
    }

    @Test
    void preScreensOneClaim() throws Exception {
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON).content(claim("0")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claimId").value("C-1"))
                .andExpect(jsonPath("$.status").value("REJECT"))
                .andExpect(jsonPath("$.findings[0].ruleId").value("CLAIM-UNITS-MIN"))
                .andExpect(jsonPath("$.findings[0].lineNumbers[0]").value(1))
                .andExpect(jsonPath("$.findings[0].amountAtRisk").value(45.00))
                .andExpect(jsonPath("$.findings[0].groupCode").value("CO"))
                .andExpect(jsonPath("$.findings[0].carc").value("16"))
                .andExpect(jsonPath("$.findings[0].rarc[0]").value("M53"))
                .andExpect(jsonPath("$.ruleSetVersion").isNotEmpty());
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON).content(claim("1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PASS"))
                .andExpect(jsonPath("$.findings", hasSize(0)));
    }

    @Test
    void malformedClaimIsAProblemNamingThePath() throws Exception {
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON).content(claim("\"one\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.path").value("$.lines[0].units"));
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON)
                        .content(claim("1").replace("\"payerId\"", "\"payer\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.path").value("$.payer"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unknown field 'payer'")));
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON).content("{\"claimId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("request:1:")));
    }

    @Test
    void batchOfNGivesNResultsWithErrorsInPlace() throws Exception {
        String array = "[" + claim("1") + "," + claim("[]") + "," + claim("0").replace("C-1", "C-3") + "]";
        mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(MediaType.APPLICATION_JSON).content(array))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].status").value("PASS"))
                .andExpect(jsonPath("$[1].status").value("ERROR"))
                .andExpect(jsonPath("$[1].error").value(org.hamcrest.Matchers.containsString("$.lines[0].units")))
                .andExpect(jsonPath("$[2].claimId").value("C-3"))
                .andExpect(jsonPath("$[2].status").value("REJECT"));
        String jsonl = claim("1").replace("\n", "") + "\n{broken\n" + claim("2").replace("\n", "") + "\n";
        mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(MediaType.APPLICATION_NDJSON).content(jsonl))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[1].status").value("ERROR"));
    }

    @Test
    void batchReportsComeAsAZip() throws Exception {
        String array = "[" + claim("1") + "," + claim("0").replace("C-1", "C-2") + "]";
        byte[] zip = mvc.perform(post("/api/v1/audits/reports").with(AUDITOR)
                        .contentType(MediaType.APPLICATION_JSON).content(array))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andReturn().getResponse().getContentAsByteArray();
        java.util.Map<String, String> entries = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        org.assertj.core.api.Assertions.assertThat(entries.keySet()).containsExactly("audit-results.json",
                "audit-run.json", "claim-summaries.csv", "claim-summaries.json", "compliance-report.csv", "compliance-report.html",
                "compliance-report.json", "error-report.csv", "error-report.json");
        org.assertj.core.api.Assertions.assertThat(entries.get("error-report.csv")).contains("C-2").contains("CLAIM-UNITS-MIN");
        org.assertj.core.api.Assertions.assertThat(entries.get("compliance-report.json")).contains("\"read\" : 2").contains("\"cleanClaimRate\" : 0.5000");
    }

    @Test
    void listsThePayerPolicies() throws Exception {
        mvc.perform(get("/api/v1/payers").with(COMPLIANCE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defaultPayer").value("MEDICARE"))
                .andExpect(jsonPath("$.policies[?(@.file=='acme.yaml')].payers[0]", hasItem("ACME")))
                .andExpect(jsonPath("$.policies[?(@.file=='acme.yaml')].entries[*].id", hasItem("ACME-BUNDLE-001")))
                .andExpect(jsonPath("$.policies[?(@.file=='medicare.yaml')].isDefault", hasItem(true)))
                .andExpect(jsonPath("$.policies[?(@.file=='acme.yaml')].entries[?(@.id=='ACME-FREQ-001')].remittance.groupCode",
                        hasItem("PR")));
    }

    @Test
    void listsTheCatalogAndReloads() throws Exception {
        mvc.perform(get("/api/v1/rules").with(COMPLIANCE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[*].id", hasItem("CLAIM-UNITS-MIN")))
                .andExpect(jsonPath("$.rules[?(@.id=='CLAIM-UNITS-MIN')].category", hasItem("CLAIM_DATA")))
                .andExpect(jsonPath("$.rules[?(@.id=='CLAIM-UNITS-MIN')].doc", hasItem("docs/CLAIM-UNITS-MIN.md")))
                .andExpect(jsonPath("$.rules[?(@.id=='NCCI-PTP-PAIR')].remittance.carc", hasItem("236")));
        mvc.perform(post("/api/v1/rules/reload").with(COMPLIANCE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reloaded").value(true));
    }

    /** The REST body goes through the same byte-level reader as the CLI's files: same claims, same errors. */
    @Test
    void requestBodiesAreReadLikeFilesWhateverTheBytes() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(getClass().getResource("/robustness/reader").toURI());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String file : java.util.List.of("invalid-utf8.jsonl", "invalid-utf8-array.json", "utf16le-bom.jsonl",
                "utf16be-bom.json", "array-bad-element.json", "cr-only.jsonl", "pretty.jsonl")) {
            java.nio.file.Path path = dir.resolve(file);
            MediaType type = file.endsWith(".jsonl") ? MediaType.APPLICATION_NDJSON : MediaType.APPLICATION_JSON;
            byte[] answer = mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(type).content(java.nio.file.Files.readAllBytes(path)))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            java.util.List<String> restErrors = new java.util.ArrayList<>();
            json.readTree(answer).forEach(r -> restErrors.add(r.path("error").isNull() ? null : r.path("error").asText()));
            java.util.List<String> cliErrors = org.claimauditor.pipeline.source.ClaimFiles.readAll(java.util.List.of(path)).stream()
                    .map(c -> c.error() == null ? null : c.error().replace(path.toString(), "request")).toList();
            org.assertj.core.api.Assertions.assertThat(restErrors).as(file).isEqualTo(cliErrors);
        }
    }

    /** A 630-byte claim with a charge of 1e100000000 once ran 215 s and answered 100 MB; now it is refused at once. */
    @Test
    void unrepresentableNumbersAnswerAtOnceAndSmall() throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of(getClass().getResource("/robustness/reader/absurd-numbers.jsonl").toURI()));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            byte[] results = mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(MediaType.APPLICATION_NDJSON).content(body))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(9)))
                    .andExpect(jsonPath("$[?(@.status=='ERROR')]", hasSize(8)))
                    .andExpect(jsonPath("$[8].claimId").value("N-9"))
                    .andReturn().getResponse().getContentAsByteArray();
            org.assertj.core.api.Assertions.assertThat(results.length).isLessThan(64 * 1024);
            byte[] zip = mvc.perform(post("/api/v1/audits/reports").with(AUDITOR).contentType(MediaType.APPLICATION_NDJSON).content(body))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            org.assertj.core.api.Assertions.assertThat(zip.length).isLessThan(256 * 1024);
            mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON)
                            .content(claim("1").replace("45.00", "1e100000000")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.path").value("$.lines[0].charge"));
        });
    }
}
