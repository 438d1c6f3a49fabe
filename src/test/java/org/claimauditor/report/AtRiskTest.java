package org.claimauditor.report;

import org.claimauditor.claim.Claim;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimauditor.report.ReportBatch.finding;
import static org.claimauditor.report.ReportBatch.line;

/** A claim's amount at risk counts no charge twice and splits by provider so totals reconcile. */
class AtRiskTest {

    static final Claim CLAIM = ReportBatch.claim("X", "P", "B1", "R1", "P1",
            line(1, "2026-01-01", "97110", List.of(), "100.00", null),
            line(2, "2026-01-01", "97112", List.of(), "50.00", "R2"),
            line(3, "2026-01-01", "97140", List.of(), "50.00", null));

    static Finding on(List<Integer> lines, String amount) {
        return finding("R", Category.CLAIM_DATA, Severity.ERROR, lines, "m", amount);
    }

    static AtRisk of(Finding... findings) {
        return AtRisk.of(new ClaimView(CLAIM, org.claimauditor.claim.Plausibility.DEFAULTS), List.of(findings));
    }

    @Test
    void twoFindingsOnOneLineCountItOnce() {
        AtRisk r = of(on(List.of(1), "100.00"), on(List.of(1), "100.00"), on(List.of(2), "50.00"));
        assertThat(r.total()).isEqualByComparingTo("150.00");
        assertThat(r.byProvider()).containsOnlyKeys("R1", "R2");
        assertThat(r.byProvider().get("R1")).isEqualByComparingTo("100.00");
        assertThat(r.byProvider().get("R2")).isEqualByComparingTo("50.00");
    }

    @Test
    void aShareAboveALimitIsSpreadOverItsLinesByCharge() {
        // An MUE finding over lines 1 and 2 with 30.00 at risk: 20.00 on line 1, 10.00 on line 2.
        AtRisk r = of(on(List.of(1, 2), "30.00"), on(List.of(2), "50.00"));
        assertThat(r.total()).isEqualByComparingTo("70.00"); // line 1: 20, line 2: max(10, 50)
        assertThat(r.byProvider().get("R1")).isEqualByComparingTo("20.00");
        assertThat(r.byProvider().get("R2")).isEqualByComparingTo("50.00");
    }

    @Test
    void aClaimLevelFindingCoversTheClaimOnceAndGoesToTheClaimsProvider() {
        AtRisk r = of(on(List.of(), "200.00"), on(List.of(2), "50.00"), on(List.of(), "200.00"));
        assertThat(r.total()).isEqualByComparingTo("200.00");
        assertThat(r.byProvider().get("R2")).isEqualByComparingTo("50.00");
        assertThat(r.byProvider().get("R1")).isEqualByComparingTo("150.00");
    }

    @Test
    void infoFindingsAndUnknownLinesPutNothingAtRisk() {
        assertThat(of(on(List.of(1), "0.00"))).isSameAs(AtRisk.NONE);
        assertThat(of(on(List.of(9), "10.00")).total()).isEqualByComparingTo("10.00"); // unknown line: claim level
        assertThat(of(on(List.of(1), "999.00")).total()).isEqualByComparingTo("200.00"); // never above the charges
    }
}
