package org.claimauditor.engine;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Plausibility;
import org.claimauditor.engine.fact.ClaimFact;
import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.policy.PayerPolicy;
import org.claimauditor.policy.PolicyEntry;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The DRL global {@code out}: rule actions report findings here. Rule id, category and severity come
 * from the firing rule's metadata (via the catalog), so a rule action only says what a coder needs to
 * read: the message, the suggested fix and the source.
 */
public final class FindingSink {

    private final Map<String, RuleInfo> rulesByKey;
    private final Plausibility plausibility;
    private final Map<Integer, List<Finding>> byClaim = new HashMap<>();
    private final int maxFindingsPerClaim;
    /** Claims that went over the limit: their findings are dropped, and later ones ignored, to bound memory. */
    private final Set<Integer> overLimit = new HashSet<>();

    public FindingSink(Map<String, RuleInfo> rulesByKey) {
        this(rulesByKey, Plausibility.DEFAULTS, Limits.DEFAULTS.maxFindingsPerClaim());
    }

    /**
     * @param plausibility        decides which charges count as money at risk (see {@link #amountAtRisk})
     * @param maxFindingsPerClaim findings kept per claim; beyond it the claim's findings are dropped (see {@link #overLimit})
     */
    public FindingSink(Map<String, RuleInfo> rulesByKey, Plausibility plausibility, int maxFindingsPerClaim) {
        this.rulesByKey = rulesByKey;
        this.plausibility = plausibility;
        this.maxFindingsPerClaim = maxFindingsPerClaim;
    }

    /** A finding on one line. */
    public void line(RuleContext ctx, LineFact line, String message, String suggestion, String source) {
        List<Integer> lines = line.getLineNumber() == null ? List.of() : List.of(line.getLineNumber());
        add(ctx, line.getClaim(), lines, message, suggestion, source);
    }

    /** A finding on the claim as a whole (no line). */
    public void claim(RuleContext ctx, ClaimFact claim, String message, String suggestion, String source) {
        add(ctx, claim, List.of(), message, suggestion, source);
    }

    /** A finding on several lines of one claim. */
    public void lines(RuleContext ctx, ClaimFact claim, List<Integer> lineNumbers, String message,
                      String suggestion, String source) {
        add(ctx, claim, lineNumbers, message, suggestion, source);
    }

    /**
     * One finding per claim among {@code lines} (lines of several claims in a batch), each naming that claim's
     * own lines; the message is the same for all and should name the claims involved.
     */
    public void onLines(RuleContext ctx, List<?> lines, String message, String suggestion, String source) {
        onLines(ctx, lines, message, suggestion, source, 1.0);
    }

    /** As above, with only {@code shareAtRisk} (0..1) of the named lines' charges at risk, e.g. the units over a limit. */
    public void onLines(RuleContext ctx, List<?> lines, String message, String suggestion, String source,
                        double shareAtRisk) {
        Map<ClaimFact, List<Integer>> byClaim = new java.util.LinkedHashMap<>();
        for (Object o : lines) {
            LineFact l = (LineFact) o;
            List<Integer> numbers = byClaim.computeIfAbsent(l.getClaim(), c -> new ArrayList<>());
            if (l.getLineNumber() != null) {
                numbers.add(l.getLineNumber());
            }
        }
        byClaim.forEach((claim, numbers) -> add(ctx, claim, numbers.stream().sorted().toList(), message, suggestion,
                source, shareAtRisk));
    }

    /**
     * A payer policy finding on one line: the entry's enforcement decides the severity (deny: the entry's
     * severity, pend: WARNING, soft: INFO) and its id and source document are the finding's source.
     */
    public void policy(RuleContext ctx, LineFact line, PolicyEntry entry, String message, String suggestion) {
        policy(ctx, line, entry, message, suggestion, 1.0);
    }

    /** As above, with only {@code shareAtRisk} (0..1) of the line's charge at risk (e.g. units above a frequency limit). */
    public void policy(RuleContext ctx, LineFact line, PolicyEntry entry, String message, String suggestion, double shareAtRisk) {
        List<Integer> lines = line.getLineNumber() == null ? List.of() : List.of(line.getLineNumber());
        add(ctx, line.getClaim(), lines, message, suggestion, entry.sourceText(), shareAtRisk, entry.effectiveSeverity(),
                entry.remittance());
    }

    private void add(RuleContext ctx, ClaimFact claim, List<Integer> lines, String message, String suggestion,
                     String source) {
        add(ctx, claim, lines, message, suggestion, source, 1.0);
    }

    private void add(RuleContext ctx, ClaimFact claim, List<Integer> lines, String message, String suggestion,
                     String source, double shareAtRisk) {
        add(ctx, claim, lines, message, suggestion, source, shareAtRisk, null, null);
    }

    /**
     * @param severityOverride a payer entry's severity after enforcement, else null (the rule's)
     * @param remittanceOverride a payer entry's own {@code carc}/{@code rarc}, else null (the rule's)
     */
    private void add(RuleContext ctx, ClaimFact claim, List<Integer> lines, String message, String suggestion,
                     String source, double shareAtRisk, Severity severityOverride, Remittance remittanceOverride) {
        if (claim.isHistory() || overLimit.contains(claim.getSeq())) {
            return; // prior claims are context only; a claim over the limit gets an ERROR result instead
        }
        RuleInfo info = info(ctx.getRule());
        if (excluded(info.id(), claim, lines)) {
            return;
        }
        Severity severity = severityOverride != null ? severityOverride : info.severity();
        BigDecimal atRisk = severity == Severity.INFO ? BigDecimal.ZERO : amountAtRisk(claim, lines, plausibility);
        if (shareAtRisk < 1.0) {
            atRisk = atRisk.multiply(BigDecimal.valueOf(shareAtRisk));
        }
        // Money has two decimals wherever it is written (110.00, never 110.0 or 0), whatever the input's charges had.
        atRisk = atRisk.setScale(2, java.math.RoundingMode.HALF_UP);
        List<Finding> findings = byClaim.computeIfAbsent(claim.getSeq(), k -> new ArrayList<>());
        if (findings.size() >= maxFindingsPerClaim) {
            overLimit.add(claim.getSeq());
            byClaim.remove(claim.getSeq());
            return;
        }
        // an INFO finding is no denial, so it carries no remittance codes (a soft payer entry gives INFO)
        Remittance remittance = severity == Severity.INFO ? null
                : remittanceOverride != null ? remittanceOverride : info.remittance();
        findings.add(new Finding(info.id(), info.category(), severity, lines, message, source, suggestion, atRisk,
                remittance));
    }

    /**
     * A payer policy "exclude" entry switches a rule off for the claim's payer: when it names the rule, one of
     * the finding's lines (any line, for a claim-level finding) has a code it covers, and its conditions hold
     * there (e.g. a carve-out for one provider TIN).
     */
    private static boolean excluded(String ruleId, ClaimFact claim, List<Integer> lines) {
        PayerPolicy policy = claim.getPolicy();
        if (policy == null) {
            return false;
        }
        for (PolicyEntry e : policy.entries("exclude")) {
            if (!e.excludes(ruleId)) {
                continue;
            }
            List<Claim.ServiceLine> all = claim.getClaim().lines();
            for (int i = 0; i < all.size(); i++) {
                Claim.ServiceLine l = all.get(i);
                boolean named = lines.isEmpty() || (l.lineNumber() != null && lines.contains(l.lineNumber()));
                if (named && e.inCodes(l.procedureCode()) && e.appliesTo(new LineFact(claim, i, l))) {
                    return true;
                }
            }
        }
        return false;
    }

    private RuleInfo info(Rule rule) {
        RuleInfo info = rulesByKey.get(RuleSet.key(rule.getPackageName(), rule.getName()));
        if (info == null) {
            throw new IllegalStateException("rule not in catalog: " + rule.getPackageName() + "." + rule.getName());
        }
        return info;
    }

    /**
     * Charges of the named lines; for a claim-level finding, the whole claim's charge is at risk. Only plausible
     * charges count: a negative or absurd charge (CLAIM-CHARGE-RANGE) is no amount of money and adds nothing.
     */
    static BigDecimal amountAtRisk(ClaimFact claim, List<Integer> lines, Plausibility plausibility) {
        return claim.getClaim().lines().stream()
                .filter(l -> lines.isEmpty() || (l.lineNumber() != null && lines.contains(l.lineNumber())))
                .map(l -> plausibility.money(l.charge()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Finding> findingsFor(int claimSeq) {
        return byClaim.getOrDefault(claimSeq, List.of());
    }

    /** Whether the claim had more findings than the limit (its findings were not kept). */
    public boolean overLimit(int claimSeq) {
        return overLimit.contains(claimSeq);
    }

    public int maxFindingsPerClaim() {
        return maxFindingsPerClaim;
    }
}
