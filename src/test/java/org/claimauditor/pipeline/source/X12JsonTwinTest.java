package org.claimauditor.pipeline.source;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.TestRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same claims given as 837 and as JSON (the twins in src/test/resources/x12) are the same claims and get the
 * same findings from the shipped rules and the bundled NCCI and code-set samples.
 */
class X12JsonTwinTest {

    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @ParameterizedTest
    @CsvSource({"professional-claims.837, professional-claims.json", "institutional-claim.837, institutional-claim.json"})
    void claimAs837AndAsJsonYieldsIdenticalFindings(String x12Name, String jsonName) {
        List<ClaimInput> x12 = X12ClaimsTest.read(X12ClaimsTest.FIXTURES.resolve(x12Name));
        List<ClaimInput> json = ClaimFiles.readAll(List.of(X12ClaimsTest.FIXTURES.resolve(jsonName)));

        assertThat(x12).allMatch(ClaimInput::readable);
        assertThat(json).allMatch(ClaimInput::readable);
        List<Claim> fromX12 = x12.stream().map(ClaimInput::claim).toList();
        assertThat(fromX12).containsExactlyElementsOf(json.stream().map(ClaimInput::claim).toList());

        List<AuditResult> a = AuditEngine.audit(TestRules.shipped(), TestRules.sample(), x12, TODAY);
        List<AuditResult> b = AuditEngine.audit(TestRules.shipped(), TestRules.sample(), json, TODAY);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).claimId()).isEqualTo(b.get(i).claimId());
            assertThat(a.get(i).status()).isEqualTo(b.get(i).status());
            assertThat(a.get(i).findings()).as(a.get(i).claimId()).isEqualTo(b.get(i).findings());
        }
        // the comparison is not of empty lists: the twins carry findings to compare
        assertThat(a).flatExtracting(AuditResult::findings).isNotEmpty();
    }
}
