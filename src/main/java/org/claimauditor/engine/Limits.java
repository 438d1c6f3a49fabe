package org.claimauditor.engine;

import java.time.Duration;

/**
 * Limits that keep one hostile or broken claim from taking a batch, a request or the host down. Each limit, when
 * hit, turns the claims concerned into results that name the limit and the setting that raises it; nothing is
 * dropped in silence. CLI options and {@code auditor.limits.*} properties set them (README, "Limits and security").
 *
 * @param maxClaimBytes       largest claim (one JSON object / one JSON Lines entry) read, in bytes
 * @param maxLinesPerClaim    service lines a claim may have (X12 837I allows 999)
 * @param maxFindingsPerClaim findings kept per claim; beyond it the claim gets an ERROR result naming the limit
 * @param ruleTime            wall time one rule session (up to 64 claims) may take
 * @param maxRuleFirings      rule firings per session, a guard against rules that fire each other in a loop
 */
public record Limits(long maxClaimBytes, int maxLinesPerClaim, int maxFindingsPerClaim, Duration ruleTime,
                     long maxRuleFirings) {

    public static final Limits DEFAULTS = new Limits(1L << 20, 999, 1_000, Duration.ofSeconds(10), 1_000_000L);

    public Limits {
        if (maxClaimBytes < 1 || maxLinesPerClaim < 1 || maxFindingsPerClaim < 1 || maxRuleFirings < 1
                || ruleTime == null || ruleTime.isNegative() || ruleTime.isZero()) {
            throw new IllegalArgumentException("limits must be positive: claim bytes " + maxClaimBytes + ", lines "
                    + maxLinesPerClaim + ", findings " + maxFindingsPerClaim + ", rule time " + ruleTime
                    + ", rule firings " + maxRuleFirings);
        }
    }

    public Limits withMaxClaimBytes(long v) {
        return new Limits(v, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings);
    }

    public Limits withMaxLinesPerClaim(int v) {
        return new Limits(maxClaimBytes, v, maxFindingsPerClaim, ruleTime, maxRuleFirings);
    }

    public Limits withMaxFindingsPerClaim(int v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, v, ruleTime, maxRuleFirings);
    }

    public Limits withRuleTime(Duration v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, v, maxRuleFirings);
    }

    public Limits withMaxRuleFirings(long v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, v);
    }
}
