package org.claimauditor.report;

import org.claimauditor.engine.Category;
import org.claimauditor.engine.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The compliance report of one run, as written to {@code compliance-report.json} and rendered to HTML.
 * Field names are a published format (documented in docs/results-and-reports.md, "Reports"): add fields, never rename.
 * Rates and shares have 4 decimals (0.1234 = 12.34 %), money 2; a rate over nothing is {@code null}.
 */
public record ComplianceReport(
        int reportVersion,
        RunInfo run,
        ClaimCounts claims,
        FindingCounts findings,
        List<CategoryRow> byCategory,
        List<RuleRow> byRule,
        List<CarcRow> byCarc,
        Ranked<PayerRow> byPayer,
        Ranked<ProviderRow> byProvider,
        List<MonthRow> byServiceMonth,
        ModifierBypass modifierBypass,
        EmLevels emLevels,
        Ranked<CodeRow> byProcedureCode,
        List<TopClaim> topClaims,
        List<FixFirstRow> fixFirst,
        Deviations deviations) {

    public static final int VERSION = 1;

    /** What an auditor needs to reproduce the run. */
    public record RunInfo(Instant startedAt, Instant finishedAt, long durationMillis, LocalDate auditDate,
                          String ruleSetVersion, List<String> referenceData, List<InputFile> inputs) { }

    /** {@code role}: {@code claims} (audited) or {@code history} (prior claims, context only). */
    public record InputFile(String path, String role, long bytes, String sha256) { }

    public record ClaimCounts(long read, long pass, long review, long reject, long error, BigDecimal cleanClaimRate,
                              long lines, BigDecimal totalCharge, BigDecimal amountAtRisk) { }

    public record FindingCounts(long total, long error, long warning, long info, BigDecimal amountAtRisk,
                                long withoutServiceDate) { }

    public record CategoryRow(Category category, long findings, long errors, long warnings, long infos, long claims,
                              BigDecimal amountAtRisk) { }

    /**
     * {@code description}: the rule's catalog text (null when the run did not pass the catalog); {@code rejected}:
     * claims among {@code claims} that were rejected.
     */
    public record RuleRow(String ruleId, Category category, Severity severity, long findings, long claims,
                          BigDecimal amountAtRisk, String description, long rejected, Rates rates) { }

    /**
     * Rates beside a row's totals, so a large practice does not rank first only for its size: findings per claim,
     * share of the claims rejected, money at risk per claim (over the row's own claims).
     */
    public record Rates(BigDecimal findingsPerClaim, BigDecimal rejectedShare, BigDecimal amountAtRiskPerClaim) { }

    /** Money at risk by the procedure code of the lines at risk; {@code (claim level)} holds what no line carries. */
    public record CodeRow(String procedureCode, long claims, long lines, long findings, BigDecimal amountAtRisk,
                          long rejected, Rates rates) { }

    /** One of the claims with the most money at risk (no charge counted twice), most first. */
    public record TopClaim(String claimId, String origin, String payerId, String providerNpi, LocalDate serviceDate,
                           String status, int findings, List<String> rules, BigDecimal totalCharge,
                           BigDecimal amountAtRisk) { }

    /**
     * A rule × rendering provider pair, ranked by the money its findings put at risk (the sum over the pair's
     * findings): where one conversation with one practice about one rule recovers the most.
     */
    public record FixFirstRow(String ruleId, String description, String npi, long findings, long claims,
                              BigDecimal amountAtRisk) { }

    /**
     * Providers whose coding deviates from their peers, tested per measure and ranked by significance; see
     * {@code method}. A signal for review, not a finding.
     */
    public record Deviations(String kind, String method, int minVolume, double falseDiscoveryRate, int tests, int flagged,
                             List<String> flaggedProviders, List<DeviationRow> rows) { }

    /**
     * One provider and measure: {@code value} is the mean E/M level or the modifier rate, {@code peerValue} the
     * same over its peers (the provider left out); {@code z} the one-sided z statistic, {@code pValue} its upper
     * tail; {@code chiSquareP} the chi-square test of the whole level distribution against the peers' (E/M only).
     * {@code counts} and {@code shares} by level (or {@code with}/{@code without} the modifier), {@code peerShares}
     * the peers'.
     */
    public record DeviationRow(String npi, String measure, String peerGroup, int peerProviders, long volume,
                               BigDecimal value, BigDecimal peerValue, BigDecimal z, double pValue, Double chiSquareP,
                               boolean flagged, Map<String, Long> counts, Map<String, BigDecimal> shares,
                               Map<String, BigDecimal> peerShares) { }

    /**
     * Denials (ERROR and WARNING findings) by the remittance code a payer would use: {@code adjustment} is group code
     * and CARC ({@code CO-236}), or {@code (none)} for findings of rules without codes; {@code rules} that gave them.
     */
    public record CarcRow(String adjustment, String groupCode, String carc, long findings, long errors, long warnings,
                          long claims, BigDecimal amountAtRisk, List<String> rules) { }

    public record PayerRow(String payerId, long claims, long rejected, long findings, BigDecimal amountAtRisk,
                           Rates rates) { }

    public record ProviderRow(String npi, long claims, long lines, long findings, BigDecimal amountAtRisk,
                              long rejected, Rates rates) { }

    /** The top {@code top} of {@code count} rows; {@code others} sums the rest (null when nothing is left over). */
    public record Ranked<T>(int top, int count, List<T> rows, T others) { }

    public record MonthRow(String month, long findings, BigDecimal amountAtRisk) { }

    public record ModifierBypass(List<String> modifiers, long lines, long linesWithModifier, BigDecimal rate,
                                 int providerCount, List<BypassRow> providers) { }

    public record BypassRow(String npi, long lines, long linesWithModifier, BigDecimal rate,
                            BigDecimal expectedAtRunRate, BigDecimal excess, BigDecimal ratioToRun) { }

    public record EmLevels(String kind, String note, EmMix run, int providerCount, List<EmProviderRow> providers) { }

    public record EmMix(EmFamily newPatient, EmFamily established) { }

    public record EmFamily(long visits, Map<String, Long> counts, Map<String, BigDecimal> shares,
                           BigDecimal meanLevel) { }

    public record EmProviderRow(String npi, EmFamily newPatient, EmFamily established) { }
}
