package org.claimauditor.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.claimauditor.api.AuditControllerTest.AUDITOR;
import static org.claimauditor.api.AuditControllerTest.BILLING;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** FHIR R4 ({@code application/fhir+json}) and CSV ({@code text/csv}) bodies on the pre-screen and batch endpoints. */
@ApiSlice
class ClaimFormatsApiTest {

    static final MediaType FHIR = MediaType.parseMediaType("application/fhir+json");
    static final Path FORMATS = Path.of("src/test/resources/input-formats");

    @Autowired
    MockMvc mvc;

    @Test
    void preScreensOneFhirClaimLikeTheSameClaimInJson() throws Exception {
        byte[] fhir = Files.readAllBytes(FORMATS.resolve("roundtrip/claim.fhir.json"));
        byte[] json = Files.readAllBytes(FORMATS.resolve("roundtrip/claim.json"));
        String fromJson = mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(FHIR).content(fhir))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claimId").value("RT-1"))
                .andExpect(jsonPath("$.status").value("REJECT"))
                .andExpect(content().json(fromJson, true));
    }

    @Test
    void anUnreadableFhirClaimIsAProblemNamingTheFhirPath() throws Exception {
        String bad = Files.readString(FORMATS.resolve("fhir/claim-resource.json"))
                .replace("\"quantity\": {\"value\": 1}", "\"quantity\": {\"value\": 2.5}");
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(FHIR).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.path").value("Claim.item[0].quantity.value"))
                .andExpect(jsonPath("$.detail").value(containsString("'2.5' is not a whole number")));
        // a bundle of two claims is no single claim to pre-screen
        mvc.perform(post("/api/v1/claims/audit").with(BILLING).contentType(FHIR)
                        .content(Files.readAllBytes(FORMATS.resolve("fhir/claims-bundle.json"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("request: expected exactly one Claim, found 2"));
    }

    @Test
    void aFhirBundleBatchGivesOneResultPerClaimWithErrorsInPlace() throws Exception {
        mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(FHIR)
                        .content(Files.readAllBytes(FORMATS.resolve("fhir/broken/bundle-bad-values.fhir.json"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[0].claimId").value("BV-1"))
                .andExpect(jsonPath("$[0].error").doesNotExist())
                .andExpect(jsonPath("$[1].status").value("ERROR"))
                .andExpect(jsonPath("$[1].error").value("request:22: Bundle.entry[1].resource.item[1].quantity.value: "
                        + "'1.5' is not a whole number"))
                .andExpect(jsonPath("$[2].status").value("ERROR"))
                .andExpect(jsonPath("$[3].status").value("ERROR"));
    }

    @Test
    void aCsvBatchGivesOneResultPerClaim() throws Exception {
        mvc.perform(post("/api/v1/audits").with(AUDITOR).contentType(MediaType.parseMediaType("text/csv"))
                        .content(Files.readAllBytes(FORMATS.resolve("csv/broken/bad-values.csv"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(10)))
                .andExpect(jsonPath("$[1].error").value("request:4: column 'units': 'x' is not a number"))
                .andExpect(jsonPath("$[2].claimId").value("BC-3"))
                .andExpect(jsonPath("$[2].status").value(not("ERROR")))
                .andExpect(jsonPath("$[2].error").doesNotExist());
    }
}
