package org.claimauditor.cli;

import org.claimauditor.engine.Limits;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The per-claim, per-session and reference-data limits (docs/security.md), the CLI twin of the host's
 * {@code auditor.limits.*}; unset options keep {@link Limits#DEFAULTS}. A value that is not positive is a one-line usage error.
 */
final class LimitOptions {

    @Option(names = "--max-claim-bytes", paramLabel = "N",
            description = "Largest claim read, in bytes; a bigger one is an ERROR result (default: 1048576).")
    Long maxClaimBytes;

    @Option(names = "--max-lines-per-claim", paramLabel = "N",
            description = "Service lines a claim may have; more is an ERROR result (default: 999).")
    Integer maxLinesPerClaim;

    @Option(names = "--max-findings-per-claim", paramLabel = "N",
            description = "Findings a claim may have; more is an ERROR result naming the limit (default: 1000).")
    Integer maxFindingsPerClaim;

    @Option(names = "--rule-time-limit", paramLabel = "DURATION",
            description = "Wall time one rule session (up to 64 claims of whole patients) may take, e.g. 10s or PT10S; "
                    + "the claims of a patient over it get an ERROR result (default: 10s).")
    String ruleTime;

    @Option(names = "--max-rule-firings", paramLabel = "N",
            description = "Rule firings one session may take, against rules that fire each other in a loop (default: 1000000).")
    Long maxRuleFirings;

    @Option(names = "--max-unzipped-bytes", paramLabel = "N",
            description = "Bytes one reference-data zip entry or workbook part may expand to (default: 1073741824).")
    Long maxUnzippedBytes;

    @Option(names = "--max-zip-entries", paramLabel = "N",
            description = "Entries one reference-data zip or workbook may hold (default: 10000).")
    Integer maxZipEntries;

    @Option(names = "--max-zip-ratio", paramLabel = "N",
            description = "How many times its compressed size a reference-data zip entry may expand to (default: 100).")
    Integer maxZipRatio;

    Limits limits() {
        Limits l = Limits.DEFAULTS;
        if (maxClaimBytes != null) {
            l = l.withMaxClaimBytes(maxClaimBytes);
        }
        if (maxLinesPerClaim != null) {
            l = l.withMaxLinesPerClaim(maxLinesPerClaim);
        }
        if (maxFindingsPerClaim != null) {
            l = l.withMaxFindingsPerClaim(maxFindingsPerClaim);
        }
        if (ruleTime != null) {
            l = l.withRuleTime(duration(ruleTime));
        }
        if (maxRuleFirings != null) {
            l = l.withMaxRuleFirings(maxRuleFirings);
        }
        if (maxUnzippedBytes != null) {
            l = l.withMaxUnzippedBytes(maxUnzippedBytes);
        }
        if (maxZipEntries != null) {
            l = l.withMaxZipEntries(maxZipEntries);
        }
        if (maxZipRatio != null) {
            l = l.withMaxZipRatio(maxZipRatio);
        }
        return l;
    }

    /** "10s", "500ms", "2m" or ISO-8601 "PT10S", as Spring Boot reads durations in properties. */
    static Duration duration(String text) {
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rule-time-limit '" + text + "': expected a duration such as 10s, 500ms, 2m or PT10S");
        }
    }
}
