package org.claimauditor.engine;

import org.claimauditor.engine.fact.ClaimFact;
import org.claimauditor.engine.fact.LineFact;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DRL global {@code out}: rule actions report findings here. Rule id, category and severity come
 * from the firing rule's metadata (via the catalog), so a rule action only says what a coder needs to
 * read: the message, the suggested fix and the source.
 */
public final class FindingSink {

    private final Map<String, RuleInfo> rulesByKey;
    private final Map<Integer, List<Finding>> byClaim = new HashMap<>();

    public FindingSink(Map<String, RuleInfo> rulesByKey) {
        this.rulesByKey = rulesByKey;
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

    private void add(RuleContext ctx, ClaimFact claim, List<Integer> lines, String message, String suggestion,
                     String source) {
        RuleInfo info = info(ctx.getRule());
        BigDecimal atRisk = info.severity() == Severity.INFO ? BigDecimal.ZERO : amountAtRisk(claim, lines);
        byClaim.computeIfAbsent(claim.getSeq(), k -> new ArrayList<>())
                .add(new Finding(info.id(), info.category(), info.severity(), lines, message, source, suggestion, atRisk));
    }

    private RuleInfo info(Rule rule) {
        RuleInfo info = rulesByKey.get(RuleSet.key(rule.getPackageName(), rule.getName()));
        if (info == null) {
            throw new IllegalStateException("rule not in catalog: " + rule.getPackageName() + "." + rule.getName());
        }
        return info;
    }

    /** Charges of the named lines; for a claim-level finding, the whole claim's charge is at risk. */
    static BigDecimal amountAtRisk(ClaimFact claim, List<Integer> lines) {
        if (lines.isEmpty()) {
            return claim.getTotalCharge();
        }
        return claim.getClaim().lines().stream()
                .filter(l -> l.lineNumber() != null && lines.contains(l.lineNumber()))
                .map(l -> l.charge())
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Finding> findingsFor(int claimSeq) {
        return byClaim.getOrDefault(claimSeq, List.of());
    }
}
