package org.claimauditor.web.impact;

import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimDiffTest {

    @Test
    void matchesByRuleAndLinesAndReportsAddedRemovedAndSeverityChanges() {
        List<Finding> before = List.of(
                finding("PTP", Severity.ERROR, List.of(1, 2), "80.00"),
                finding("UNITS", Severity.ERROR, List.of(3), "45.00"),
                finding("DUP", Severity.WARNING, List.of(4), "10.00"),
                finding("DUP", Severity.WARNING, List.of(4), "10.00"));
        List<Finding> after = List.of(
                finding("UNITS", Severity.WARNING, List.of(3), "45.00"),
                finding("DUP", Severity.WARNING, List.of(4), "10.00"),
                finding("NEW", Severity.ERROR, List.of(), "125.00"),
                finding("PTP", Severity.ERROR, List.of(2, 3), "60.00"));

        List<FindingChange> diff = ClaimDiff.of(7, "C-7", before, after);

        assertThat(diff).extracting(FindingChange::kind, FindingChange::ruleId, FindingChange::lines, FindingChange::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.SEVERITY, "UNITS", List.of(3), new BigDecimal("45.00")),
                        org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.ADDED, "NEW", List.of(), new BigDecimal("125.00")),
                        org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.ADDED, "PTP", List.of(2, 3), new BigDecimal("60.00")),
                        org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.REMOVED, "PTP", List.of(1, 2), new BigDecimal("80.00")),
                        // the same rule on the same line twice before, once after: one is gone
                        org.assertj.core.groups.Tuple.tuple(FindingChange.Kind.REMOVED, "DUP", List.of(4), new BigDecimal("10.00")));
        FindingChange severity = diff.stream().filter(c -> c.kind() == FindingChange.Kind.SEVERITY).findFirst().orElseThrow();
        assertThat(severity.before()).isEqualTo(Severity.ERROR);
        assertThat(severity.after()).isEqualTo(Severity.WARNING);
        assertThat(diff).allSatisfy(c -> assertThat(c.claimIndex()).isEqualTo(7));
    }

    @Test
    void theReportSumsMoneyPerRule() {
        ImpactReport report = new ImpactReport("a", "b");
        report.claim(0, "C-0", "REJECT", "REVIEW", List.of(
                FindingChange.added(0, "C-0", finding("R", Severity.ERROR, List.of(1), "30.00")),
                FindingChange.removed(0, "C-0", finding("R", Severity.ERROR, List.of(2), "12.50"))));
        report.claim(1, "C-1", "PASS", "PASS", List.of());
        assertThat(report.claims()).isEqualTo(2);
        assertThat(report.changes()).isEqualTo(2);
        assertThat(report.statusChangeCount()).isEqualTo(1);
        assertThat(report.byRule()).singleElement().satisfies(r -> {
            assertThat(r.added()).isEqualTo(1);
            assertThat(r.removed()).isEqualTo(1);
            assertThat(r.net()).isEqualByComparingTo("17.50");
        });
        assertThat(report.net()).isEqualByComparingTo("17.50");
    }

    private static Finding finding(String rule, Severity severity, List<Integer> lines, String amount) {
        return new Finding(rule, Category.CLAIM_DATA, severity, lines, rule + " message", "source", "fix",
                new BigDecimal(amount), null);
    }
}
