package org.claimauditor.web.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The difference a candidate rule set makes on one batch: per rule, findings added, removed and changed in
 * severity with the money each moves; the claims whose status changes; and the first {@link #MAX_LISTED} changes
 * finding by finding (the totals count all of them).
 */
public final class ImpactReport {

    static final int MAX_LISTED = 500;

    /** Per rule: counts and money; {@code net} is added minus removed amount at risk. */
    public record RuleImpact(String ruleId, long added, long removed, long severity, BigDecimal addedAmount,
                             BigDecimal removedAmount, BigDecimal severityAmount) {
        public BigDecimal net() {
            return addedAmount.subtract(removedAmount);
        }
    }

    public record StatusChange(int claimIndex, String claimId, String before, String after) { }

    private final String serviceVersion;
    private final String candidateVersion;
    private final Map<String, RuleImpact> byRule = new TreeMap<>();
    private final List<FindingChange> listed = new ArrayList<>();
    private final List<StatusChange> statusChanges = new ArrayList<>();
    private long claims;
    private long changes;
    private long statusChangeCount;

    ImpactReport(String serviceVersion, String candidateVersion) {
        this.serviceVersion = serviceVersion;
        this.candidateVersion = candidateVersion;
    }

    void claim(int index, String claimId, String statusBefore, String statusAfter, List<FindingChange> diff) {
        claims++;
        if (!statusBefore.equals(statusAfter)) {
            statusChangeCount++;
            if (statusChanges.size() < MAX_LISTED) {
                statusChanges.add(new StatusChange(index, claimId, statusBefore, statusAfter));
            }
        }
        for (FindingChange c : diff) {
            changes++;
            if (listed.size() < MAX_LISTED) {
                listed.add(c);
            }
            byRule.merge(c.ruleId(), of(c), ImpactReport::sum);
        }
    }

    private static RuleImpact of(FindingChange c) {
        BigDecimal zero = BigDecimal.ZERO;
        return switch (c.kind()) {
            case ADDED -> new RuleImpact(c.ruleId(), 1, 0, 0, c.amount(), zero, zero);
            case REMOVED -> new RuleImpact(c.ruleId(), 0, 1, 0, zero, c.amount(), zero);
            case SEVERITY -> new RuleImpact(c.ruleId(), 0, 0, 1, zero, zero, c.amount());
        };
    }

    private static RuleImpact sum(RuleImpact a, RuleImpact b) {
        return new RuleImpact(a.ruleId(), a.added() + b.added(), a.removed() + b.removed(), a.severity() + b.severity(),
                a.addedAmount().add(b.addedAmount()), a.removedAmount().add(b.removedAmount()),
                a.severityAmount().add(b.severityAmount()));
    }

    public String serviceVersion() {
        return serviceVersion;
    }

    public String candidateVersion() {
        return candidateVersion;
    }

    public long claims() {
        return claims;
    }

    public long changes() {
        return changes;
    }

    public List<RuleImpact> byRule() {
        return List.copyOf(byRule.values());
    }

    public List<FindingChange> listed() {
        return listed;
    }

    public List<StatusChange> statusChanges() {
        return statusChanges;
    }

    public long statusChangeCount() {
        return statusChangeCount;
    }

    public BigDecimal addedAmount() {
        return byRule.values().stream().map(RuleImpact::addedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal removedAmount() {
        return byRule.values().stream().map(RuleImpact::removedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal net() {
        return addedAmount().subtract(removedAmount());
    }
}
