package org.claimauditor.engine;

import java.time.Duration;

/**
 * Limits that keep one hostile or broken claim from taking a batch, a request or the host down. Each limit, when
 * hit, turns the claims concerned into results that name the limit and the setting that raises it; nothing is
 * dropped in silence. CLI options and {@code auditor.limits.*} properties set them (docs/security.md).
 *
 * @param maxClaimBytes       largest claim (one JSON object / one JSON Lines entry; one FHIR Bundle entry or
 *                            single Claim resource) read, in bytes
 * @param maxLinesPerClaim    service lines a claim may have (X12 837I allows 999); also bounds the CSV rows one
 *                            claim holds in memory
 * @param maxFindingsPerClaim findings kept per claim; beyond it the claim gets an ERROR result naming the limit
 * @param ruleTime            wall time one rule session (up to 64 claims) may take
 * @param maxRuleFirings      rule firings per session, a guard against rules that fire each other in a loop
 * @param maxUnzippedBytes    bytes one reference-data zip entry (or xlsx part) may expand to; a full CMS PTP part
 *                            file is ~20 MB
 * @param maxZipEntries       entries one reference-data zip (or xlsx) may hold
 * @param maxZipRatio         how many times its compressed size a zip entry may expand to (CMS text files: ~8-12)
 */
public record Limits(long maxClaimBytes, int maxLinesPerClaim, int maxFindingsPerClaim, Duration ruleTime,
                     long maxRuleFirings, long maxUnzippedBytes, int maxZipEntries, int maxZipRatio) {

    /**
     * Longest X12 segment read, in characters. Not a setting: the 5010 837 guides bound every element, so their
     * longest segment (HI with 12 composites) is well under 1,000 characters; a longer run means the file does not
     * use the segment terminator its ISA declares, and reading on would hold the rest of the file as one segment.
     */
    public static final int X12_MAX_SEGMENT_CHARS = 4_096;

    public static final Limits DEFAULTS = new Limits(1L << 20, 999, 1_000, Duration.ofSeconds(10), 1_000_000L,
            1L << 30, 10_000, 100);

    public Limits {
        if (maxClaimBytes < 1 || maxLinesPerClaim < 1 || maxFindingsPerClaim < 1 || maxRuleFirings < 1
                || ruleTime == null || ruleTime.isNegative() || ruleTime.isZero()
                || maxUnzippedBytes < 1 || maxZipEntries < 1 || maxZipRatio < 1) {
            throw new IllegalArgumentException("limits must be positive: claim bytes " + maxClaimBytes + ", lines "
                    + maxLinesPerClaim + ", findings " + maxFindingsPerClaim + ", rule time " + ruleTime
                    + ", rule firings " + maxRuleFirings + ", unzipped bytes " + maxUnzippedBytes + ", zip entries "
                    + maxZipEntries + ", zip ratio " + maxZipRatio);
        }
    }

    public Limits withMaxClaimBytes(long v) {
        return new Limits(v, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings, maxUnzippedBytes,
                maxZipEntries, maxZipRatio);
    }

    public Limits withMaxLinesPerClaim(int v) {
        return new Limits(maxClaimBytes, v, maxFindingsPerClaim, ruleTime, maxRuleFirings, maxUnzippedBytes,
                maxZipEntries, maxZipRatio);
    }

    public Limits withMaxFindingsPerClaim(int v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, v, ruleTime, maxRuleFirings, maxUnzippedBytes,
                maxZipEntries, maxZipRatio);
    }

    public Limits withRuleTime(Duration v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, v, maxRuleFirings, maxUnzippedBytes,
                maxZipEntries, maxZipRatio);
    }

    public Limits withMaxRuleFirings(long v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, v, maxUnzippedBytes,
                maxZipEntries, maxZipRatio);
    }

    public Limits withMaxUnzippedBytes(long v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings, v,
                maxZipEntries, maxZipRatio);
    }

    public Limits withMaxZipEntries(int v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings,
                maxUnzippedBytes, v, maxZipRatio);
    }

    public Limits withMaxZipRatio(int v) {
        return new Limits(maxClaimBytes, maxLinesPerClaim, maxFindingsPerClaim, ruleTime, maxRuleFirings,
                maxUnzippedBytes, maxZipEntries, v);
    }
}
