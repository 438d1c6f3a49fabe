package org.claimauditor.pipeline;

import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a run for its summary: results by status and findings by rule (bounded by the rule catalog). */
public final class RunTotals {

    private final Map<AuditResult.Status, Long> byStatus = new EnumMap<>(AuditResult.Status.class);
    private final Map<String, Long> byRule = new TreeMap<>();
    private long results;

    public RunTotals() {
        for (AuditResult.Status s : AuditResult.Status.values()) {
            byStatus.put(s, 0L);
        }
    }

    public void add(AuditResult r) {
        results++;
        byStatus.merge(r.status(), 1L, Long::sum);
        for (Finding f : r.findings()) {
            byRule.merge(f.ruleId(), 1L, Long::sum);
        }
    }

    public long results() {
        return results;
    }

    public long count(AuditResult.Status status) {
        return byStatus.get(status);
    }

    /** Findings per rule id, in id order. */
    public Map<String, Long> byRule() {
        return byRule;
    }

    /** True when any claim was rejected or could not be audited: the command's exit code 1. */
    public boolean anyRejected() {
        return count(AuditResult.Status.REJECT) + count(AuditResult.Status.ERROR) > 0;
    }
}
