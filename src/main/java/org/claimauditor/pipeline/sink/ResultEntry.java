package org.claimauditor.pipeline.sink;

import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.pipeline.RunReference;

import java.util.List;

/**
 * One result as written to {@code audit-results.json} / {@code .jsonl}: the run's reference data is in
 * {@code audit-run.json} once, so a result names only the rule set version and the payer policy its claim got.
 *
 * @param payerPolicy the policy applied, e.g. {@code medicare.yaml (Medicare (NCCI as published))}, or
 *                    {@code none for payer X; default … applied}; null when the claim was not evaluated
 */
public record ResultEntry(String claimId, AuditResult.Status status, List<Finding> findings, String ruleSetVersion,
                          String payerPolicy, String error) {

    public static ResultEntry of(AuditResult r, RunReference run) {
        return new ResultEntry(r.claimId(), r.status(), r.findings(), r.ruleSetVersion(), run.payerPolicy(r), r.error());
    }
}
