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
        EmLevels emLevels) {

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

    public record RuleRow(String ruleId, Category category, Severity severity, long findings, long claims,
                          BigDecimal amountAtRisk) { }

    /**
     * Denials (ERROR and WARNING findings) by the remittance code a payer would use: {@code adjustment} is group code
     * and CARC ({@code CO-236}), or {@code (none)} for findings of rules without codes; {@code rules} that gave them.
     */
    public record CarcRow(String adjustment, String groupCode, String carc, long findings, long errors, long warnings,
                          long claims, BigDecimal amountAtRisk, List<String> rules) { }

    public record PayerRow(String payerId, long claims, long rejected, long findings, BigDecimal amountAtRisk) { }

    public record ProviderRow(String npi, long claims, long lines, long findings, BigDecimal amountAtRisk) { }

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
