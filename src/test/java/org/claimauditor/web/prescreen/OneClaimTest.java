package org.claimauditor.web.prescreen;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-screen page tells an 837, a FHIR Claim and the claim JSON layout apart by their first characters. */
class OneClaimTest {

    @Test
    void readsAnX12ClaimAFhirClaimAndTheJsonLayout() throws Exception {
        ClaimInput x12 = OneClaim.read(Files.readAllBytes(Path.of("src/test/resources/x12/institutional-claim.837")),
                "upload.837", Limits.DEFAULTS);
        assertThat(x12.error()).isNull();
        assertThat(x12.claim().claimId()).isEqualTo("I-2001");

        ClaimInput fhir = OneClaim.read(Files.readAllBytes(Path.of("src/test/resources/input-formats/fhir/claim-resource.json")),
                "claim.json", Limits.DEFAULTS);
        assertThat(fhir.error()).isNull();
        assertThat(fhir.claim().lines()).isNotEmpty();

        ClaimInput json = OneClaim.read(Files.readAllLines(Path.of("test-claims/samples/sample-claims.jsonl")).get(0)
                .getBytes(StandardCharsets.UTF_8), "pasted claim", Limits.DEFAULTS);
        assertThat(json.claim().claimId()).isEqualTo("S-1001");
    }

    @Test
    void anEmptyFormOrSeveralClaimsAreOneLineErrors() throws Exception {
        assertThat(OneClaim.read("  \n".getBytes(StandardCharsets.UTF_8), "pasted claim", Limits.DEFAULTS).error())
                .isEqualTo("pasted claim: no claim given; paste one or choose a file");
        ClaimInput four = OneClaim.read(Files.readAllBytes(Path.of("src/test/resources/x12/professional-claims.837")),
                "four.837", Limits.DEFAULTS);
        assertThat(four.readable()).isFalse();
        assertThat(four.error()).isEqualTo("four.837: expected exactly one claim (CLM segment), found 4; "
                + "audit files of several claims as a batch");
    }
}
