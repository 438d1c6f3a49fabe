package org.claimauditor.engine;

import java.util.List;

/** The outcome for one input claim; a batch of N inputs always yields N results in input order. */
public record AuditResult(
        String claimId,
        Status status,
        List<Finding> findings,
        String ruleSetVersion,
        List<String> referenceData,
        String error) {

    public enum Status { PASS, REVIEW, REJECT, ERROR }

    public static Status statusOf(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return Status.REJECT;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
            return Status.REVIEW;
        }
        return Status.PASS;
    }
}
