package org.claimauditor.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.claimauditor.api.AuditControllerTest.AUDITOR;
import static org.claimauditor.api.AuditControllerTest.BILLING;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** X12 837 request bodies ({@code application/edi-x12}) on the pre-screen and batch endpoints. */
@ApiSlice
class X12ApiTest {

    static final String EDI = "application/edi-x12";
    static final Path PROFESSIONAL = Path.of("src/test/resources/x12/professional-claims.837");
    static final Path INSTITUTIONAL = Path.of("src/test/resources/x12/institutional-claim.837");

    @Autowired
    MockMvc mvc;

    @Test
    void preScreensOne837Claim() throws Exception {
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(EDI).content(Files.readString(INSTITUTIONAL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claimId").value("I-2001"))
                .andExpect(jsonPath("$.error").value(nullValue()))
                .andExpect(jsonPath("$.ruleSetVersion").isNotEmpty());
    }

    @Test
    void preScreenOfSeveralClaimsOrABrokenOneIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(EDI).content(Files.readString(PROFESSIONAL)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("request: expected exactly one claim (CLM segment), found 4; "
                        + "send files of several claims to /api/v1/audits"));
        String badCharge = Files.readString(INSTITUTIONAL).replace("SV2*0450*HC:99284*250*", "SV2*0450*HC:99284*2x0*");
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(EDI).content(badCharge))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "request: claim 1 (segment 20): segment 28 (loop 2400, SV2-03): charge '2x0' is not a number"));
    }

    @Test
    void batchOf837GivesOneResultPerClaimWithBrokenClaimsInPlace() throws Exception {
        String body = Files.readString(PROFESSIONAL).replace("SV1*HC:97140*60*UN*1***1~", "SV1*HC:97140*60*UN*x***1~");
        mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(EDI).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[0].claimId").value("S-1001"))
                .andExpect(jsonPath("$[0].status").value("ERROR"))
                .andExpect(jsonPath("$[0].error").value(
                        "request: claim 1 (segment 20): segment 27 (loop 2400, SV1-04): units 'x' is not a number"))
                .andExpect(jsonPath("$[1].claimId").value("S-1002"))
                .andExpect(jsonPath("$[1].status").value("REJECT"))
                .andExpect(jsonPath("$[1].findings[*].ruleId", hasItem("CLAIM-UNITS-MIN")))
                .andExpect(jsonPath("$[1].findings[*].ruleId", hasItem("CLAIM-DX-POINTER")))
                .andExpect(jsonPath("$[3].claimId").value("S-1006"));
        mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(EDI).content("{\"claimId\":\"C-1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].status").value("ERROR"))
                .andExpect(jsonPath("$[0].error").value(org.hamcrest.Matchers.startsWith(
                        "request: not an X12 file: it does not begin with an ISA segment")));
    }

    @Test
    void reportsOfAn837Batch() throws Exception {
        mvc.perform(post("/api/v1/audits/reports").with(AUDITOR).contentType(EDI).content(Files.readString(PROFESSIONAL)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"));
    }
}
