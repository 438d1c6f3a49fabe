package org.claimauditor.report;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Plausibility;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one claim adds to the compliance report's main aggregates (claims by status, findings and money at risk by
 * rule, by provider and by payer), attributed exactly as {@link ComplianceTally} attributes them, so that a run split
 * over many machines (the Spark job) sums the same figures as the report of a single-machine run.
 *
 * @param payer       the claim's payer ({@code (none)} when it names none); null for an input that could not be read
 * @param totalCharge the claim's charges (implausible ones count 0, as in the report)
 * @param atRisk      the claim's amount at risk, no charge counted twice ({@link AtRisk})
 * @param rules       per rule that fired: its findings on this claim and their amounts at risk
 * @param providers   per provider the claim touches (a line's, a finding's, or a share of the risk): lines,
 *                    findings and the part of {@code atRisk} attributed to it
 */
public record ClaimShares(AuditResult.Status status, String payer, BigDecimal totalCharge, BigDecimal atRisk,
                          List<RuleShare> rules, List<ProviderShare> providers) {

    public record RuleShare(String ruleId, Category category, Severity severity, long findings, BigDecimal amountAtRisk) { }

    public record ProviderShare(String npi, long lines, long findings, BigDecimal amountAtRisk) { }

    /** {@code claim} is null for an input that could not be read: it counts under its status only. */
    public static ClaimShares of(AuditResult result, Claim claim, Plausibility plausibility) {
        if (claim == null) {
            return new ClaimShares(result.status(), null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of());
        }
        ClaimView view = new ClaimView(claim, plausibility);
        AtRisk risk = AtRisk.of(view, result.findings());
        Map<String, long[]> counts = new LinkedHashMap<>(); // npi -> {lines, findings}
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (Claim.ServiceLine line : claim.lines()) {
            counts.computeIfAbsent(view.provider(line), k -> new long[2])[0]++;
        }
        Map<String, RuleShare> rules = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            BigDecimal amount = f.amountAtRisk() == null ? BigDecimal.ZERO : f.amountAtRisk();
            rules.merge(f.ruleId(), new RuleShare(f.ruleId(), f.category(), f.severity(), 1, amount),
                    (a, b) -> new RuleShare(a.ruleId(), a.category(), a.severity(), a.findings() + 1,
                            a.amountAtRisk().add(b.amountAtRisk())));
            counts.computeIfAbsent(view.providerOf(f), k -> new long[2])[1]++;
        }
        risk.byProvider().forEach((npi, amount) -> {
            counts.computeIfAbsent(npi, k -> new long[2]);
            amounts.merge(npi, amount, BigDecimal::add);
        });
        List<ProviderShare> providers = new ArrayList<>(counts.size());
        counts.forEach((npi, c) -> providers.add(new ProviderShare(npi, c[0], c[1],
                amounts.getOrDefault(npi, BigDecimal.ZERO))));
        return new ClaimShares(result.status(), view.payer(), view.totalCharge(), risk.total(),
                List.copyOf(rules.values()), List.copyOf(providers));
    }
}
