package org.claimauditor.web.impact;

import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One finding that differs between the rules in service and the candidate: on a claim (by its position in the
 * batch), a rule and its lines. {@code amount} is the finding's amount at risk: added, removed, or moved to the new
 * severity.
 */
public record FindingChange(Kind kind, int claimIndex, String claimId, String ruleId, List<Integer> lines,
                            Severity before, Severity after, BigDecimal amount, String message) {

    public enum Kind { ADDED, REMOVED, SEVERITY }

    static FindingChange added(int index, String claimId, Finding f) {
        return new FindingChange(Kind.ADDED, index, claimId, f.ruleId(), f.lineNumbers(), null, f.severity(),
                amountOf(f), f.message());
    }

    static FindingChange removed(int index, String claimId, Finding f) {
        return new FindingChange(Kind.REMOVED, index, claimId, f.ruleId(), f.lineNumbers(), f.severity(), null,
                amountOf(f), f.message());
    }

    static FindingChange severity(int index, String claimId, Finding before, Finding after) {
        return new FindingChange(Kind.SEVERITY, index, claimId, after.ruleId(), after.lineNumbers(), before.severity(),
                after.severity(), amountOf(after), after.message());
    }

    private static BigDecimal amountOf(Finding f) {
        return f.amountAtRisk() == null ? BigDecimal.ZERO : f.amountAtRisk();
    }
}
